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

/** Catalog text is ours (trusted prose with `code` spans); still, no raw HTML may pass. */
export function prose(text: string): string {
  return text.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A link only to an http(s) URL of our own catalog, never to file-derived text. */
export function link(label: string, url: string): string {
  return /^https:\/\/[\w.-]+\/[\w./#%?=&+-]*$/.test(url) ? `[${escapeMarkdown(label)}](${url})` : escapeMarkdown(label);
}
