// The snippets of snippets/kallithea-ini.json, for editors other than VS Code (which
// reads the file itself) and for tests. Variables a client may not know (UUID,
// RANDOM_HEX) are filled in here, with randomness passed in so this stays pure.

import SNIPPETS from '../../../../snippets/kallithea-ini.json';

export interface Snippet {
  name: string;
  prefix: string;
  description: string;
  body: string[];
}

export const ALL_SNIPPETS: Snippet[] = Object.entries(SNIPPETS as Record<string, Omit<Snippet, 'name'>>).map(([name, s]) => ({ name, ...s }));

/** Replace the random variables with values from `hex(n)` (n hex digits); keep tab stops. */
export function resolveVariables(body: string, hex: (digits: number) => string): string {
  return body.replace(/\$\{UUID\/-\/\/g\}/g, () => hex(32)).replace(/\$\{RANDOM_HEX\}|\$RANDOM_HEX\b/g, () => hex(6));
}

/** The text a snippet leaves when every tab stop keeps its default (what a user gets by pressing Tab through it). */
export function expandSnippet(snippet: Snippet, hex: (digits: number) => string): string {
  return snippetAsPlainText(resolveVariables(snippet.body.join('\n'), hex));
}

/**
 * A snippet in LSP/TextMate syntax as plain text, for clients without snippet
 * support: each tab stop becomes its default (a mirror `$1` repeats it), a choice
 * its first option, `$0` nothing, and `\$`, `\}`, `\\` the character itself.
 */
export function snippetAsPlainText(text: string): string {
  const defaults = new Map<string, string>();
  let i = 0;
  const parse = (inside: boolean): string => {
    let out = '';
    while (i < text.length) {
      const c = text[i];
      if (c === '\\' && i + 1 < text.length && '$}\\,|'.includes(text[i + 1])) {
        out += text[i + 1];
        i += 2;
      } else if (inside && c === '}') {
        return out;
      } else if (c === '$' && /\d/.test(text[i + 1] ?? '')) {
        const n = /^\d+/.exec(text.slice(i + 1))![0];
        i += 1 + n.length;
        out += defaults.get(n) ?? '';
      } else if (c === '$' && text[i + 1] === '{' && /\d/.test(text[i + 2] ?? '')) {
        const n = /^\d+/.exec(text.slice(i + 2))![0];
        i += 2 + n.length;
        let value = '';
        if (text[i] === ':') {
          i++;
          value = parse(true);
        } else if (text[i] === '|') {
          const end = text.indexOf('|}', i + 1);
          value = text.slice(i + 1, end < 0 ? text.length : end).split(',')[0];
          i = end < 0 ? text.length : end + 1;
        } else value = defaults.get(n) ?? '';
        if (text[i] === '}') i++;
        if (!defaults.has(n)) defaults.set(n, value);
        out += value;
      } else {
        out += c;
        i++;
      }
    }
    return out;
  };
  return parse(false);
}
