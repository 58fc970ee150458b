// Typed values, [DEFAULT] interplay, filters, dead and deprecated keys, unknown keys, suppression.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fixesFor } from '../../server/src/core/analysis/fixes';
import { applyFix, assertPythonReads, fixTitles, lines, lintText, model as build, only, python } from '../helpers/core';

const APP = ['[app:main]', 'use = egg:kallithea', 'cache_dir = /srv/data', 'index_dir = /srv/data/index'];

describe('invalid-boolean', () => {
  test('strict parsers refuse anything else, empty included; the fix keeps the word and moves the note', () => {
    const text = lines(...APP, 'use_celery = false ; off for now', 'force_https =', 'debug = True');
    const ds = only(text, 'invalid-boolean');
    assert.deepEqual(
      ds.map((d) => [d.range.start.line, d.severity]),
      [
        [4, 'error'],
        [5, 'error'],
      ],
    );
    const fixed = applyFix(text, ds[0], 0);
    assertPythonReads(fixed, 'app:main', 'use_celery', 'false');
    assert.equal(fixed.split('\n')[4], '; off for now');
    assert.deepEqual(fixTitles(text, ds[1]), ['Set it to false', 'Set it to true']);
  });

  test('gunicorn takes only true/false; waitress oddities are warnings', () => {
    assert.equal(only(lines('[server:main]', 'use = egg:gunicorn#main', 'preload_app = yes'), 'invalid-boolean')[0].severity, 'error');
    assert.equal(only(lines('[server:main]', 'use = egg:waitress#main', 'expose_tracebacks = maybe'), 'invalid-boolean')[0].severity, 'warning');
  });

  test('a line PasteDeploy drops (because [DEFAULT] has the key) is not checked', () => {
    assert.deepEqual(only(lines('[DEFAULT]', 'debug = false', ...APP, 'debug = nope'), 'invalid-boolean'), []);
  });
});

describe('invalid-integer', () => {
  test('int() parsers fail (error), safe_int falls back (warning); the fix keeps the number', () => {
    const text = lines('[server:main]', 'use = egg:gunicorn#main', 'workers = 4 # four', ...APP, 'rss_items_per_page = ten');
    const ds = only(text, 'invalid-integer');
    assert.deepEqual(
      ds.map((d) => [d.range.start.line, d.severity]),
      [
        [2, 'error'],
        [7, 'warning'],
      ],
    );
    assert.equal(python(applyFix(text, ds[0], 0)).raw?.['server:main'].workers, '4');
    assert.deepEqual(only(lines(...APP, 'cut_off_limit = 1_000'), 'invalid-integer'), [], 'Python int() accepts underscores');
  });
});

describe('invalid-enum', () => {
  const LOGGING = ['[loggers]', 'keys = root', '[handlers]', 'keys =', '[formatters]', 'keys =', '[logger_root]', 'handlers ='];
  test('a level in the wrong case stops logging: an error, with the upper-case name as the preferred fix', () => {
    const text = lines(...LOGGING, 'level = info');
    const [d] = only(text, 'invalid-enum');
    assert.equal(d.severity, 'error');
    assert.match(d.message, /stops on "info"\. Did you mean INFO\?/);
    assert.deepEqual(fixTitles(text, d), ['Use INFO']);
    assert.match(applyFix(text, d), /^level = INFO$/m);
  });
  test("a reader that ignores the value makes it a warning; gunicorn's loglevel is any case", () => {
    const server = (level: string) => lines('[server:main]', 'use = egg:gunicorn#main', `loglevel = ${level}`);
    assert.equal(only(server('loud'), 'invalid-enum')[0].severity, 'warning');
    assert.deepEqual(only(server('WARNING'), 'invalid-enum'), []);
  });
  test('open lists and keys with a rule of their own are left alone', () => {
    assert.deepEqual(only(lines('[app:main]', 'use = egg:kallithea', 'session.type = ext:custom', 'i18n.lang = xx', 'auth_ret_code = 500'), 'invalid-enum'), []);
    assert.equal(only(lines('[app:main]', 'use = egg:kallithea', 'i18n.lang = xx'), 'i18n-lang').length, 1);
  });
  test('formatter strings are read raw: style = % is fine, style = # is not', () => {
    const fmt = (style: string) => lines(...LOGGING, '[formatter_generic]', 'format = %(message)s', `style = ${style}`);
    assert.deepEqual(only(fmt('%'), 'invalid-enum'), []);
    assert.equal(only(fmt('#'), 'invalid-enum').length, 1);
  });
});

describe('default-shadowed and get-undefined', () => {
  test('a plain app key that [DEFAULT] also has is dropped; the fix turns it into "set"', () => {
    const text = lines('[DEFAULT]', 'smtp_server = old.example.org', ...APP, 'smtp_server = new.example.org');
    const [d] = only(text, 'default-shadowed');
    assert.equal(d.range.start.line, 6);
    assert.match(d.message, /gets "old\.example\.org"/);
    const fixed = applyFix(text, d);
    assert.equal(fixed.split('\n')[6], 'set smtp_server = new.example.org');
    assert.deepEqual(only(fixed, 'default-shadowed'), []);
  });

  test('messages never show a secret value or a URL password', () => {
    const text = lines('[DEFAULT]', 'session.secret = topsecret1', 'sqlalchemy.url = postgresql://k:dbpass99@db/k', ...APP, 'session.secret = topsecret2', 'sqlalchemy.url = postgresql://k:dbpass77@db/k');
    const messages = only(text, 'default-shadowed').map((d) => d.message);
    assert.equal(messages.length, 2);
    for (const m of messages) assert.doesNotMatch(m, /topsecret|dbpass/);
    assert.match(messages[1], /postgresql:\/\/k:••••••@db\/k/);
  });

  test('get names a missing global; fixes define it or pick a near name', () => {
    const text = lines('[DEFAULT]', 'email_to = ops@example.org', ...APP, 'get trace_errors.error_email = email_too');
    const [d] = only(text, 'get-undefined');
    assert.equal(d.range.start.line, 6);
    assert.deepEqual(fixTitles(text, d), ['Change to "email_to"', 'Define an empty "email_too" in [DEFAULT]']);
    const defined = applyFix(text, d, 1);
    assert.equal(defined.split('\n')[2], 'email_too = ');
    assert.deepEqual(only(defined, 'get-undefined'), []);
    assert.equal(python(defined).readError, null);
  });
});

describe('missing-filter', () => {
  test('filter-with without the section; the fix uncomments the template block', () => {
    const text = lines('#[filter:proxy-prefix]', '#use = egg:PasteDeploy#prefix', '#prefix = /code', '', ...APP, 'filter-with = proxy-prefix');
    const [d] = only(text, 'missing-filter');
    assert.match(d.message, /commented out/);
    const fixed = applyFix(text, d);
    assert.deepEqual(fixed.split('\n').slice(0, 3), ['[filter:proxy-prefix]', 'use = egg:PasteDeploy#prefix', 'prefix = /code']);
    assert.deepEqual(only(fixed, 'missing-filter'), []);
  });

  test('without a commented block, the fix adds a prefix filter section', () => {
    const text = lines(...APP, 'filter-with = proxy');
    const fixed = applyFix(text, only(text, 'missing-filter')[0]);
    assert.deepEqual(python(fixed).raw?.['filter:proxy'], { use: 'egg:PasteDeploy#prefix', prefix: '/', translate_forwarded_server: 'false' });
  });
});

describe('no-effect-key, deprecated-key and unknown-key', () => {
  test('dead keys are faded hints (static_files = false a warning, since it misleads)', () => {
    const text = lines(...APP, 'full_stack = true', 'static_files = false', 'logview.sqlalchemy = #faa');
    const ds = only(text, 'no-effect-key');
    assert.deepEqual(
      ds.map((d) => [d.range.start.line, d.severity]),
      [
        [4, 'hint'],
        [5, 'warning'],
        [6, 'hint'],
      ],
    );
    assert.deepEqual(ds[0].tags, ['unnecessary']);
  });

  test('deprecated keys with a rename fix', () => {
    const text = lines(...APP, 'celeryd.concurrency = 2', 'https_fixup = true', 'issue_prefix_wiki = WIKI-');
    const ds = only(text, 'deprecated-key');
    assert.equal(ds.length, 3);
    assert.equal(applyFix(text, ds[0]).split('\n')[4], 'celery.worker_concurrency = 2');
    assert.equal(applyFix(text, ds[2]).split('\n')[6], 'issue_sub_wiki = WIKI-');
  });

  test('unknown keys get did-you-mean fixes; pattern keys and helper variables are never flagged', () => {
    const text = lines(...APP, 'cut_of_limit = 256000', 'issue_pat_wiki = wiki-(\\S+)', 'beaker.cache.long_term.expire = 10', 'celery.worker_concurrency = 2', 'root = /srv', 'archive_cache_dir = %(root)s/tar');
    const ds = only(text, 'unknown-key');
    assert.deepEqual(
      ds.map((d) => d.range.start.line),
      [4],
    );
    const fixed = applyFix(text, ds[0]);
    assert.equal(fixed.split('\n')[4], 'cut_off_limit = 256000');
  });

  test('uWSGI keys are flagged only when they are close to a known option', () => {
    assert.equal(only(lines('[uwsgi]', 'buffer-sise = 65535'), 'unknown-key').length, 1);
    assert.deepEqual(only(lines('[uwsgi]', 'plugin-dir = /usr/lib/uwsgi'), 'unknown-key'), []);
  });
});

describe('suppression comments', () => {
  const base = lines(...APP, '# kallithea-ini: disable-next-line unknown-key', 'cut_of_limit = 1', 'other_typo = 2');

  test('disable-next-line hides one line', () => {
    assert.deepEqual(
      only(base, 'unknown-key').map((d) => d.range.start.line),
      [6],
    );
  });

  test('disable ... enable, and disable-file', () => {
    const ranged = lines(...APP, '# kallithea-ini: disable unknown-key', 'a_typo = 1', '# kallithea-ini: enable unknown-key', 'b_typo = 2');
    assert.deepEqual(
      only(ranged, 'unknown-key').map((d) => d.range.start.line),
      [7],
    );
    assert.deepEqual(only(lines('# kallithea-ini: disable-file', ...APP, 'x_typo = 1'), 'unknown-key'), []);
  });

  test('an unused suppression is a hint with a fix that removes it', () => {
    const text = lines(...APP, '# kallithea-ini: disable-next-line unknown-key', 'cut_off_limit = 1');
    const [d] = only(text, 'unused-suppression');
    assert.equal(d.severity, 'hint');
    assert.equal(d.range.start.line, 4);
    assert.equal(applyFix(text, d), lines(...APP, 'cut_off_limit = 1'));
  });

  test('severity settings apply, and "off" removes a rule entirely', () => {
    const text = lines(...APP, 'cut_of_limit = 1');
    assert.equal(lintText(text, { rules: { 'unknown-key': 'error' } }).find((d) => d.rule === 'unknown-key')?.severity, 'error');
    assert.equal(lintText(text, { rules: { 'unknown-key': 'off' } }).filter((d) => d.rule === 'unknown-key').length, 0);
  });
});

describe('weak-secret fix', () => {
  test('writes a fresh 32-digit random value each time it is built, never a fixed one', () => {
    const text = lines(...APP, 'app_instance_uuid = VERY-SECRET');
    const m = build(text);
    const [d] = only(text, 'weak-secret').filter((x) => x.message.startsWith('app_instance_uuid'));
    const a = fixesFor(m, d)[0].edits[0].newText.trim();
    const b = fixesFor(m, d)[0].edits[0].newText.trim();
    assert.match(a, /^[0-9a-f]{32}$/);
    assert.notEqual(a, b);
    assert.deepEqual(only(applyFix(text, d), 'weak-secret').filter((x) => x.message.startsWith('app_instance_uuid')), []);
  });
});
