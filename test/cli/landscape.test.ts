import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIO } from '../../src/cli/command-io.ts';
import { landscapeCommand } from '../../src/cli/commands/landscape.ts';
import { EXIT, type ExitCode } from '../../src/cli/exit-codes.ts';

async function run(args: string[]): Promise<{ exit: ExitCode | undefined; stdout: string[]; stderr: string[] }> {
  const io = bufferIO();
  let exit: ExitCode | undefined;
  await landscapeCommand(io, (c) => { exit = c; }).exitOverride().parseAsync(args, { from: 'user' });
  return { exit, stdout: io.stdout, stderr: io.stderr };
}

describe('gradproof landscape', () => {
  it('writes the images and prints the JSON summary with --json', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'gp-landscape-cli-'));
    const r = await run(['--activations', 'relu,mish', '--size', '24', '--samples', '1', '--seed', '2', '--out', out, '--json']);
    expect(r.exit).toBe(EXIT.ok);
    const json = JSON.parse(r.stdout.join('\n'));
    expect(json.landscapes.map((l: { activation: string }) => l.activation)).toEqual(['relu', 'mish']);
    expect(json.size).toBe(24);
    expect(fs.readdirSync(out).sort()).toEqual(['landscape.json', 'landscape.md', 'landscape.png', 'mish.png', 'relu.png']);
  });
  it('prints a Markdown table in human mode', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'gp-landscape-cli-'));
    const r = await run(['--activations', 'swish', '--size', '12', '--samples', '1', '--out', out]);
    expect(r.exit).toBe(EXIT.ok);
    expect(r.stdout.join('\n')).toContain('| Swish |');
  });
  it.each([
    [['--size', '12'], /--out/],
    [['--size', 'big', '--out', 'x'], /--size: expected an integer/],
    [['--activations', 'nope', '--size', '12', '--out', 'x'], /expected one of/],
  ])('exits 2 with a message for %j', async (args, message) => {
    const r = await run(args);
    expect(r.exit).toBe(EXIT.usage);
    expect(r.stderr.join('\n')).toMatch(message);
  });
});
