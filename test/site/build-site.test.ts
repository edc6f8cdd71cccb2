import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isGradproofError } from '../../src/symbolic/index.ts';
import { buildSite, serveSite } from '../../src/site/index.ts';
import { fixtureReport } from './fixture-report.ts';
import { writeRunFixtures } from './run-fixtures.ts';

const tmp = mkdtempSync(join(tmpdir(), 'gp-site-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const report = fixtureReport();

describe('buildSite', () => {
  const out = join(tmp, 'site');
  const built = buildSite({ out, report, runs: [writeRunFixtures(join(tmp, 'runs'))], measure: false });

  it('writes every page, KaTeX CSS and fonts, the bundled checker and run images', async () => {
    const site = await built;
    expect(site.pages).toContain('index.html');
    expect(site.pages).toContain('functions/mish.html');
    expect(site.pages).toContain('experiments.html');
    expect(site.pages).toContain('instructor.html');
    expect(site.pages.filter((p) => p.startsWith('claims/'))).toHaveLength(report.claims.length);
    expect(site.pages.filter((p) => p.startsWith('docs/')).length).toBeGreaterThanOrEqual(2);
    for (const page of site.pages) expect(existsSync(join(out, page))).toBe(true);
    expect(readdirSync(join(out, 'assets/katex/fonts')).some((f) => f.endsWith('.woff2'))).toBe(true);
    expect(readFileSync(join(out, 'assets/katex/katex.min.css'), 'utf8')).toContain('fonts/KaTeX_Main-Regular.woff2');
    expect(site.instructorBytes).toBeGreaterThan(100_000);
    for (const n of site.nodeOnlyImports) expect(n.importer).toMatch(/^(src|node_modules)\//); // stubbed; listed so the layer can drop them
    expect(existsSync(join(out, 'images/runs/1-mish.png'))).toBe(true);
  });

  it('links are relative and no page refers to a CDN', async () => {
    const site = await built;
    for (const page of site.pages) {
      const text = readFileSync(join(out, page), 'utf8');
      expect(text).not.toMatch(/(src|href)="(https?:)?\/\//);
    }
    expect(readFileSync(join(out, 'functions/mish.html'), 'utf8')).toContain('href="../assets/katex/katex.min.css"');
  });

  it('a broken formula fails the build and leaves the previous site in place', async () => {
    await built;
    const marker = join(out, 'marker.txt');
    writeFileSync(marker, 'previous build');
    const broken = { ...report, functions: [{ ...report.functions[0]!, tex: '\\frac{1}{' }] };
    const failure = await buildSite({ out, report: broken, measure: false }).catch((e: unknown) => e);
    expect(isGradproofError(failure, 'GP_INTERNAL')).toBe(true);
    expect(readFileSync(marker, 'utf8')).toBe('previous build');
    expect(readdirSync(tmp).filter((f) => f.includes('-build-'))).toEqual([]);
  });

  it('serves the site on 127.0.0.1 only, and nothing outside it', async () => {
    await built;
    const server = await serveSite({ dir: out });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const home = await fetch(server.url);
      expect(home.headers.get('content-type')).toContain('text/html');
      expect(await home.text()).toContain('What gradproof verified');
      expect((await fetch(`${server.url}..%2f..%2fetc%2fpasswd`)).status).toBe(404);
      expect((await fetch(`${server.url}missing.html`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
