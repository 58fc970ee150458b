// Tokenizing with the extension's TextMate grammar through vscode-textmate and the
// Oniguruma regex engine, as VS Code does.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { ROOT } from './paths';

export interface LineTokens {
  line: string;
  tokens: { text: string; scopes: string[] }[];
}

let grammarPromise: Promise<vsctm.IGrammar> | undefined;

export function loadGrammar(): Promise<vsctm.IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
    await oniguruma.loadWASM(wasm);
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
      loadGrammar: async (scope) =>
        scope === 'source.kallithea-ini' ? vsctm.parseRawGrammar(fs.readFileSync(path.join(ROOT, 'syntaxes', 'kallithea-ini.tmLanguage.json'), 'utf8'), 'grammar.json') : null,
    });
    const grammar = await registry.loadGrammar('source.kallithea-ini');
    if (!grammar) throw new Error('grammar did not load');
    return grammar;
  })();
  return grammarPromise;
}

export async function tokenize(text: string): Promise<LineTokens[]> {
  const grammar = await loadGrammar();
  let state = vsctm.INITIAL;
  return text.split(/\r\n|\r|\n/).map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return { line, tokens: r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes })) };
  });
}

/** The scope names (without the language suffix) of the token that covers `needle` in a line. */
export function scopesOf(lt: LineTokens, needle: string): string[] {
  const at = lt.line.indexOf(needle);
  let pos = 0;
  for (const t of lt.tokens) {
    if (at >= pos && at < pos + t.text.length) return t.scopes.map((s) => s.replace(/\.kallithea-ini$/, ''));
    pos += t.text.length;
  }
  return [];
}
