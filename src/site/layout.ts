/**
 * The shared page frame: head (KaTeX CSS, site CSS), navigation and footer. Links are relative
 * (`root` is the path back to the site's top), so the site works from file:// and when served.
 */
import { html, type Html } from './safe-html.ts';

/** A navigation entry. */
export interface NavLink {
  readonly href: string;
  readonly label: string;
}

/** Options of {@link layout}. */
export interface LayoutOptions {
  /** Page title (text). */
  readonly title: string;
  /** Relative path from the page to the site root: '' or '../'. */
  readonly root: string;
  /** Site-root-relative path of this page, to mark its nav entry. */
  readonly path: string;
  readonly body: Html;
  /** Navigation entries (site-root-relative hrefs). */
  readonly nav: readonly NavLink[];
  /** Extra scripts (site-root-relative), classic scripts loaded at the end of the body (file:// refuses modules). */
  readonly scripts?: readonly string[];
}

/** Wraps a page body in the site frame. */
export function layout(options: LayoutOptions): Html {
  const { root, path } = options;
  const links = options.nav.map((link) => {
    const current = link.href === path;
    return html`<a href="${root + link.href}"${current ? html` aria-current="page"` : ''}>${link.label}</a>`;
  });
  const scripts = (options.scripts ?? []).map((src) => html`<script src="${root + src}"></script>`);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · gradproof</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${root}assets/katex/katex.min.css">
<link rel="stylesheet" href="${root}assets/site.css">
</head>
<body>
<header class="site-header"><a class="brand" href="${root}index.html">gradproof</a><nav>${links}</nav></header>
<main>
${options.body}
</main>
<footer>Every formula on this site was checked by gradproof's prover; every number was measured. Built offline, no CDN.</footer>
${scripts}
</body>
</html>
`;
}
