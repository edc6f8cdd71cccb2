/** Runs the CLI in-process with a recording IO, as the tests of every command do. */
import { bufferIO } from '../../src/cli/command-io.ts';
import { main } from '../../src/cli/main.ts';

export async function runCli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = bufferIO();
  const code = await main(argv, io);
  return { code, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
}
