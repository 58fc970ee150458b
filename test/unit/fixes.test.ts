import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits, fixAll } from '../../server/src/core/analysis/fixes';
import { parse } from '../../server/src/core/syntax/parser';
import { lines, lintText, parseLevel, python, analyzed, FILE } from '../helpers/core';

describe('applying fixes', () => {
  test('edits apply from the end so earlier positions stay valid; overlapping edits are refused', () => {
    const p = parse('abc\ndef\n');
    const at = (l: number, c: number) => ({ line: l, character: c });
    assert.equal(
      applyEdits(p, [
        { range: { start: at(1, 0), end: at(1, 1) }, newText: 'D' },
        { range: { start: at(0, 3), end: at(0, 3) }, newText: '!' },
      ]),
      'abc!\nDef\n',
    );
    assert.throws(() =>
      applyEdits(p, [
        { range: { start: at(0, 0), end: at(0, 2) }, newText: 'x' },
        { range: { start: at(0, 1), end: at(0, 3) }, newText: 'y' },
      ]),
    );
  });

  test('fix-all applies every safe fix, keeps line endings, and is idempotent', () => {
    const text = ['[app:main]', 'use = egg:kallithea', 'a = 50% ; half', 'b = 1%', ''].join('\r\n');
    const once = fixAll(text);
    assert.equal(once.text, ['[app:main]', 'use = egg:kallithea', '; half', 'a = 50%%', 'b = 1%%', ''].join('\r\n'));
    assert.equal(once.applied, 3);
    assert.equal(fixAll(once.text).text, once.text);
    assert.equal(python(once.text).readError, null);
    assert.deepEqual(parseLevel(once.text), []);
  });

  test('fix-all leaves fixes that need a person (duplicates, misspelt references) alone', () => {
    const text = lines('[app:main]', 'a = 1', 'a = 2', 'b = %(nope)s');
    assert.equal(fixAll(text).text, text);
  });

  test('rule severities can be changed or turned off', () => {
    const text = lines('[app:main]', 'a = 1 ; x');
    const inline = (ds: ReturnType<typeof lintText>) => ds.filter((d) => d.rule === 'inline-comment');
    assert.equal(inline(lintText(text))[0].severity, 'warning');
    assert.equal(inline(lintText(text, { rules: { 'inline-comment': 'error' } }))[0].severity, 'error');
    assert.deepEqual(inline(analyzed(text, FILE, { rules: { 'inline-comment': 'off' } }).diagnostics), []);
  });
});
