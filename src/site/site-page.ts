/**
 * One page of the site before the shared frame is applied, and the path helpers pages use.
 */
import type { Html } from './safe-html.ts';

/** A page: where it goes, its title and its body. */
export interface SitePage {
  /** Site-root-relative path with forward slashes, e.g. `functions/mish.html`. */
  readonly path: string;
  readonly title: string;
  readonly body: Html;
  /** Site-root-relative scripts this page loads (classic, at the end of the body). */
  readonly scripts?: readonly string[];
}

/** A file-name-safe slug of an id (`mish.d1.omega-delta` → `mish.d1.omega-delta`, spaces → '-'). */
export function slug(id: string): string {
  const s = id.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  return s || 'page';
}

/** Path of a catalog function's page. */
export function functionPagePath(name: string): string {
  return `functions/${slug(name)}.html`;
}

/** Path of a claim's page. */
export function claimPagePath(id: string): string {
  return `claims/${slug(id)}.html`;
}

/** The relative path from a page at `path` back to the site root ('' or '../', …). */
export function rootOf(path: string): string {
  return '../'.repeat(path.split('/').length - 1);
}
