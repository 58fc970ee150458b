// Configs from every release: the generation each fixture was written for, one
// legacy-config finding that gathers what only the upgrade made wrong, the
// findings that are true in every release still on their own lines, and the
// upgrade to 0.7 checked with Python's configparser.

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { effectiveConfigView } from '../../server/src/core/features/effective-view';
import { complete } from '../../server/src/core/features/completion';
import { applyEdits, fixesFor, upgradeText } from '../../server/src/core/analysis/fixes';
import { generationOf } from '../../server/src/core/model/generation';
import { capturingGroups } from '../../server/src/core/edits/issue-links';
import { hover } from '../../server/src/core/features/hover';
import { environment, lintText, model, only, python, analyzed } from '../helpers/core';
import { corpusFiles, FIXTURES, readText } from '../helpers/paths';

const fixture = (name: string) => readText(path.join(FIXTURES, 'generations', name));
const lines = (...l: string[]) => l.join('\n') + '\n';
const rules = (text: string) => lintText(text).map((d) => d.rule);
/** Hover markdown as a reader sees it: without the escapes that keep file text literal. */
const plain = (md: string) => md.replace(/\\(.)/g, '$1');
/** A counter, not random: upgrade tests compare files. */
const hex = () => {
  let n = 0;
  return (digits: number) => String(++n).padStart(digits, 'a');
};

const LEGACY: { file: string; label: string; alwaysTrue: string[] }[] = [
  { file: 'rhodecode-1.x.ini', label: 'RhodeCode 1.x/2.x', alwaysTrue: ['debug-enabled', 'sqlite-multi-worker'] },
  { file: 'kallithea-0.2.ini', label: 'Kallithea 0.1-0.3 (Pylons)', alwaysTrue: ['threaded-worker', 'weak-secret', 'mysql-charset'] },
];

describe('configs written for releases before 0.4', () => {
  for (const { file, label, alwaysTrue } of LEGACY) {
    test(`${file}: one legacy-config naming ${label}, the findings true in every release on their own`, () => {
      const ds = analyzed(fixture(file)).diagnostics;
      const legacy = ds.filter((d) => d.rule === 'legacy-config');
      assert.equal(legacy.length, 1);
      assert.ok(legacy[0].message.startsWith(`This config was written for ${label}, judging by `), legacy[0].message);
      // The version-only findings are inside it, none on its own line.
      assert.deepEqual(ds.filter((d) => d.versionOnly && d.rule !== 'legacy-config').map((d) => d.rule), []);
      for (const rule of ['deprecated-key', 'no-effect-key', 'unknown-key']) assert.ok(!ds.some((d) => d.rule === rule), `${rule} in ${file}`);
      const related = legacy[0].related ?? [];
      assert.ok(related.length >= 20, `${related.length} gathered findings`);
      assert.match(legacy[0].message, new RegExp(`^.*\\. ${related.length} of its settings behave differently`));
      assert.ok(related.some((r) => /sqlalchemy\.db1\.url/.test(r.message) && r.message.endsWith('[deprecated-key]')));
      for (const rule of alwaysTrue) assert.ok(ds.some((d) => d.rule === rule), `${rule} still reported in ${file}: ${ds.map((d) => d.rule)}`);
    });

    test(`${file}: the upgrade loads in Python, keeps the values, leaves no legacy finding, and is idempotent`, () => {
      const before = fixture(file);
      const oldDb = python(before).raw!['app:main']['sqlalchemy.db1.url'];
      const once = upgradeText(before, { filePath: '/srv/kallithea/my.ini' }, hex());
      assert.ok(once.changes.length > 10);
      const read = python(once.text);
      assert.equal(read.readError, null, once.text);
      const app = read.raw!['app:main'];
      assert.equal(app['sqlalchemy.url'], oldDb, 'the old db1.url becomes sqlalchemy.url');
      assert.equal(app['sqlalchemy.db1.url'], undefined);
      assert.equal(app.use, 'egg:kallithea');
      assert.equal(read.raw!.alembic?.script_location, 'kallithea:alembic');
      assert.ok(app['session.secret'], 'the session secret is kept under its new name');
      assert.equal(app['session.secret'], python(before).raw!['app:main']['beaker.session.secret']);
      assert.equal(app['celery.broker_url'], before.includes('broker.user = rabbitmq') ? 'amqp://rabbitmq:qweqwe@localhost:5672/rabbitmqhost' : 'amqp://kallithea:s3cret@localhost:5672/kallitheavhost');
      // Nothing is deleted: every old line is still in the file, commented out or renamed.
      assert.ok(once.text.split('\n').length > before.split('\n').length);
      assert.match(once.text, /^# broker\.password = /m);
      const after = analyzed(once.text).diagnostics.map((d) => d.rule);
      assert.ok(!after.includes('legacy-config') && !after.includes('deprecated-key'), after.join());
      assert.equal(generationOf(model(once.text)).legacy, false);
      const twice = upgradeText(once.text, { filePath: '/srv/kallithea/my.ini' }, hex());
      assert.equal(twice.text, once.text);
      assert.deepEqual(twice.changes, []);
    });
  }

  test('RhodeCode: the egg, the logging class and logger name, and the secrets it lacked', () => {
    const once = upgradeText(fixture('rhodecode-1.x.ini'), {}, hex()).text;
    assert.match(once, /^class=kallithea\.lib\.colored_formatter\.ColorFormatter$/m, 'the spacing of the line is kept');
    assert.match(once, /^qualname = kallithea$/m);
    const paste = upgradeText(lines('[server:main]', 'use = egg:Paste#http', 'host = 127.0.0.1', 'port = 5000', 'use_threadpool = true', 'threadpool_workers = 5', '[app:main]', 'use = egg:rhodecode', 'sqlalchemy.db1.url = sqlite:///x.db'), {}, hex()).text;
    const server = python(paste).raw!['server:main'];
    assert.deepEqual(server, { use: 'egg:waitress#main', threads: '1', host: '127.0.0.1', port: '5000' });
    const app = python(paste).raw!['app:main'];
    assert.equal(app.app_instance_uuid, '1'.padStart(32, 'a'), 'a fresh value from the random source');
    assert.equal(app['session.secret'].length, 32);
    assert.equal(app.cut_off_limit, '256000');
  });

  test('issue links keep their text and URL: issue_prefix becomes issue_sub with the groups, {id} becomes them too', () => {
    const app = python(upgradeText(fixture('kallithea-0.2.ini'), {}, hex()).text).raw!['app:main'];
    assert.equal(app.issue_sub, '#\\g<1>');
    assert.equal(app.issue_server_link, 'https://issues.example.org/{repo}/issue/\\g<1>');
    assert.equal(app.issue_prefix, undefined);
    assert.equal(capturingGroups('(?:\\s*#)(\\d+)'), 1);
    assert.equal(capturingGroups('(a)(?P<n>b)(?<m>c)(?=d)(?<!e)[(]\\(x'), 3);
    // The same walk over the pattern tells issue-tracker-incomplete which patterns cannot compile.
    const pattern = (re: string) => only(lines('[app:main]', 'use = egg:kallithea', `issue_pat_x = ${re}`, 'issue_server_link_x = https://t/\\1', 'issue_sub_x ='), 'issue-tracker-incomplete');
    assert.match(pattern('(a[b)')[0]?.message ?? '', /unbalanced/);
    assert.match(pattern('a)(b')[0]?.message ?? '', /unbalanced/);
    assert.deepEqual(pattern('[(]\\((\\d+)'), []);
    // The quick fix of deprecated-key does the same translation.
    const text = lines('[app:main]', 'use = egg:kallithea', 'issue_pat_t = T-(\\d+)-(\\d+)', 'issue_server_link_t = https://t/{id}', 'issue_prefix_t = T\\');
    const [d] = only(text, 'deprecated-key');
    const [fix] = fixesFor(model(text), d);
    assert.equal(fix.title, 'Replace with issue_sub_t = T\\\\\\g<1>\\g<2> (and {id} in the link)');
  });

  test('the upgrade does not switch Sentry on, and settles repeated keys as Python 2 did (the last one)', () => {
    const text = lines('[server:main]', 'use = egg:waitress#main', 'threads = 1', 'use = egg:Paste#http', 'port = 5000', '[app:main]', 'use = egg:kallithea', 'sentry.dsn = YOUR_DNS', 'use_gravatar = true', 'use_gravatar = false', 'sqlalchemy.db1.url = sqlite:///k.db');
    assert.notEqual(python(text).readError, null, 'Python 3 refuses the repeated keys');
    const up = upgradeText(text, {}, hex());
    const read = python(up.text);
    assert.equal(read.readError, null, up.text);
    assert.equal(read.raw!['app:main'].use_gravatar, 'false');
    assert.equal(read.raw!['app:main']['trace_errors.sentry_dsn'], undefined);
    assert.match(up.text, /^# sentry\.dsn = YOUR_DNS$/m);
    assert.deepEqual(read.raw!['server:main'], { threads: '1', use: 'egg:waitress#main', port: '5000' });
    assert.equal(upgradeText(up.text, {}, hex()).text, up.text);
  });

  test('keys gunicorn or waitress refuse are commented out; another application is never upgraded', () => {
    const text = lines('[server:main]', 'use = egg:gunicorn#main', 'workers = 2', 'max_request_body_size = 1000', '[app:main]', 'use = egg:kallithea', 'sqlalchemy.db1.url = sqlite:///k.db');
    assert.match(upgradeText(text, {}, hex()).text, /^# max_request_body_size = 1000$/m);
    const ce = lines('[app:main]', 'use = egg:rhodecode-enterprise-ce', 'lang = en', 'pdebug = false', 'sqlalchemy.db1.url = sqlite:///r.db');
    assert.ok(!rules(ce).includes('legacy-config'));
    const refused = upgradeText(ce, {}, hex());
    assert.equal(refused.text, ce);
    assert.match(refused.refused ?? '', /egg:rhodecode-enterprise-ce, not Kallithea/);
  });

  test('the secrets RhodeCode and old Kallithea shipped are weak, however long', () => {
    const [d] = only(lines('[app:main]', 'use = egg:rhodecode', 'beaker.session.secret = g654dcno0-9873jhgfreyu', 'app_instance_uuid = 9c1b7e2f44a04d3f8e6a5b2c1d0e9f8a'), 'weak-secret');
    assert.match(d.message, /^beaker\.session\.secret is a published placeholder/);
  });

  test('the cache regions 0.7 uses: missing long_term_file is an error with a fix; unused old regions are not memory problems', () => {
    const text = fixture('kallithea-0.5.ini');
    const [d] = only(text, 'missing-cache-region');
    assert.equal(d.severity, 'error');
    assert.match(d.message, /^The Beaker cache region long_term_file is not in beaker\.cache\.regions/);
    const [fix] = fixesFor(model(text), d);
    const fixed = applyEdits(model(text).parsed, fix.edits);
    assert.deepEqual(only(fixed, 'missing-cache-region'), []);
    assert.equal(python(fixed).raw!['app:main']['beaker.cache.long_term_file.expire'], '604800');
    const up = python(upgradeText(text, {}, hex()).text).raw!['app:main'];
    assert.equal(up['beaker.cache.regions'], 'long_term,long_term_file');
    assert.equal(up['beaker.cache.long_term_file.type'], 'file');
    const old = lines('[server:main]', 'use = egg:waitress#main', 'threads = 1', '[app:main]', 'use = egg:kallithea', 'beaker.cache.regions = short_term, long_term, long_term_file', 'beaker.cache.type = memory', 'beaker.cache.long_term.type = file', 'beaker.cache.long_term_file.type = file');
    assert.deepEqual(only(old, 'memory-cache-no-recycle'), [], 'short_term is memory, but 0.7 never caches in it');
  });

  test('both spellings of a session option: the upgrade keeps the one in effect', () => {
    const text = lines('[app:main]', 'use = egg:kallithea', 'session.secret = 11111111111111111111111111111111', 'beaker.session.secret = 22222222222222222222222222222222', 'sqlalchemy.db1.url = sqlite:///k.db');
    const app = python(upgradeText(text, {}, hex()).text).raw!['app:main'];
    assert.equal(app['session.secret'], '22222222222222222222222222222222');
    assert.equal(app['beaker.session.secret'], undefined);
  });
});

describe('configs written for 0.4 and later', () => {
  test('0.4-0.5: no legacy-config; its old Celery names are reported one by one', () => {
    const ds = lintText(fixture('kallithea-0.5.ini'));
    assert.equal(generationOf(model(fixture('kallithea-0.5.ini'))).label, 'Kallithea 0.4-0.5 (TurboGears, Python 2)');
    assert.ok(!ds.some((d) => d.rule === 'legacy-config'));
    const old = ds.filter((d) => d.rule === 'deprecated-key').map((d) => d.message.split('"')[1] ?? d.message.slice(0, 14));
    for (const key of ['broker.url', 'celeryd.concurrency', 'lock_ret_code', 'appenlight']) assert.ok(old.includes(key), `${key} in ${old}`);
    assert.ok(ds.some((d) => d.rule === 'deprecated-key' && /celery\.imports names kallithea\.lib\.celerylib\.tasks/.test(d.message)));
    // The upgrade still applies to it.
    const up = upgradeText(fixture('kallithea-0.5.ini'), {}, hex()).text;
    assert.equal(python(up).raw!['app:main']['celery.broker_url'], 'amqp://kallithea:s3cret@mq.example.org:5672/kallitheavhost');
    assert.ok(!rules(up).includes('deprecated-key'), rules(up).join());
  });

  test('0.6-0.7: no legacy-config and nothing to upgrade', () => {
    const text = fixture('kallithea-0.7.ini');
    assert.deepEqual(rules(text), []);
    assert.equal(generationOf(model(text)).id, 'kallithea-0.6');
    assert.deepEqual(upgradeText(text, {}, hex()).changes, []);
  });

  test('the corpus: no legacy-config, and no information-level problem without an edit to make', () => {
    for (const file of corpusFiles()) {
      const { model: m, diagnostics: ds } = analyzed(readText(file), file);
      assert.ok(!ds.some((d) => d.rule === 'legacy-config'), file);
      assert.equal(generationOf(m).id, 'kallithea-0.6', file);
      const fixes = (d: (typeof ds)[number]) => fixesFor(m, d).filter((f) => f.edits.length > 0);
      for (const d of ds.filter((x) => x.severity !== 'hint')) assert.ok(fixes(d).length > 0, `${path.basename(file)}: ${d.rule} offers no edit`);
    }
  });
});

describe('one option, two spellings: beaker.session.* and session.*', () => {
  const APP = ['[app:main]', 'use = egg:kallithea', 'cache_dir = /srv/data', 'index_dir = /srv/data/index', 'sqlalchemy.url = postgresql://k@db/k', 'app_instance_uuid = 0123456789abcdef0123456789abcdef'];

  test('a strong beaker.session.secret is the session secret; a weak one is named', () => {
    assert.deepEqual(only(lines(...APP, 'beaker.session.secret = 9c1b7e2f44a04d3f8e6a5b2c1d0e9f8a'), 'weak-secret'), []);
    const [d] = only(lines(...APP, 'beaker.session.secret = somesecret'), 'weak-secret');
    assert.ok(d.message.startsWith('beaker.session.secret '), d.message);
    assert.equal(d.range.start.line, 6);
    // The later spelling wins, as TurboGears fills Beaker's options in config order.
    const later = lines(...APP, 'beaker.session.secret = 9c1b7e2f44a04d3f8e6a5b2c1d0e9f8a', 'session.secret = short');
    assert.ok(only(later, 'weak-secret')[0].message.startsWith('session.secret is only 5'));
    assert.deepEqual(only(lines(...APP, 'session.secret = short', 'beaker.session.secret = 9c1b7e2f44a04d3f8e6a5b2c1d0e9f8a'), 'weak-secret'), []);
  });

  test('cookie sessions signed with beaker.session.validate_key', () => {
    const text = lines(...APP, 'beaker.session.type = cookie', 'beaker.session.validate_key = 9c1b7e2f44a04d3f8e6a5b2c1d0e9f8a');
    assert.deepEqual(only(text, 'weak-secret'), []);
    assert.deepEqual(only(text, 'cookie-session-no-validate-key'), []);
    assert.equal(only(lines(...APP, 'beaker.session.type = cookie'), 'cookie-session-no-validate-key').length, 1);
  });

  test('deprecated-key says beaker.session.* still works (information) and offers the rename', () => {
    const [d] = only(lines(...APP, 'session.key = k', 'beaker.session.httponly = true'), 'deprecated-key');
    assert.equal(d.severity, 'information');
    assert.match(d.message, /still works/);
    assert.deepEqual(d.data, { line: 7, newKey: 'session.httponly' });
  });

  test('hover and the effective view show the value the code uses and which line decides', () => {
    const text = lines(...APP, 'session.timeout = 60', 'beaker.session.timeout = 3600', 'beaker.cache.data_dir = /srv/elsewhere');
    const m = model(text);
    const overridden = plain(hover(m, { line: 6, character: 2 })!.markdown);
    assert.match(overridden, /Effective value:\*\* `3600`/);
    assert.match(overridden, /does not use this line's value/);
    assert.match(plain(hover(m, { line: 7, character: 2 })!.markdown), /This line decides the option: it overrides `session\.timeout` on line 7/);
    const cache = plain(hover(m, { line: 8, character: 2 })!.markdown);
    assert.match(cache, /Effective value:\*\* `\/srv\/data\/cache`/);
    assert.match(cache, /Kallithea does not use this line's value:\*\* TurboGears derives cache\.data_dir from cache_dir \(line 3\)/);
    const view = effectiveConfigView(m);
    assert.match(view, /^session\.timeout = 60 .*not used: beaker\.session\.timeout \(line 8\) comes later/m);
    assert.match(view, /^session\.data_dir = \/srv\/data\/sessions +# derived by TurboGears from cache_dir$/m);
  });

  test('completion does not offer session.secret when beaker.session.secret sets it', () => {
    const text = lines(...APP, 'beaker.session.secret = 9c1b7e2f44a04d3f8e6a5b2c1d0e9f8a', '');
    const labels = complete(model(text), { line: 7, character: 0 }).map((i) => i.label);
    assert.ok(labels.includes('session.timeout'));
    assert.ok(!labels.includes('session.secret'));
  });
});

describe('the database, workers and broker of older files', () => {
  const gunicorn = (...extra: string[]) => ['[server:main]', 'use = egg:gunicorn#main', 'workers = 2', 'timeout = 3600', 'max_requests = 1000', ...extra];

  test('SQLite in sqlalchemy.db1.url under 2 gunicorn workers; MySQL there without utf8mb4', () => {
    assert.equal(only(lines(...gunicorn(), '[app:main]', 'use = egg:kallithea', 'sqlalchemy.db1.url = sqlite:////srv/k.db'), 'sqlite-multi-worker').length, 1);
    // With Celery on the same file too, one web worker would not be enough: no such fix then.
    const withCelery = lines(...gunicorn(), '[app:main]', 'use = egg:kallithea', 'use_celery = true', 'sqlalchemy.db1.url = sqlite:////srv/k.db');
    const titles = fixesFor(model(withCelery), only(withCelery, 'sqlite-multi-worker')[0]).map((f) => f.title);
    assert.ok(titles.some((t) => t.startsWith('Use PostgreSQL')) && !titles.some((t) => t.startsWith('Run a single worker')), titles.join());
    const [d] = only(lines('[app:main]', 'use = egg:kallithea', 'sqlalchemy.db1.url = mysql://k:p@db/k'), 'mysql-charset');
    assert.equal(d.range.start.line, 2);
  });

  test('gunicorn gevent with threads = 5: nothing on threads, the class still warns, timeout is a heartbeat', () => {
    const text = lines(...gunicorn('threads = 5', 'worker_class = gevent', 'timeout = 30').filter((l) => l !== 'timeout = 3600'), '[app:main]', 'use = egg:kallithea');
    const ds = only(text, 'threaded-worker');
    assert.deepEqual(ds.map((d) => d.range.start.line), [5]);
    assert.deepEqual(only(text, 'short-timeout'), []);
    assert.match(only(lines('[server:main]', 'use = egg:gunicorn#main', 'threadpool_workers = 2'), 'unknown-server-key')[0].message, /gunicorn 20 and later stop at startup/);
  });

  test('instances on one host share a localhost broker; on other hosts they do not, Celery 3 names included', () => {
    const app = (broker: string) => lines('[app:main]', 'use = egg:kallithea', 'sqlalchemy.url = postgresql://k@db/k', 'use_celery = true', broker);
    const celery3 = app('broker.host = localhost');
    const sideBySide = environment([{ path: '/srv/kallithea/other.ini', text: celery3 }]);
    assert.deepEqual(only(celery3, 'celery-broker-not-shared', { env: sideBySide }), []);
    const elsewhere = environment([{ path: '/srv/host-b/kallithea.ini', text: celery3 }]);
    const [d] = only(celery3, 'celery-broker-not-shared', { env: elsewhere });
    assert.match(d.message, /\(broker\.host\) is on localhost/);
    const modern = app('celery.broker_url = amqp://k@127.0.0.1//');
    assert.equal(only(modern, 'celery-broker-not-shared', { env: elsewhere }).length, 1);
  });

  test('script_location is information: only alembic -c needs it', () => {
    const [d] = only(lines('[app:main]', 'use = egg:kallithea', 'sqlalchemy.url = postgresql://k@db/k', 'cache_dir = /d', 'index_dir = /d/i', 'cut_off_limit = 1', 'commit_parse_limit = 1'), 'missing-required-key');
    assert.equal(d.severity, 'information');
    assert.match(d.message, /^script_location is missing/);
  });

  test('the hover on [app:main] names the generation and its evidence', () => {
    const m = model(fixture('kallithea-0.2.ini'));
    const header = m.parsed.sections.find((s) => s.name === 'app:main')!;
    const md = plain(hover(m, header.headerRange.start)!.markdown);
    assert.match(md, /\*\*Written for:\*\* Kallithea 0\.1-0\.3 \(Pylons\), judging by sqlalchemy\.db1\.url \(line 67\)/);
    assert.match(effectiveConfigView(m), /^# Written for Kallithea 0\.1-0\.3 \(Pylons\) \(sqlalchemy\.db1\.url \(line 67\)/m);
    const modern = model(fixture('kallithea-0.7.ini'));
    const modernHeader = modern.parsed.sections.find((s) => s.name === 'app:main')!.headerRange.start;
    assert.match(plain(hover(modern, modernHeader)!.markdown), /Written for:\*\* Kallithea 0\.6-0\.7, judging by the header comment of kallithea-cli \(line 1\)/);
  });
});
