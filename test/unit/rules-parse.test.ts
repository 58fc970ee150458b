// The parse-level rules: each fires at the right place, stays quiet on a clean
// file, and its fix gives a file that Python's configparser loads.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFix, lines, only, parseLevel, python } from '../helpers/core';

const CLEAN = lines('[DEFAULT]', 'smtp_server = mail', '[app:main]', 'use = egg:kallithea', 'cache_dir = %(here)s/data', 'pct = 50%%', 'list =', '    a', '    b');

describe('parse-level rules', () => {
  test('a clean file raises none of them and Python loads it', () => {
    assert.deepEqual(parseLevel(CLEAN), []);
    assert.equal(python(CLEAN).readError, null);
  });

  test('utf8-bom: reported on the first line', () => {
    const d = only('\ufeff[app:main]\nuse = egg:kallithea\n', 'utf8-bom');
    assert.equal(d.length, 1);
    assert.equal(d[0].severity, 'error');
    assert.equal(d[0].range.start.line, 0);
    assert.equal(python('\ufeff[app:main]\nuse = egg:kallithea\n').readError, 'missing-section-header');
  });

  test('missing-section-header: the first line before any header; fix comments it out', () => {
    const text = lines('# fine', 'debug = true', '[app:main]', 'use = egg:kallithea');
    const [d] = only(text, 'missing-section-header');
    assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 12 } });
    const fixed = applyFix(text, d);
    assert.equal(fixed.split('\n')[1], '# debug = true');
    assert.equal(python(fixed).readError, null);
    assert.deepEqual(only(fixed, 'missing-section-header'), []);
  });

  test('invalid-line: a line with no delimiter and one with an empty key; fixes make Python load the file', () => {
    const text = lines('[app:main]', 'use = egg:kallithea', 'just words', '= value');
    const ds = only(text, 'invalid-line');
    assert.deepEqual(
      ds.map((d) => d.range.start.line),
      [2, 3],
    );
    assert.equal(python(text).readError, 'invalid-line');
    let fixed = applyFix(text, ds[0], 1); // "just words =" (an empty value)
    assert.equal(fixed.split('\n')[2], 'just words =');
    fixed = applyFix(fixed, only(fixed, 'invalid-line')[0], 0);
    assert.equal(fixed.split('\n')[3], '# = value');
    assert.equal(python(fixed).readError, null);
  });

  test('duplicate-section: the second header, pointing at the first', () => {
    const text = lines('[app:main]', 'use = egg:kallithea', '[app:main]', 'x = 1');
    const [d] = only(text, 'duplicate-section');
    assert.equal(d.range.start.line, 2);
    assert.equal(d.related?.[0].range.start.line, 0);
    assert.equal(python(text).readError, 'duplicate-section');
    assert.deepEqual(only(lines('[DEFAULT]', 'a = 1', '[DEFAULT]', 'b = 2'), 'duplicate-section'), []);
  });

  test('duplicate-key: fixes comment out one occurrence, continuation lines included', () => {
    const text = lines('[app:main]', 'use = egg:kallithea', 'index.extensions =', '    a', 'x = 1', 'index.extensions =', '    b', '    c', 'y = 2');
    const [d] = only(text, 'duplicate-key');
    assert.deepEqual(d.range, { start: { line: 5, character: 0 }, end: { line: 5, character: 16 } });
    const fixed = applyFix(text, d, 0);
    assert.deepEqual(fixed.split('\n').slice(5, 8), ['# index.extensions =', '    # b', '    # c']);
    const py = python(fixed);
    assert.equal(py.readError, null);
    assert.equal(py.raw?.['app:main']['index.extensions'], '\na');
    assert.equal(py.raw?.['app:main'].x, '1');
    const keepSecond = applyFix(text, d, 1);
    assert.equal(python(keepSecond).raw?.['app:main']['index.extensions'], '\nb\nc');
  });

  test('bad-percent: each lone %, not %% or %(name)s; the fix escapes it', () => {
    const text = lines('[app:main]', 'use = egg:kallithea', 'sqlalchemy.url = postgresql://u:p%40ss@db/k', 'ok = 100%% and %(here)s');
    const [d] = only(text, 'bad-percent');
    assert.deepEqual(d.range, { start: { line: 2, character: 33 }, end: { line: 2, character: 35 } });
    const fixed = applyFix(text, d);
    assert.deepEqual(python(fixed).interpolated?.['app:main']['sqlalchemy.url'], { ok: 'postgresql://u:p%40ss@db/k' });
  });

  test('bad-percent and inline-comment stay quiet in [uwsgi] and in logging format strings', () => {
    const text = lines('[uwsgi]', 'socket = %d/k.sock', 'master = true ; note', '[formatters]', 'keys = g', '[formatter_g]', 'format = %(asctime)s 100%');
    assert.deepEqual(parseLevel(text), []);
  });

  test('undefined-reference: names the missing key and offers the nearest one', () => {
    const text = lines('[app:main]', 'use = egg:kallithea', 'cache_dir = /d', 'index_dir = %(cache_dri)s/index');
    const [d] = only(text, 'undefined-reference');
    assert.deepEqual(d.range, { start: { line: 3, character: 12 }, end: { line: 3, character: 25 } });
    assert.match(d.message, /cache_dir/);
    const fixed = applyFix(text, d, 0);
    assert.deepEqual(python(fixed).interpolated?.['app:main'].index_dir, { ok: '/d/index' });
    const literal = applyFix(text, d, 1);
    assert.deepEqual(python(literal).interpolated?.['app:main'].index_dir, { ok: '%(cache_dri)s/index' });
  });

  test('undefined-reference: a [DEFAULT] value may only use [DEFAULT] keys', () => {
    const text = lines('[DEFAULT]', 'root = %(base)s', '[app:main]', 'base = /srv');
    assert.equal(only(text, 'undefined-reference').length, 1);
  });

  test('recursive-reference: both keys of a loop', () => {
    const text = lines('[app:main]', 'a = %(b)s', 'b = x%(a)s');
    const ds = only(text, 'recursive-reference');
    assert.deepEqual(
      ds.map((d) => [d.range.start.line, d.range.start.character]),
      [
        [1, 4],
        [2, 5],
      ],
    );
    assert.deepEqual(python(text).interpolated?.['app:main'].a, { error: 'depth' });
  });

  test('recursive-reference: a chain without a loop fails only past 10 levels, as in Python', () => {
    // k0 = %(k1)s ... k{n-1} = %(kn)s, kn = end: k0's value nests n + 1 deep when kn has a '%'.
    const chain = (n: number, last: string) => lines('[app:main]', ...Array.from({ length: n }, (_, i) => `k${i} = %(k${i + 1})s`), `k${n} = ${last}`);
    for (const [n, last] of [[9, '%%'], [10, '%%'], [10, 'end'], [11, 'end'], [12, 'x']] as const) {
      const text = chain(n, last);
      const ours = only(text, 'recursive-reference').some((d) => d.range.start.line === 1);
      const theirs = (python(text).interpolated?.['app:main'].k0 as { error?: string }).error === 'depth';
      assert.equal(ours, theirs, `${n} levels ending in ${last}`);
    }
    assert.equal(only(chain(10, '%%'), 'recursive-reference').length, 1);
    // A [DEFAULT] key's references resolve in the section that reads it: a loop only in
    // [app:main] (in [DEFAULT] itself, "b" is undefined, another rule's finding).
    const text = lines('[DEFAULT]', 'a = %(b)s', '[app:main]', 'b = %(a)s', '[app:other]', 'b = fine');
    assert.deepEqual(only(text, 'recursive-reference').map((d) => d.range.start.line), [3]);
    assert.deepEqual(python(text).interpolated?.['app:other'].a, { ok: 'fine' });
  });

  test('inline-comment: the comment text is flagged; the fix moves it above the key and keeps it', () => {
    // The first key after a header may be indented; the moved comment keeps that indentation.
    const text = lines('[app:main]', '    use_celery = false  ; keep it off', 'use = egg:kallithea', 'logview.sqlalchemy = #faa', 'issue_pat = #(\\d+)');
    const ds = only(text, 'inline-comment');
    assert.equal(ds.length, 1);
    assert.deepEqual(ds[0].range, { start: { line: 1, character: 24 }, end: { line: 1, character: 37 } });
    const fixed = applyFix(text, ds[0]);
    assert.deepEqual(fixed.split('\n').slice(1, 3), ['    ; keep it off', '    use_celery = false']);
    assert.deepEqual(python(fixed).raw?.['app:main'].use_celery, 'false');
    assert.deepEqual(only(fixed, 'inline-comment'), []);
  });

  test('inline-comment: a value that is only a ";" comment is flagged too', () => {
    const text = lines('[DEFAULT]', 'email_to = ; nobody yet');
    const [d] = only(text, 'inline-comment');
    assert.equal(d.range.start.character, 11);
    assert.equal(python(applyFix(text, d)).raw?.DEFAULT.email_to, '');
  });

  test('indented-key: an indented key line under another key; the fix removes the indentation', () => {
    const text = lines('[app:main]', 'rss_items_per_page = 10', '    rss_include_diff = false', 'urls =', '    http://a:1/');
    const [d, ...rest] = only(text, 'indented-key');
    assert.equal(rest.length, 0);
    assert.deepEqual(d.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 20 } });
    const fixed = applyFix(text, d);
    assert.deepEqual(python(fixed).raw?.['app:main'].rss_include_diff, 'false');
  });
});
