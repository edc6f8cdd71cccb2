/**
 * The hand-written pages in `docs/` (Markdown + TeX), rendered into the site under `docs/`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderMarkdown } from './markdown.ts';
import { slug, type SitePage } from './site-page.ts';

/** The repository's `docs/` folder (next to `src/`). */
export const DEFAULT_DOCS_DIR = fileURLToPath(new URL('../../docs/', import.meta.url));

/** One page per `*.md` file of `dir`, sorted by file name; none when the folder is absent. */
export function docsPages(dir: string = DEFAULT_DOCS_DIR): SitePage[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => {
      const { title, body } = renderMarkdown(readFileSync(join(dir, file), 'utf8'), `docs/${file}`);
      return { path: `docs/${slug(file.replace(/\.md$/, ''))}.html`, title, body };
    });
}
