// Markdown built from file content must never become markup: values, keys and
// section names go into code spans (where nothing is interpreted), and free text
// is escaped. Hovers are sent with isTrusted unset, so command links cannot run anyway.

/** A code span that holds any text literally, backticks and line breaks included. */
export function code(text: string): string {
  const flat = text.replace(/\r\n|\r|\n/g, ' ⏎ ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${fence}${pad}${flat === '' ? ' ' : flat}${pad}${fence}`;
}

/** Escape every character that Markdown or HTML could give a meaning to. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&:]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '\\' + c));
}

/** A code span of one or more backticks, as Markdown reads it. */
const CODE_SPAN = /(`+)([\s\S]*?[^`])\1(?!`)/g;

/**
 * Catalog text is ours (trusted prose with `code` spans); still, no raw HTML may
 * pass. Inside a code span Markdown shows characters as they are, so `<cache_dir>`
 * stays as written there (an entity would be shown literally).
 */
export function prose(text: string): string {
  let out = '';
  let at = 0;
  for (const m of text.matchAll(CODE_SPAN)) {
    out += escapeAngles(text.slice(at, m.index)) + m[0];
    at = m.index! + m[0].length;
  }
  return out + escapeAngles(text.slice(at));
}

const escapeAngles = (t: string) => t.replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The same text for a client that shows plain text only: code spans, emphasis and
 * escapes removed, links written out, entities decoded.
 */
export function markdownToPlainText(markdown: string): string {
  const spans: string[] = [];
  const protectedText = markdown.replace(CODE_SPAN, (_m, _fence: string, inner: string) => {
    spans.push(inner.length > 1 && inner.startsWith(' ') && inner.endsWith(' ') ? inner.slice(1, -1) : inner);
    return `\u0000${spans.length - 1}\u0000`;
  });
  return protectedText
    .replace(/\[([^\]]*)\]\((https?:[^)\s]*)\)/g, '$1: $2')
    .replace(/\*\*/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~&:])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\u0000(\d+)\u0000/g, (_m, n: string) => spans[Number(n)]);
}

/** A link only to an http(s) URL of our own catalog, never to file-derived text. */
export function link(label: string, url: string): string {
  return /^https:\/\/[\w.-]+\/[\w./#%?=&+-]*$/.test(url) ? `[${escapeMarkdown(label)}](${url})` : escapeMarkdown(label);
}
