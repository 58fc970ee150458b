// The snippets of snippets/kallithea-ini.json, for editors other than VS Code (which
// reads the file itself) and for tests. Variables a client may not know (UUID,
// RANDOM_HEX) are filled in here, with randomness passed in so this stays pure.

import SNIPPETS from '../../../snippets/kallithea-ini.json';

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
  const body = resolveVariables(snippet.body.join('\n'), hex);
  const defaults = new Map<string, string>();
  for (const m of body.matchAll(/\$\{(\d+):([^}]*)\}/g)) if (!defaults.has(m[1])) defaults.set(m[1], m[2]);
  return body
    .replace(/\$\{(\d+):([^}]*)\}/g, (_m, n: string) => defaults.get(n) ?? '')
    .replace(/\$\{(\d+)\}/g, (_m, n: string) => defaults.get(n) ?? '')
    .replace(/\$\d+/g, '');
}
