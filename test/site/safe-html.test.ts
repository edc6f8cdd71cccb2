import { describe, expect, it } from 'vitest';
import { escapeHtml, html, trustedHtml } from '../../src/site/index.ts';

describe('safe HTML', () => {
  it('escapes every interpolated string, keeps our own markup', () => {
    const evil = `<script>alert("x")</script>&'`;
    const out = html`<p title="${evil}">${evil}</p>`.value;
    expect(out).not.toContain('<script>');
    expect(out).toBe('<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>');
  });

  it('inserts trusted HTML and lists as they are, drops null/undefined/false', () => {
    const items = ['a<b', trustedHtml('<i>c</i>'), null, undefined, false, 3];
    expect(html`<div>${items}</div>`.value).toBe('<div>a&lt;b<i>c</i>3</div>');
  });

  it('escapeHtml is idempotent on safe text', () => {
    expect(escapeHtml('plain text 123')).toBe('plain text 123');
    expect(escapeHtml(escapeHtml('<'))).toBe('&amp;lt;');
  });
});
