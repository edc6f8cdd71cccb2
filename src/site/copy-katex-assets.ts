/**
 * Copies KaTeX's CSS and fonts from the installed katex package into the site, so formulas
 * render offline (file:// or served) with no CDN.
 */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The katex package's `dist` folder. */
export function katexDistDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('katex/package.json')), 'dist');
}

/**
 * Writes `katex.min.css` and `fonts/*` under `dir` (e.g. `<site>/assets/katex`).
 * @returns the number of files copied.
 */
export function copyKatexAssets(dir: string): number {
  const dist = katexDistDir();
  mkdirSync(join(dir, 'fonts'), { recursive: true });
  copyFileSync(join(dist, 'katex.min.css'), join(dir, 'katex.min.css'));
  const fonts = readdirSync(join(dist, 'fonts'));
  for (const font of fonts) copyFileSync(join(dist, 'fonts', font), join(dir, 'fonts', font));
  return fonts.length + 1;
}
