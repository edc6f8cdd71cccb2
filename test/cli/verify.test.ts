import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../src/symbolic/index.ts';
import { runCli as run } from './run-cli.ts';

describe('gradproof verify', () => {
  it('proves the named entries and prints the JSON shape of the contract', async () => {
    const { code, stdout } = await run(['verify', 'mish', 'swish', '--json']);
    const report = JSON.parse(stdout) as VerifyReport;
    expect(code).toBe(0);
    expect(report.schemaVersion).toBe(1);
    expect(report.functions.map((f) => f.name)).toEqual(['mish', 'swish']);
    const mish = report.functions[0]!;
    expect(mish.derivatives.map((d) => [d.wrt, d.order, d.proof.status])).toEqual([['x', 1, 'proved'], ['x', 2, 'proved']]);
    const omega = mish.forms.find((f) => f.id === 'mish.d1.omega-delta')!;
    expect(omega.status).toBe('proved');
    const overX = mish.forms.find((f) => f.id === 'mish.d1.swish-delta')!;
    expect(overX.status).toBe('proved');
    expect(overX.note).toMatch(/removable singularity/);
    expect(report.claims).toEqual([]); // claims come with a full run only
  });

  it('adds entries from a YAML catalog and refuses a wrong form there with a witness (exit 0: forms are findings)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gp-verify-'));
    const file = join(dir, 'mine.yaml');
    writeFileSync(file, `functions:
  - name: softsign
    variables: [x]
    definition: x/(1+x^2)
    forms:
      - { id: softsign.wrong, source: a typo, derivative: x, expression: "(1+x^2)/(1+x^2)^2" }
`);
    const { code, stdout } = await run(['verify', 'softsign', '--catalog', file, '--json']);
    const report = JSON.parse(stdout) as VerifyReport;
    expect(code).toBe(0);
    expect(report.functions[0]!.derivatives.every((d) => d.proof.status === 'proved')).toBe(true);
    const wrong = report.functions[0]!.forms[0]!;
    expect(wrong.status).toBe('refuted');
    expect(Number(wrong.witness!.difference)).not.toBe(0);
  });

  it('gives exit 2 with file and line for a bad catalog file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gp-verify-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'functions:\n  - name: f\n    variables: [x]\n    definition: x +* 1\n');
    const { code, stderr } = await run(['verify', '--catalog', file]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}:4:`);
  });

  it('gives exit 2 for an unknown name', async () => {
    const { code, stderr } = await run(['verify', 'gelu']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown function 'gelu'/);
  });
});
