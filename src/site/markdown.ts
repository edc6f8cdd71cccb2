/**
 * A small Markdown reader for the hand-written pages in `docs/`: headings, paragraphs, lists,
 * fenced code, block quotes, tables, `$inline$` and `$$display$$` TeX (rendered by KaTeX with
 * `throwOnError`, so a broken formula fails the build), `code`, **bold**, *emphasis*, links and
 * images. Everything else is escaped text.
 */
import { GradproofError } from '../symbolic/index.ts';
import { renderTex } from './render-tex.ts';
import { escapeHtml, trustedHtml, type Html } from './safe-html.ts';

/** A rendered Markdown document and its first heading. */
export interface MarkdownPage {
  readonly title: string;
  readonly body: Html;
}

/** Options of {@link renderMarkdown}. */
export interface MarkdownOptions {
  /** Maps an image's `src` to the site path it was copied to; unmapped images are shown as their alt text. Default: relative links kept. */
  readonly image?: (src: string) => string | undefined;
}

/**
 * Renders Markdown with TeX.
 * @param source the Markdown text; `name` is used in error messages.
 * @throws GradproofError GP_INTERNAL when a formula does not render (names the file and line).
 */
export function renderMarkdown(source: string, name = 'markdown', options: MarkdownOptions = {}): MarkdownPage {
  const inline = (text: string): string => inlineMarkdown(text, options);
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let title = '';
  let i = 0;
  const fail = (error: unknown, line: number): never => {
    const message = error instanceof Error ? error.message : String(error);
    throw new GradproofError('GP_INTERNAL', `${name}: ${message} (at line ${line + 1})`, { position: { file: name, line: line + 1 }, cause: error });
  };
  while (i < lines.length) {
    const line = lines[i]!;
    const start = i;
    try {
      if (line.trim() === '') {
        i++;
      } else if (line.startsWith('```')) {
        const code: string[] = [];
        for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) code.push(lines[i]!);
        i++;
        out.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
      } else if (line.trim().startsWith('$$')) {
        const tex: string[] = [line.trim().slice(2)];
        while (!tex.join('\n').includes('$$') && i + 1 < lines.length) tex.push(lines[++i]!);
        i++;
        const body = tex.join('\n');
        const end = body.indexOf('$$');
        if (end < 0) fail(new Error('display formula: expected a closing $$'), start);
        out.push(`<div class="formula">${renderTex(body.slice(0, end), { display: true }).value}</div>`);
      } else if (line.trim().startsWith('|') && /^\s*\|?\s*:?-{3,}/.test(lines[i + 1] ?? '')) {
        const cells = (row: string) => row.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
        const head = cells(line);
        const rows: string[][] = [];
        for (i += 2; i < lines.length && lines[i]!.trim().startsWith('|'); i++) rows.push(cells(lines[i]!));
        out.push(`<table><tr>${head.map((c) => `<th>${inline(c)}</th>`).join('')}</tr>${rows.map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`).join('')}</table>`);
      } else if (/^#{1,4} /.test(line)) {
        const level = /^#+/.exec(line)![0].length;
        const text = line.slice(level + 1).trim();
        if (!title && level === 1) title = text;
        out.push(`<h${level}>${inline(text)}</h${level}>`);
        i++;
      } else if (/^\s*([-*]|\d+\.) /.test(line)) {
        const ordered = /^\s*\d+\. /.test(line);
        const items: string[] = [];
        while (i < lines.length && lines[i]!.trim() !== '') {
          const item = /^\s*(?:[-*]|\d+\.) (.*)$/.exec(lines[i]!);
          if (item) items.push(item[1]!);
          else items[items.length - 1] += ` ${lines[i]!.trim()}`;
          i++;
        }
        const tag = ordered ? 'ol' : 'ul';
        out.push(`<${tag}>${items.map((t) => `<li>${inline(t)}</li>`).join('')}</${tag}>`);
      } else {
        const para: string[] = [];
        const quote = line.startsWith('>');
        while (i < lines.length && lines[i]!.trim() !== '' && !/^(#{1,4} |```|\$\$|\s*\|)/.test(lines[i]!)) para.push(lines[i++]!.replace(/^>\s?/, ''));
        out.push(quote ? `<blockquote><p>${inline(para.join(' '))}</p></blockquote>` : `<p>${inline(para.join(' '))}</p>`);
      }
    } catch (error) {
      if (error instanceof GradproofError && error.message.startsWith(`${name}:`)) throw error;
      fail(error, start);
    }
  }
  return { title: title || name, body: trustedHtml(out.join('\n')) };
}

const INLINE = /\$([^$]+)\$|`([^`]+)`|\*\*([^*]+)\*\*|\*([^*]+)\*|(!?)\[([^\]]*)\]\(([^)\s]+)\)/g;

function inlineMarkdown(text: string, options: MarkdownOptions): string {
  const inline = (t: string) => inlineMarkdown(t, options);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    out += escapeHtml(text.slice(last, m.index));
    last = m.index! + m[0].length;
    if (m[1] !== undefined) out += renderTex(m[1]).value;
    else if (m[2] !== undefined) out += `<code>${escapeHtml(m[2])}</code>`;
    else if (m[3] !== undefined) out += `<strong>${inline(m[3])}</strong>`;
    else if (m[4] !== undefined) out += `<em>${inline(m[4])}</em>`;
    else if (m[5] === '!') {
      const src = options.image ? options.image(m[7]!) : safeHref(m[7]!);
      out += src === undefined ? `<em>[image: ${escapeHtml(m[6]!)}]</em>` : `<img src="${escapeHtml(src)}" alt="${escapeHtml(m[6]!)}">`;
    } else out += `<a href="${escapeHtml(safeHref(m[7]!))}">${inline(m[6]!)}</a>`;
  }
  return out + escapeHtml(text.slice(last));
}

/** Relative links and http(s)/mailto only; anything else (javascript:, data:) becomes '#'. */
function safeHref(href: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) && !/^(https?|mailto):/i.test(href)) return '#';
  return href.replace(/\.md(#|$)/, '.html$1');
}
