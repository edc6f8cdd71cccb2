import { Command, CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { bufferIO } from '../../src/cli/command-io.ts';
import { gradcheckCommand } from '../../src/cli/commands/gradcheck.ts';

/** Runs `gradproof gradcheck ARGS` in-process, wired as src/cli/main.ts wires every command. */
async function run(args: string[]) {
  const io = bufferIO();
  let exit = 0;
  const program = new Command('gradproof').exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  program.addCommand(gradcheckCommand(io, (code) => { exit = code; }).exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) }));
  try {
    await program.parseAsync(['gradcheck', ...args], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    exit = 2;
  }
  return { exit, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
}

describe('gradproof gradcheck', () => {
  it('checks a catalog function and exits 0, with JSON on request', async () => {
    const r = await run(['--fn', 'mish', '--points', '300', '--json']);
    expect(r.exit).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ schemaVersion: 1, status: 'pass', failures: [] });
    expect(report.checked).toBe(300);
    expect(report.worst).toHaveProperty('oracle');
  });

  it('reports kinks with one-sided derivatives', async () => {
    const r = await run(['--fn', 'leaky_relu', '--param', 'alpha=0.3', '--json']);
    expect(r.exit).toBe(0);
    const kink = JSON.parse(r.stdout).kinks.find((k: { point: { x: number } }) => k.point.x === 0);
    expect(kink.left).toBeCloseTo(0.3, 8);
    expect(kink.right).toBeCloseTo(1, 8);
  });

  it('exits 1 with a readable report for a wrong derivative', async () => {
    const r = await run(['--f', 'x*sigmoid(x)', '--df', 'sigmoid(x) + x*sigmoid(x)*sigmoid(x)', '--var', 'x', '--range', '-5,5', '--seed', '3']);
    expect(r.exit).toBe(1);
    expect(r.stdout).toMatch(/^FAIL/);
    expect(r.stdout).toMatch(/worst failure at x=/);
    expect(r.stdout).toMatch(/seed 3/);
  });

  it('accepts parameters, dtype, oracle and tolerances', async () => {
    const r = await run(['--f', 'x*sigmoid(beta*x)', '--df', 'sigmoid(beta*x) + beta*x*sigmoid(beta*x)*sigmoid(-beta*x)', '--param', 'beta=1.5',
      '--dtype', 'float32', '--oracle', 'complex-step', '--points', '100', '--rtol', '1e-3']);
    expect(r.exit).toBe(0);
    expect(r.stdout).toMatch(/^PASS .*float32/);
  });

  it('checks the whole catalog without --fn or --f', async () => {
    const r = await run(['--points', '60']);
    expect(r.exit).toBe(0);
    expect(r.stdout).toMatch(/PASS catalog: 16 functions/);
  });

  it('exits 2 with the position for an unparsable expression', async () => {
    const r = await run(['--f', 'x*sigmoid(x', '--df', '1', '--json']);
    expect(r.exit).toBe(2);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'GP_PARSE', position: { offset: 11 } });
    expect(r.stderr).toMatch(/--f: .*at position 11/);
  });

  it('exits 2 for bad flags', async () => {
    expect((await run(['--fn', 'nope'])).exit).toBe(2);
    expect((await run(['--f', 'x'])).exit).toBe(2);
    expect((await run(['--fn', 'mish', '--range', '5'])).exit).toBe(2);
    expect((await run(['--fn', 'mish', '--param', 'beta'])).exit).toBe(2);
    expect((await run(['--fn', 'mish', '--dtype', 'float16'])).exit).toBe(2);
    expect((await run(['--fn', 'mish', '--wrt', 'q'])).exit).toBe(2);
  });
});
