import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

describe('gradproof train', () => {
  it('trains one small run and writes the run directory (the summary as JSON)', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gp-train-cli-')), 'run');
    const { code, stdout } = await runCli(['train', '--activation', 'leaky:-0.5', '--limit', '300', '--epochs', '1', '--out', out, '--json']);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary.params.total).toBe(27_938);
    expect(summary.epochsRun).toBe(1);
    for (const file of ['config.json', 'metrics.jsonl', 'final.json']) expect(existsSync(join(out, file))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'config.json'), 'utf8')).config.activation).toEqual({ name: 'leaky_relu', params: { alpha: -0.5 } });
  }, 120_000);

  it('trains with --backend webgpu (on Mesa\'s software GL where there is no GPU)', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gp-train-webgpu-')), 'run');
    const { code, stdout, stderr } = await runCli(['train', '--activation', 'prelu', '--backend', 'webgpu', '--limit', '60', '--epochs', '1', '--batch-size', '32', '--out', out, '--json']);
    expect(code, stderr).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary.engine).toMatch(/^webgpu on /);
    expect(summary.params.total).toBe(27_954);
    expect(Number.isFinite(summary.test.loss)).toBe(true);
    expect(Object.keys(summary.learned)).toEqual(['act1', 'act2']);
  }, 240_000);

  it.each([
    [['train', '--out', '/tmp/x'], /expected exactly one of --activation, --preset, --merge, --resume, got none/],
    [['train', '--activation', 'mish', '--preset', 'seed-q2', '--out', '/tmp/x'], /got --activation and --preset/],
    [['train', '--activation', 'mish'], /expected --out DIR/],
    [['train', '--activation', 'mish', '--epochs', 'two', '--out', '/tmp/x'], /--epochs: expected a positive integer, got 'two'/],
    [['train', '--activation', 'gelu', '--out', '/tmp/gp-never'], /--activation: expected one of relu/],
    [['train', '--preset', 'seed-q3', '--shard', '3/2', '--out', '/tmp/gp-never'], /--shard/],
    [['train', '--preset', 'seed-q2', '--optimizer', 'sgd', '--out', '/tmp/gp-never'], /--preset seed-q2: expected no --download or --optimizer/],
  ])('refuses bad flags with exit 2: %s', async (argv, message) => {
    const { code, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('refuses to resume a directory that is not a run, with the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gp-not-a-run-'));
    const { code, stderr } = await runCli(['train', '--resume', dir]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/config\.json|not a|run/i);
  });
});
