/**
 * The built site in a real browser: every page loads with no console error and no KaTeX error
 * node, images and fonts load, the site works from file:// too, and the instructor page judges a
 * correct and an incorrect Mish derivative in the browser. Built from the real verification
 * report (`verifyCatalog()`) and fake run directories. Screenshots go to
 * test-artifacts/screenshots/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, serveSite, type BuiltSite, type SiteServer } from '../../src/site/index.ts';
import { startBrowser, type BrowserSession } from './browser-session.ts';
import { verifyCatalog } from '../../src/symbolic/index.ts';
import { writeRunFixtures } from './run-fixtures.ts';

const SCREENSHOTS = join(process.cwd(), 'test-artifacts', 'screenshots');
const tmp = mkdtempSync(join(tmpdir(), 'gp-browser-'));
let site: BuiltSite;
let server: SiteServer;
let browser: BrowserSession;

beforeAll(async () => {
  rmSync(SCREENSHOTS, { recursive: true, force: true }); // only this run's screenshots are kept
  mkdirSync(SCREENSHOTS, { recursive: true });
  site = await buildSite({ out: join(tmp, 'site'), report: verifyCatalog(), runs: [writeRunFixtures(join(tmp, 'runs'))] });
  server = await serveSite({ dir: site.out });
  browser = await startBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function inspect(page: Page): Promise<{ katexErrors: number; formulas: number; brokenImages: string[]; fontsOk: boolean }> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    const brokenImages = Array.from(document.images).filter((img) => !img.complete || img.naturalWidth === 0).map((img) => img.src);
    const formulas = document.querySelectorAll('.katex').length;
    const fontsOk = formulas === 0 || document.fonts.check('16px KaTeX_Main');
    return { katexErrors: document.querySelectorAll('.katex-error').length, formulas, brokenImages, fontsOk };
  });
}

/** Pages kept as screenshots (one of each kind; every page is still loaded and checked). */
const SCREENSHOT_PAGES = new Set(['index.html', 'functions/mish.html', 'functions/relu.html', 'functions/softmax_cross_entropy.html', 'experiments.html', 'instructor.html', 'docs/how-proofs-work.html']);

const shotName = (path: string) => path.replace(/\//g, '__').replace(/\.html$/, '.png');

describe('the site in Chromium', () => {
  it('every page loads with no console error, no KaTeX error node, and its images and fonts', async () => {
    const { page, errors } = await browser.open();
    let claimShot = false;
    for (const path of site.pages) {
      await page.goto(server.url + path, { waitUntil: 'load' });
      const result = await inspect(page);
      expect({ path, errors, ...result }).toMatchObject({ path, errors: [], katexErrors: 0, brokenImages: [], fontsOk: true });
      if (SCREENSHOT_PAGES.has(path) || (path.startsWith('claims/') && !claimShot)) {
        claimShot ||= path.startsWith('claims/');
        await page.screenshot({ path: join(SCREENSHOTS, shotName(path)), fullPage: true });
      }
    }
    expect(site.pages.length).toBeGreaterThan(20);
    await page.close();
  }, 120_000);

  it('works offline from file:// (KaTeX fonts and the checker script load)', async () => {
    const { page, errors } = await browser.open();
    await page.goto(pathToFileURL(join(site.out, 'functions/mish.html')).href);
    const result = await inspect(page);
    expect(result.formulas).toBeGreaterThan(5);
    expect(result.fontsOk).toBe(true);
    await page.goto(pathToFileURL(join(site.out, 'instructor.html')).href);
    await page.waitForSelector('body[data-ready="true"]');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the instructor page proves a correct Mish derivative and refutes an incorrect one, in the browser', async () => {
    const { page, errors } = await browser.open();
    await page.goto(`${server.url}instructor.html`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.selectOption('#target', 'mish.d1.x');
    const verdict = async (answer: string): Promise<string | undefined> => {
      await page.fill('#answer', answer);
      await page.click('#check');
      const badge = await page.waitForSelector('#verdict [data-verdict]');
      return (await badge.getAttribute('data-verdict')) ?? undefined;
    };
    // The source document's own chain-rule form (SEED Q1.2 line 1): correct.
    expect(await verdict('\\tanh(\\ln(1+e^{x})) + x\\operatorname{sech}^2(\\ln(1+e^{x}))\\cdot\\frac{e^{x}}{e^{x}+1}')).toBe('equivalent');
    expect(await page.locator('#preview .katex').count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'instructor-correct.png'), fullPage: true });
    // Missing the chain-rule factor e^x/(e^x+1): wrong, with a witness.
    expect(await verdict('\\tanh(\\ln(1+e^{x})) + x\\operatorname{sech}^2(\\ln(1+e^{x}))')).toBe('not-equivalent');
    expect(await page.textContent('#verdict')).toMatch(/At x = /);
    // The diagnosis names the missing factor with its formula rendered by KaTeX, not as raw TeX.
    const diagnosis = page.locator('#verdict p', { hasText: 'Diagnosis:' });
    expect(await diagnosis.locator('.katex').count()).toBe(1);
    // What a reader sees (KaTeX's hidden MathML copy, which keeps the TeX source, left out).
    const visible = await diagnosis.evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.katex-mathml').forEach((m) => m.remove());
      return copy.textContent;
    });
    expect(visible).toBe('Diagnosis: a chain-rule factor is missing: the answer lacks the inner derivative σ(x)');
    await page.screenshot({ path: join(SCREENSHOTS, 'instructor-incorrect.png'), fullPage: true });
    // A bank question: graded by its response tree, with the document's ω/δ closed form and its definitions.
    await page.selectOption('#target', 'question:q1-mish-derivative');
    expect(await page.textContent('#prompt')).toContain('Differentiate');
    await page.fill('#where', '\\omega = 4(x+1) + 4e^{2x} + e^{3x} + e^{x}(4x+6)\n\\delta = 2e^{x} + e^{2x} + 2');
    expect(await verdict('\\frac{e^{x}\\omega}{\\delta^{2}}')).toBe('equivalent');
    expect(await page.textContent('#verdict')).toMatch(/score 1/);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
