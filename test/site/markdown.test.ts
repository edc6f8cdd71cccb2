import { describe, expect, it } from 'vitest';
import { isGradproofError } from '../../src/symbolic/index.ts';
import { renderMarkdown, renderTex } from '../../src/site/index.ts';
import { docsPages } from '../../src/site/docs-pages.ts';

describe('renderTex', () => {
  it('renders our TeX with KaTeX', () => {
    const out = renderTex('\\sigma(x) = \\frac{1}{1+e^{-x}}', { display: true }).value;
    expect(out).toContain('class="katex-display"');
    expect(out).not.toContain('katex-error');
  });

  it('a broken formula fails (GP_INTERNAL naming it) instead of rendering an error node', () => {
    let caught: unknown;
    try {
      renderTex('\\frac{1}{');
    } catch (error) {
      caught = error;
    }
    expect(isGradproofError(caught, 'GP_INTERNAL')).toBe(true);
    expect((caught as Error).message).toContain('\\frac{1}{');
  });
});

describe('renderMarkdown', () => {
  it('reads headings, lists, code, inline and display TeX, links', () => {
    const page = renderMarkdown(['# Title *x*', '', 'Text with $e^x$ and `code` and [a link](other.md).', '', '- one', '- two **bold**', '', '$$\\tanh u$$', '', '```', '<raw>', '```'].join('\n'));
    expect(page.title).toBe('Title *x*');
    const body = page.body.value;
    expect(body).toContain('<h1>Title <em>x</em></h1>');
    expect(body).toContain('<code>code</code>');
    expect(body).toContain('<a href="other.html">a link</a>');
    expect(body).toContain('<li>two <strong>bold</strong></li>');
    expect(body).toContain('katex-display');
    expect(body).toContain('<pre><code>&lt;raw&gt;</code></pre>');
  });

  it('escapes HTML and neutralises javascript: links', () => {
    const body = renderMarkdown('<img src=x onerror=alert(1)> [x](javascript:alert(1))').body.value;
    expect(body).not.toContain('<img');
    expect(body).toContain('href="#"');
  });

  it('a broken formula names the file and line', () => {
    expect(() => renderMarkdown('# T\n\nok\n\nbad $\\frac{1}{$ here', 'docs/t.md')).toThrow(/docs\/t\.md: .*at line 5/);
  });

  it("the repository's docs pages render", () => {
    const pages = docsPages();
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) expect(page.body.value).toContain('class="katex"');
  });
});
