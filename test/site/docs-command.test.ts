import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bufferIO } from '../../src/cli/command-io.ts';
import { main } from '../../src/cli/main.ts';
import { fixtureReport } from './fixture-report.ts';

const tmp = mkdtempSync(join(tmpdir(), 'gp-docs-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('gradproof docs', () => {
  it('build --report FILE --out DIR --json writes the site and prints its pages', async () => {
    const report = join(tmp, 'report.json');
    const full = fixtureReport();
    writeFileSync(report, JSON.stringify({ ...full, functions: full.functions.filter((f) => f.name === 'mish' || f.name === 'relu') }));
    const io = bufferIO();
    const out = join(tmp, 'site');
    const code = await main(['docs', 'build', '--report', report, '--out', out, '--json'], io);
    expect(io.stderr.filter((l) => !l.includes('note:'))).toEqual([]);
    expect(code).toBe(0);
    const summary = JSON.parse(io.stdout.join('\n')) as { out: string; pages: string[]; instructorBytes: number };
    expect(summary.out).toBe(out);
    expect(summary.pages).toContain('functions/mish.html');
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  });

  it('a report that is not verify JSON is bad input (exit 2) naming the file', async () => {
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, '{"functions": 3}');
    const io = bufferIO();
    expect(await main(['docs', 'build', '--report', bad, '--out', join(tmp, 'x')], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('bad.json');
    expect(existsSync(join(tmp, 'x'))).toBe(false);
  });

  it('serve refuses a folder without a site and a bad port (exit 2)', async () => {
    const io = bufferIO();
    expect(await main(['docs', 'serve', '--dir', join(tmp, 'nothing')], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/docs build/);
    expect(await main(['docs', 'serve', '--dir', join(tmp, 'site'), '--port', 'eighty'], bufferIO())).toBe(2);
  });
});
