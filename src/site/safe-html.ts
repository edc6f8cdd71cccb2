/**
 * HTML built from strings without injection: every interpolated value is escaped unless it is
 * already {@link Html} (our own markup). Pages are functions returning {@link Html}.
 */

/** A string of HTML that gradproof wrote itself (safe to insert as is). */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What may be interpolated into {@link html}: text (escaped), numbers, Html, or lists of them. */
export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML content and attribute values.
 * @example escapeHtml('<a href="x">') // "&lt;a href=&quot;x&quot;&gt;"
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

function flatten(value: HtmlValue): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(flatten).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/**
 * Tagged template: the literal parts are our markup, every `${value}` is escaped.
 * @example html`<p>${userText}</p>`
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += flatten(value) + strings[i + 1]!;
  });
  return new Html(out);
}

/** Marks a string we generated ourselves (KaTeX output, an SVG from Plot) as HTML. */
export function trustedHtml(markup: string): Html {
  return new Html(markup);
}
