/**
 * One headless Chromium for the site's browser tests: Debian's `chromium` driven by
 * playwright-core, launched with the flags CI needs and a fresh profile folder.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (installed by `.ci/run`); override with GRADPROOF_CHROMIUM. */
export const CHROMIUM = process.env.GRADPROOF_CHROMIUM ?? '/usr/bin/chromium';

/** The flags the issue asks for: no sandbox (containers), no GPU, no background network traffic. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/** A browser and the problems its pages reported. */
export interface BrowserSession {
  readonly context: BrowserContext;
  /** Opens a page that records console errors and uncaught exceptions into `errors`. */
  open(): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

/** Launches Chromium with a fresh profile. */
export async function startBrowser(): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM)) throw new Error(`browser tests: expected Chromium at ${CHROMIUM} (apt-get install -y chromium), got nothing`);
  const profile = mkdtempSync(join(tmpdir(), 'gp-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1200, height: 900 } });
  return {
    context,
    async open() {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`exception: ${e.message}`));
      page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
      return { page, errors };
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
