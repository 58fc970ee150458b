// uWSGI, server and database rules.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFix, assertPythonReads, environment, fixTitles, lines, only, python } from '../helpers/core';

const APP = ['[app:main]', 'use = egg:kallithea', 'cache_dir = /srv/data', 'index_dir = /srv/data/index'];

describe('uWSGI rules', () => {
  const good = ['[uwsgi]', 'http-socket = 127.0.0.1:5000', 'buffer-size = 65535   ; big headers', 'master = true', 'lazy = true', 'workers = 4', 'cheaper = 1', 'max-requests = 1000'];

  test('a good [uwsgi] section raises none of them', () => {
    const text = lines(...good, ...APP);
    for (const rule of ['uwsgi-not-lazy', 'uwsgi-bool-inline-comment', 'uwsgi-cheaper', 'uwsgi-buffer-size']) assert.deepEqual(only(text, rule), [], rule);
  });

  test('uwsgi-not-lazy: a master without lazy; the fix sets lazy = true', () => {
    const text = lines('[uwsgi]', 'master = true', 'workers = 4', 'buffer-size = 65535', ...APP);
    const [d] = only(text, 'uwsgi-not-lazy');
    assert.equal(d.range.start.line, 0);
    const fixed = applyFix(text, d);
    assert.deepEqual(only(fixed, 'uwsgi-not-lazy'), []);
    assert.equal(python(fixed).raw?.uwsgi.lazy, 'true');
  });

  test('uwsgi-bool-inline-comment: "lazy = false ; x" is ON to uWSGI; the fix moves the note', () => {
    const text = lines('[uwsgi]', 'master = true', 'lazy = false   ; not yet', 'vacuum = true ; fine', ...APP);
    const [d, ...rest] = only(text, 'uwsgi-bool-inline-comment');
    assert.equal(rest.length, 0);
    assert.equal(d.severity, 'error');
    assert.equal(d.range.start.line, 2);
    const fixed = applyFix(text, d);
    assert.deepEqual(fixed.split('\n').slice(2, 4), ['; not yet', 'lazy = false']);
    assert.deepEqual(only(fixed, 'uwsgi-bool-inline-comment'), []);
    assert.equal(only(fixed, 'uwsgi-not-lazy').length, 1, 'now that lazy is really off, the lazy rule speaks');
  });

  test('uwsgi-cheaper: cheaper >= workers; fix lowers it', () => {
    const text = lines('[uwsgi]', 'workers = 4', 'cheaper = 4  ; min', ...APP);
    const [d] = only(text, 'uwsgi-cheaper');
    assert.equal(d.range.start.line, 2);
    const fixed = applyFix(text, d);
    assert.equal(fixed.split('\n')[2], 'cheaper = 3  ; min');
    assert.deepEqual(only(fixed, 'uwsgi-cheaper'), []);
    assert.equal(only(lines('[uwsgi]', 'cheaper = 1', ...APP), 'uwsgi-cheaper').length, 1, 'workers default to 1');
  });

  test('uwsgi-buffer-size: missing, small or too big; fix sets 65535', () => {
    const missing = lines('[uwsgi]', 'master = true', 'lazy = true', ...APP);
    const [d] = only(missing, 'uwsgi-buffer-size');
    const fixed = applyFix(missing, d);
    assert.equal(python(fixed).raw?.uwsgi['buffer-size'], '65535');
    assert.deepEqual(only(fixed, 'uwsgi-buffer-size'), []);
    assert.equal(only(lines('[uwsgi]', 'buffer-size = 8192'), 'uwsgi-buffer-size').length, 1);
    assert.equal(only(lines('[uwsgi]', 'buffer-size = 100000'), 'uwsgi-buffer-size').length, 1);
  });
});

describe('server rules', () => {
  test('unknown-server-key: waitress refuses threadpool_workers; did-you-mean and comment-out fixes', () => {
    const text = lines('[server:main]', 'use = egg:waitress#main', 'threads = 1', 'threadpool_workers = 1', 'max_request_body_siz = 1');
    const ds = only(text, 'unknown-server-key');
    assert.deepEqual(
      ds.map((d) => d.range.start.line),
      [3, 4],
    );
    assert.equal(fixTitles(text, ds[1])[0], 'Change to "max_request_body_size"');
    const fixed = applyFix(text, ds[0], fixTitles(text, ds[0]).length - 1);
    assert.equal(fixed.split('\n')[3], '# threadpool_workers = 1');
    assert.equal(python(fixed).readError, null);
  });

  test('unknown-server-key: gunicorn lower-cases names; its unknown keys are errors too', () => {
    assert.deepEqual(only(lines('[server:main]', 'use = egg:gunicorn#main', 'Workers = 2', 'timeout = 3600'), 'unknown-server-key'), []);
    assert.equal(only(lines('[server:main]', 'use = egg:gunicorn#main', 'threadpool_workers = 2'), 'unknown-server-key')[0].severity, 'error');
  });

  test('dev-server: gearbox wsgiref; the fix switches to waitress and comments out its dead keys', () => {
    const text = lines('[server:main]', 'use = egg:gearbox#wsgiref', 'host = 127.0.0.1', 'port = 5000', 'threadpool_workers = 1', 'use_threadpool = true', ...APP);
    const [d] = only(text, 'dev-server');
    assert.equal(d.range.start.line, 1);
    const fixed = applyFix(text, d);
    const py = python(fixed);
    assert.equal(py.readError, null);
    assert.deepEqual(py.raw?.['server:main'], { use: 'egg:waitress#main', host: '127.0.0.1', port: '5000', threads: '1', max_request_body_size: '107374182400' });
    assert.deepEqual(only(fixed, 'dev-server'), []);
    assert.deepEqual(only(fixed, 'unknown-server-key'), []);
  });

  test('short-timeout: gunicorn default 30 s or a short timeout; waitress body limit under 1 GiB', () => {
    const g = lines('[server:main]', 'use = egg:gunicorn#main', 'workers = 2');
    const [d] = only(g, 'short-timeout');
    assert.match(d.message, /30 seconds \(its default\)/);
    assert.equal(python(applyFix(g, d)).raw?.['server:main'].timeout, '3600');
    assert.deepEqual(only(lines('[server:main]', 'use = egg:gunicorn#main', 'timeout = 3600'), 'short-timeout'), []);
    const w = lines('[server:main]', 'use = egg:waitress#main', 'max_request_body_size = 1048576');
    const [wd] = only(w, 'short-timeout');
    assert.equal(python(applyFix(w, wd)).raw?.['server:main'].max_request_body_size, '107374182400');
    assert.deepEqual(only(lines('[server:main]', 'use = egg:waitress#main'), 'short-timeout'), [], 'the default of 1 GiB is enough');
  });
});

describe('database and Celery rules', () => {
  test('mysql-charset: missing or utf8; the fix adds or corrects charset=utf8mb4', () => {
    for (const [url, expected] of [
      ['mysql://k:p@db/k', 'mysql://k:p@db/k?charset=utf8mb4'],
      ['mysql://k:p@db/k?charset=utf8', 'mysql://k:p@db/k?charset=utf8mb4'],
      ['mysql+pymysql://k:p@db/k?ssl=1', 'mysql+pymysql://k:p@db/k?ssl=1&charset=utf8mb4'],
    ]) {
      const text = lines(...APP, `sqlalchemy.url = ${url}`);
      const [d] = only(text, 'mysql-charset');
      const fixed = applyFix(text, d);
      assertPythonReads(fixed, 'app:main', 'sqlalchemy.url', expected);
      assert.deepEqual(only(fixed, 'mysql-charset'), []);
    }
    assert.deepEqual(only(lines(...APP, 'sqlalchemy.url = mysql://k:p@db/k?charset=utf8mb4'), 'mysql-charset'), []);
  });

  test('sqlite-pool-options: pool keys with SQLite; the fix comments them out', () => {
    const text = lines(...APP, 'sqlalchemy.url = sqlite:////srv/k.db', 'sqlalchemy.pool_size = 5', 'sqlalchemy.pool_recycle = 3600');
    const [d, ...rest] = only(text, 'sqlite-pool-options');
    assert.equal(rest.length, 0);
    assert.equal(d.range.start.line, 5);
    assert.equal(applyFix(text, d).split('\n')[5], '# sqlalchemy.pool_size = 5');
    assert.deepEqual(only(lines(...APP, 'sqlalchemy.url = postgresql://k@db/k', 'sqlalchemy.pool_size = 5'), 'sqlite-pool-options'), []);
  });

  test('celery-broker-not-shared: instances with a localhost broker or none', () => {
    const text = lines(...APP, 'sqlalchemy.url = postgresql://k@db/k', 'use_celery = true', 'celery.broker_url = amqp://kallithea:pw@localhost:5672/vhost');
    const peer = { path: '/srv/other/kallithea.ini', text };
    const [d] = only(text, 'celery-broker-not-shared', { env: environment([peer]) });
    assert.equal(d.range.start.line, 6);
    assert.deepEqual(only(text, 'celery-broker-not-shared'), [], 'a single instance may use a local broker');
    const shared = text.replace('@localhost:', '@mq.internal:');
    assert.deepEqual(only(shared, 'celery-broker-not-shared', { env: environment([peer]) }), []);
    const none = lines(...APP, 'sqlalchemy.url = postgresql://k@db/k', 'use_celery = true');
    assert.equal(only(none, 'celery-broker-not-shared', { env: environment([peer]) }).length, 1);
  });
});
