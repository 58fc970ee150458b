// The TextMate grammar: snapshots of tricky cases (vscode-tmgrammar-snap), and on
// every real config, agreement with the parser about what each line is, since the
// parser is proven against Python itself.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { test } from 'node:test';
import { LineKind, parse } from '../../server/src/core/syntax/parser';
import { tokenize } from '../helpers/grammar';
import { corpusFiles, EXAMPLES, FIXTURES, iniFilesIn, readText, ROOT } from '../helpers/paths';

test('grammar snapshots of the tricky cases match (test/grammar/*.ini.snap)', () => {
  const bin = path.join(ROOT, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'snapshot.js');
  const r = spawnSync(process.execPath, [bin, '-s', 'source.kallithea-ini', '-g', 'syntaxes/kallithea-ini.tmLanguage.json', 'test/grammar/*.ini'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, `snapshot differences (run with --updateSnapshot after checking them):\n${r.stdout}${r.stderr}`);
});

test('on every real config, the grammar colours each line as the parser reads it', async () => {
  const files = [...corpusFiles(), ...iniFilesIn(FIXTURES), ...iniFilesIn(EXAMPLES), ...iniFilesIn(path.join(ROOT, 'test', 'grammar'))];
  const problems: string[] = [];
  let checked = 0;
  for (const file of files) {
    const text = readText(file);
    const parsed = parse(text);
    if (parsed.bom || parsed.orphanLines.length) continue;
    const lines = await tokenize(parsed.text);
    [...parsed.lines.texts()].forEach((l, i) => {
      const kind = parsed.lineKinds[i];
      const scopes = lines[i].tokens.filter((t) => t.text.trim() !== '').map((t) => t.scopes.join(' '));
      const first = scopes[0] ?? '';
      const fail = (what: string) => problems.push(`${path.basename(file)}:${i + 1}: ${what}: ${JSON.stringify(l)} -> ${first}`);
      if (kind === LineKind.Comment && !/comment\.line/.test(first)) fail('comment not coloured as a comment');
      if (kind === LineKind.Section && !/entity\.name\.section/.test(scopes.join(' '))) fail('section header not coloured as one');
      if (kind === LineKind.Entry && !/variable\.other\.key|keyword\.other\.pastedeploy/.test(first)) fail('key not coloured as a key');
      if (kind === LineKind.Entry && !scopes.some((s) => /variable\.other\.key/.test(s))) fail('no key token');
      if (kind === LineKind.Continuation && (/variable\.other\.key/.test(scopes.join(' ')) || !/string\.unquoted/.test(first))) fail('continuation not coloured as value text');
      checked++;
    });
  }
  assert.deepEqual(problems.slice(0, 20), []);
  console.log(`grammar: ${checked} lines of ${files.length} files coloured as the parser reads them`);
});
