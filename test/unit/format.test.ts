// The formatter: what it changes (spacing around the delimiter, trailing whitespace,
// one blank line between sections), what it never touches, and the proof that it is
// safe: on every corpus config, fixture and property-test input, Python reads the same
// raw values before and after, and formatting twice changes nothing.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { formatEdits, formatText } from '../../server/src/core/features/format';
import { applyEdits } from '../../server/src/core/edits/apply';
import { ParsedConfig } from '../../server/src/core/syntax/parser';
import { baseTexts, fuzzInput } from '../helpers/fuzz';
import { runOracle } from '../helpers/oracle';
import { corpusFiles, EXAMPLES, FIXTURES, iniFilesIn, readText } from '../helpers/paths';

const format = (text: string) => formatText(new ParsedConfig(text));

test('key lines get one space around "=" and none before ":", trailing whitespace goes', () => {
  const text = '[app:main]\nuse=egg:kallithea\ncache_dir   =/srv/d   \nlang :en\nempty=   \nset debug=false\n# note   \n';
  assert.equal(format(text), '[app:main]\nuse = egg:kallithea\ncache_dir = /srv/d\nlang: en\nempty =\nset debug = false\n# note\n');
});

test('continuation lines, blank lines inside a value, indentation and [uwsgi] stay as they are', () => {
  const text = '[app:main]\nkeys=a,\n   b,   \n\n      c   \n  x=1\n[uwsgi]\nworkers=4   ; up to four\nhttp-socket =  :5000\n';
  const out = format(text);
  assert.equal(out, '[app:main]\nkeys = a,\n   b,   \n\n      c   \n  x=1\n\n[uwsgi]\nworkers=4   ; up to four\nhttp-socket =  :5000\n');
});

test('one blank line between sections, above the comment block that belongs to a header', () => {
  const text = '# top\n[DEFAULT]\na = 1\n[app:main]\nb = 2\n\n\n\n## the server\n## below\n[server:main]\nc = 3\n';
  assert.equal(format(text), '# top\n[DEFAULT]\na = 1\n\n[app:main]\nb = 2\n\n## the server\n## below\n[server:main]\nc = 3\n');
});

test('line endings and the byte order mark are kept; a range formats only its lines', () => {
  assert.equal(format('\ufeff[a]\r\nk=v  \r\n[b]\rx=1\r'), '\ufeff[a]\r\nk = v\r\n\r\n[b]\rx = 1\r');
  const parsed = new ParsedConfig('[a]\nk=v\nl=w\nm=x\n');
  const edits = formatEdits(parsed, { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } });
  assert.equal(applyEdits(parsed, edits), '[a]\nk=v\nl = w\nm=x\n');
});

test('on the corpus, the fixtures and property-test inputs, Python reads the same values, and a second run changes nothing', () => {
  const inputs: { name: string; text: string }[] = [
    ...corpusFiles().map((f) => ({ name: f, text: readText(f) })),
    ...[...iniFilesIn(path.join(FIXTURES)), ...iniFilesIn(EXAMPLES)].map((f) => ({ name: f, text: readText(f) })),
  ];
  const bases = baseTexts();
  for (let seed = 1; seed <= 250; seed++) inputs.push({ name: `fuzz seed ${seed}`, text: fuzzInput(seed, bases) });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kallithea-format-'));
  const files: string[] = [];
  let changed = 0;
  inputs.forEach(({ name, text }, i) => {
    const once = format(text);
    assert.equal(format(once), once, `${name}: a second run changes nothing`);
    if (!/\r/.test(text)) assert.ok(!/\r/.test(once), `${name}: no new line ending`);
    if (once !== text) changed++;
    // Same names in two folders: %(here)s and %(__file__)s differ only by the folder, taken out below.
    for (const [folder, body] of [['before', text], ['after', once]] as const) {
      const file = path.join(dir, folder, `${i}.ini`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, body);
      files.push(file);
    }
  });
  assert.ok(changed > 50, `the formatter had work on ${changed} inputs`);
  const unfold = (value: unknown, folder: string) => JSON.parse(JSON.stringify(value ?? null).split(path.join(dir, folder)).join('<dir>'));
  const results = runOracle(files);
  for (let i = 0; i < results.length; i += 2) {
    const before = { ...results[i], raw: unfold(results[i].raw, 'before') };
    const after = { ...results[i + 1], raw: unfold(results[i + 1].raw, 'after') };
    const name = inputs[i / 2].name;
    assert.equal(after.readError, before.readError, `${name}: Python reads it as before`);
    assert.deepEqual(after.sections, before.sections, `${name}: the same sections`);
    assert.deepEqual(after.raw, before.raw, `${name}: the same raw values`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
});
