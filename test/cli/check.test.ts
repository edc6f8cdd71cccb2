import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

describe('gradproof check', () => {
  it('proves an equivalent mathjs-text answer (exit 0) and prints the JSON contract', async () => {
    const { code, stdout } = await runCli(['check', '--expected', 'sigmoid(x)*(1-sigmoid(x))', '--answer', 'exp(-x)/(1+exp(-x))^2', '--json']);
    const result = JSON.parse(stdout);
    expect(code).toBe(0);
    expect(result.verdict).toBe('equivalent');
    expect(Array.isArray(result.notes)).toBe(true);
  });

  it('refutes a near miss with a counterexample (exit 1)', async () => {
    const { code, stdout } = await runCli(['check', '--expected', 'sigmoid(-x)', '--answer', 'sigmoid(x)', '--json']);
    const result = JSON.parse(stdout);
    expect(code).toBe(1);
    expect(result.verdict).toBe('not-equivalent');
    expect(Number(result.counterexample.difference)).not.toBe(0);
  });

  it('reads LaTeX with --where definitions against a catalog derivative (the Mish closed form)', async () => {
    const { code, stdout } = await runCli([
      'check', '--derivative-of', 'mish', '--answer', 'e^{x}\\frac{\\omega}{\\delta^2}',
      '--where', '\\omega = 4(x+1) + 4e^{2x} + e^{3x} + e^{x}(4x+6)', '--where', '\\delta = 2e^{x} + e^{2x} + 2', '--json',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).verdict).toBe('equivalent');
  });

  it('uses --assume: sqrt(x^2) = x only for x > 0', async () => {
    const assumed = await runCli(['check', '--expected', 'x', '--answer', 'sqrt(x^2)', '--assume', 'x>0']);
    expect(assumed.code).toBe(0);
  });

  it('gives exit 2 with the position for unparsable input and for a bad assumption', async () => {
    const parse = await runCli(['check', '--expected', 'x', '--answer', 'x +* 2', '--json']);
    expect(parse.code).toBe(2);
    expect(JSON.parse(parse.stdout).error.code).toBe('GP_PARSE');
    const assume = await runCli(['check', '--expected', 'x', '--answer', 'x', '--assume', 'x >> 0']);
    expect(assume.code).toBe(2);
    expect(assume.stderr).toMatch(/assumption 'x >> 0': expected NAME OP NUMBER/);
  });

  it('gives exit 2 when neither or both of --expected and --derivative-of are given', async () => {
    expect((await runCli(['check', '--answer', 'x'])).code).toBe(2);
    expect((await runCli(['check', '--answer', 'x', '--expected', 'x', '--derivative-of', 'mish'])).code).toBe(2);
  });
});

describe('gradproof check without the assumption', () => {
  it('refutes sqrt(x^2) = x with a negative witness', async () => {
    const { code, stdout } = await runCli(['check', '--expected', 'x', '--answer', 'sqrt(x^2)', '--json']);
    expect(code).toBe(1);
    expect(Number(JSON.parse(stdout).counterexample.point.x)).toBeLessThan(0);
  });
});
