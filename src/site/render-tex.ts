/**
 * Server-side KaTeX. Our own TeX is rendered with `throwOnError`, so a broken formula fails the
 * build instead of showing a red error on the site.
 */
import katex from 'katex';
import { GradproofError } from '../symbolic/index.ts';
import { trustedHtml, type Html } from './safe-html.ts';

/** Options of {@link renderTex}. */
export interface RenderTexOptions {
  /** Display (block) style instead of inline. Default false. */
  readonly display?: boolean;
}

/**
 * KaTeX HTML of `tex`.
 * @throws GradproofError GP_INTERNAL naming the formula when KaTeX cannot render it.
 * @example renderTex('\\sigma(x)', { display: true })
 */
export function renderTex(tex: string, options: RenderTexOptions = {}): Html {
  try {
    return trustedHtml(katex.renderToString(tex, { throwOnError: true, displayMode: options.display ?? false, output: 'html', strict: 'ignore' }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new GradproofError('GP_INTERNAL', `TeX: expected a formula KaTeX can render, got '${tex}': ${message}`, { cause: error });
  }
}
