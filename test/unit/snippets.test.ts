// Every snippet, inserted into every corpus config (the project's own configs when
// the corpus is absent) the way a user would use it: its keys replace the same keys
// of [app:main], its sections replace sections of the same name. Python's
// configparser must load the result, and the linter must find no parse problem.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { parse } from '../../server/src/core/syntax/parser';
import { ALL_SNIPPETS, expandSnippet } from '../../server/src/core/features/snippets';
import { PARSE_RULES, lintText } from '../helpers/core';
import { runOracle } from '../helpers/oracle';
import { corpusFiles, EXAMPLES, FIXTURES, readText } from '../helpers/paths';

const hex = (n: number) => 'ab12'.repeat(n).slice(0, n);

/** Insert a snippet into a config: leading keys go to the end of [app:main], sections at the end of the file. */
export function insertSnippet(config: string, snippetText: string): string {
  const snip = parse(snippetText);
  const leadingKeys = snip.orphanLines.length ? snippetText.split('\n').slice(0, snip.sections[0]?.line ?? undefined) : [];
  const keys = new Set(parse('[x]\n' + leadingKeys.join('\n')).entries.map((e) => e.key));
  const names = new Set(snip.sections.map((s) => s.name));
  const base = parse(config);
  const drop = new Set<number>();
  for (const s of base.sections) if (names.has(s.name)) for (let l = s.line; l <= s.lastLine; l++) drop.add(l);
  const app = base.sections.find((s) => s.name === 'app:main');
  for (const e of app?.entries ?? []) if (keys.has(e.key)) for (let l = e.range.start.line; l <= e.range.end.line; l++) drop.add(l);
  const lines = [...base.lines.texts()];
  const out: string[] = [];
  const appEnd = app && !names.has('app:main') ? app.entries[app.entries.length - 1]?.range.end.line ?? app.line : -1;
  lines.forEach((l, i) => {
    if (!drop.has(i)) out.push(l);
    if (i === appEnd && leadingKeys.length) out.push(...leadingKeys);
  });
  const sectionsText = snip.sections.length ? snippetText.split('\n').slice(snip.sections[0].line) : [];
  return out.join('\n') + '\n' + sectionsText.join('\n') + '\n';
}

test('every snippet, inserted into every real config, leaves a file Python loads', () => {
  const bases = corpusFiles().length ? corpusFiles() : [path.join(FIXTURES, 'valid', 'production-gunicorn.ini'), path.join(EXAMPLES, 'production.ini')];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kallithea-snip-'));
  const cases: { name: string; file: string; text: string }[] = [];
  for (const base of bases) {
    for (const snippet of ALL_SNIPPETS) {
      const text = insertSnippet(readText(base), expandSnippet(snippet, hex));
      const file = path.join(dir, `${cases.length}.ini`);
      fs.writeFileSync(file, text);
      cases.push({ name: `${snippet.prefix} into ${path.basename(base)}`, file, text });
    }
  }
  try {
    const results = runOracle(cases.map((c) => c.file));
    const failures = cases
      .map((c, i) => ({ c, r: results[i], parse: lintText(c.text).filter((d) => PARSE_RULES.includes(d.rule)) }))
      .filter((x) => x.r.readError || x.parse.length)
      .map((x) => `${x.c.name}: ${x.r.readError ?? ''} ${x.r.detail ?? ''} ${x.parse.map((d) => d.rule).join(',')}`);
    assert.deepEqual(failures, []);
    console.log(`snippets: ${ALL_SNIPPETS.length} snippets inserted into ${bases.length} configs, all ${cases.length} results load in Python`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the whole-instance snippet is a clean config on its own, with fresh secrets', () => {
  const snippet = ALL_SNIPPETS.find((s) => s.prefix === 'kallithea-instance')!;
  let n = 0;
  const text = expandSnippet(snippet, (digits) => (++n).toString(16).repeat(digits).slice(0, digits));
  const problems = lintText(text).filter((d) => d.severity === 'error' || d.severity === 'warning');
  assert.deepEqual(
    problems.map((d) => `${d.rule}: ${d.message}`),
    [],
  );
  assert.match(text, /^app_instance_uuid = 1{32}$/m);
  assert.doesNotMatch(text, /\$\{?\w/, 'no snippet syntax is left');
});

test('snippet bodies use only tab stops and the variables the server fills in', () => {
  for (const s of ALL_SNIPPETS) {
    const vars = [...s.body.join('\n').matchAll(/\$\{?([A-Z_]+)/g)].map((m) => m[1]);
    assert.deepEqual(
      vars.filter((v) => v !== 'UUID' && v !== 'RANDOM_HEX'),
      [],
      s.prefix,
    );
  }
});
