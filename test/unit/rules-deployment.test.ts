// The scaling and server rules: each fires where it should, stays quiet where it
// should, and its fix gives a file Python's configparser loads, without the problem.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { staticServerConfig } from '../../server/src/core/catalog/static-files';
import { applyFix, assertPythonReads, environment, fixTitles, lines, only, python } from '../helpers/core';

const APP = ['[app:main]', 'use = egg:kallithea', 'cache_dir = %(here)s/data', 'index_dir = %(here)s/data/index'];
const SQLITE = 'sqlalchemy.url = sqlite:///%(here)s/kallithea.db?timeout=60';
const GUNICORN = (workers: number) => ['[server:main]', 'use = egg:gunicorn#main', 'host = 127.0.0.1', 'port = 5000', `workers = ${workers}`, 'worker_class = sync', 'timeout = 3600', 'max_requests = 1000'];

describe('sqlite-multi-worker', () => {
  const text = lines(...GUNICORN(4), ...APP, SQLITE);

  test('fires on the URL with several gunicorn workers, names the reason', () => {
    const [d] = only(text, 'sqlite-multi-worker');
    assert.equal(d.range.start.line, 12);
    assert.equal(d.range.start.character, 17);
    assert.match(d.message, /4 gunicorn worker processes \(line 5\)/);
  });

  test('stays quiet with one worker, and with PostgreSQL', () => {
    assert.deepEqual(only(lines(...GUNICORN(1), ...APP, SQLITE), 'sqlite-multi-worker'), []);
    assert.deepEqual(only(lines(...GUNICORN(4), ...APP, 'sqlalchemy.url = postgresql://k:p@db/k'), 'sqlite-multi-worker'), []);
  });

  test('fires for Celery, for uWSGI workers, for the workerProcesses setting and for instances', () => {
    assert.equal(only(lines(...GUNICORN(1), ...APP, SQLITE, 'use_celery = true'), 'sqlite-multi-worker').length, 1);
    assert.equal(only(lines('[uwsgi]', 'workers = 4      ; many', ...APP, SQLITE), 'sqlite-multi-worker').length, 1);
    assert.equal(only(lines(...APP, SQLITE), 'sqlite-multi-worker', { env: environment([], { workerProcesses: 3 }) }).length, 1);
    const peer = { path: '/srv/b/kallithea.ini', text: lines(...APP, 'sqlalchemy.url = sqlite:////srv/shared/k.db') };
    const d = only(lines(...APP, 'sqlalchemy.url = sqlite:////srv/shared/k.db'), 'sqlite-multi-worker', { env: environment([peer]) });
    assert.match(d[0].message, /2 instances of this site/);
  });

  test('fixes: PostgreSQL or MySQL URL, or one worker; each loads in Python and clears the warning', () => {
    const [d] = only(text, 'sqlite-multi-worker');
    assert.deepEqual(fixTitles(text, d), [
      'Use PostgreSQL (then set the password and host)',
      'Use MySQL/MariaDB with utf8mb4 (then set the password and host)',
      'Run a single worker process (workers = 1)',
    ]);
    for (let i = 0; i < 3; i++) {
      const fixed = applyFix(text, d, i);
      assert.equal(python(fixed).readError, null);
      assert.deepEqual(only(fixed, 'sqlite-multi-worker'), [], `fix ${i}`);
    }
    assertPythonReads(applyFix(text, d, 1), 'app:main', 'sqlalchemy.url', 'mysql://kallithea:CHANGE-ME@localhost/kallithea?charset=utf8mb4');
  });

  test('the uWSGI single-worker fix keeps the note and comments out cheaper (which must stay below workers)', () => {
    const uwsgi = lines('[uwsgi]', 'master = true', 'lazy = true', 'workers = 4     ; scale up to this', 'cheaper = 1', ...APP, SQLITE);
    const [d] = only(uwsgi, 'sqlite-multi-worker');
    const fixed = applyFix(uwsgi, d, 2);
    assert.deepEqual(fixed.split('\n').slice(3, 5), ['workers = 1     ; scale up to this', '# cheaper = 1']);
    assert.deepEqual(only(fixed, 'uwsgi-cheaper'), []);
  });
});

describe('data-dir-not-shared', () => {
  const a = lines(...APP, 'sqlalchemy.url = postgresql://k:p@db/k');
  const peerRelative = { path: '/srv/host-b/kallithea.ini', text: a };
  const peerShared = { path: '/srv/host-b/kallithea.ini', text: lines('[app:main]', 'use = egg:kallithea', 'cache_dir = /mnt/shared/data', 'index_dir = /mnt/shared/data/index', 'sqlalchemy.url = postgresql://k:p@db/k') };

  test('fires on each directory that resolves elsewhere in another instance', () => {
    const ds = only(a, 'data-dir-not-shared', { env: environment([peerRelative]) });
    assert.deepEqual(
      ds.map((d) => d.range.start.line),
      [2, 3],
    );
    assert.match(ds[0].message, /"cache_dir" is \/srv\/kallithea\/data here but \/srv\/host-b\/data in \.\.\/host-b\/kallithea\.ini/);
    assert.match(ds[0].message, /sessions/);
  });

  test('a file already on a fixed shared path is left alone; the per-machine instance gets the warning', () => {
    const shared = lines('[app:main]', 'use = egg:kallithea', 'cache_dir = /mnt/shared/data', 'index_dir = /mnt/shared/data/index');
    assert.deepEqual(only(shared, 'data-dir-not-shared', { env: environment([peerRelative]) }), []);
    const elsewhere = { path: '/srv/host-c/kallithea.ini', text: shared.replace(/\/mnt\/shared/g, '/mnt/other') };
    assert.equal(only(shared, 'data-dir-not-shared', { env: environment([elsewhere]) }).length, 2, 'two different fixed paths: both must agree');
  });

  test('is quiet without other instances, and when the directories are the same', () => {
    assert.deepEqual(only(a, 'data-dir-not-shared'), []);
    const same = lines('[app:main]', 'use = egg:kallithea', 'cache_dir = /mnt/shared/data', 'index_dir = /mnt/shared/data/index/');
    assert.deepEqual(only(same, 'data-dir-not-shared', { env: environment([peerShared]) }), []);
  });

  test('the fix uses the other instance\'s absolute path, else kallithea.sharedDataDir, else offers nothing', () => {
    const [d] = only(a, 'data-dir-not-shared', { env: environment([peerShared]) });
    assertPythonReads(applyFix(a, d, 0), 'app:main', 'cache_dir', '/mnt/shared/data');
    const env = environment([peerRelative], { sharedDataDir: '/nfs/kallithea' });
    const [, index] = only(a, 'data-dir-not-shared', { env });
    assertPythonReads(applyFix(a, index, 0, env), 'app:main', 'index_dir', '/nfs/kallithea/index');
    const [bare] = only(a, 'data-dir-not-shared', { env: environment([peerRelative]) });
    assert.deepEqual(fixTitles(a, bare), []);
    assert.match(bare.message, /kallithea\.sharedDataDir/);
  });
});

describe('static-files-behind-proxy', () => {
  const proxied = lines('[filter:proxy-prefix]', 'use = egg:PasteDeploy#prefix', 'prefix = /code', 'translate_forwarded_server = false', ...APP, 'filter-with = proxy-prefix', 'static_files = false');

  test('fires behind a prefix filter, and says that static_files does nothing', () => {
    const [d] = only(proxied, 'static-files-behind-proxy');
    assert.equal(d.range.start.line, 9);
    assert.match(d.message, /static_files.*read by nothing/);
    assert.match(d.message, /serve_static/);
  });

  test('fires on any proxy evidence, never on a 127.0.0.1 bind alone', () => {
    for (const extra of ['remote_addr_variable = HTTP_X_FORWARDED_FOR', 'url_scheme_variable = HTTP_X_FORWARDED_PROTO', 'force_https = true']) {
      assert.equal(only(lines(...APP, extra), 'static-files-behind-proxy').length, 1, extra);
    }
    assert.equal(only(lines('[uwsgi]', 'socket = /run/k.sock', ...APP), 'static-files-behind-proxy').length, 1);
    assert.equal(only(lines(...APP), 'static-files-behind-proxy', { env: environment([], { behindProxy: true }) }).length, 1);
    assert.deepEqual(only(lines(...GUNICORN(1), ...APP), 'static-files-behind-proxy'), []);
    assert.deepEqual(only(lines(...APP, 'force_https = true', 'serve_static = false'), 'static-files-behind-proxy'), []);
  });

  test('the fix sets serve_static = false next to static_files; other actions show nginx and Apache lines', () => {
    const [d] = only(proxied, 'static-files-behind-proxy');
    const fixed = applyFix(proxied, d, 0);
    assert.deepEqual(fixed.split('\n').slice(9, 11), ['static_files = false', 'serve_static = false']);
    assertPythonReads(fixed, 'app:main', 'serve_static', 'false');
    assert.deepEqual(only(fixed, 'static-files-behind-proxy'), []);
    const titles = fixTitles(proxied, d);
    assert.ok(titles.some((t) => /nginx/.test(t)) && titles.some((t) => /Apache/.test(t)));
  });

  test('the web-server lines cover the five public folders under the URL prefix', () => {

    const nginx = staticServerConfig('nginx', '/opt/k/public', '/code');
    for (const f of ['images', 'css', 'js', 'codemirror', 'fontello']) assert.match(nginx, new RegExp(`location /code/${f}/ \\{\\n\\s+alias /opt/k/public/${f}/;`));
    assert.match(staticServerConfig('apache', '/opt/k/public'), /Alias \/fontello\/ \/opt\/k\/public\/fontello\//);
  });
});

describe('threaded-worker', () => {
  test('waitress threads > 1, or its default of 4 when absent; fix sets 1', () => {
    const text = lines('[server:main]', 'use = egg:waitress#main', 'host = 127.0.0.1', ...APP);
    const [d] = only(text, 'threaded-worker');
    assert.equal(d.range.start.line, 1);
    const fixed = applyFix(text, d);
    assert.equal(fixed.split('\n')[3], 'threads = 1');
    assert.deepEqual(only(fixed, 'threaded-worker'), []);
    assert.deepEqual(only(lines('[server:main]', 'use = egg:waitress#main', 'threads = 1'), 'threaded-worker'), []);
  });

  test('gunicorn threads and non-sync worker classes, wsgiref.threaded, gevent, uWSGI threads', () => {
    const g = lines('[server:main]', 'use = egg:gunicorn#main', 'workers = 2', 'threads = 8', 'worker_class = gevent');
    // gevent ignores `threads`: only the worker class is a problem.
    const ds = only(g, 'threaded-worker');
    assert.deepEqual(ds.map((d) => d.range.start.line), [4]);
    // Back on the sync worker the 8 threads would apply (it runs as gthread), so the fix sets one thread too.
    const fixed = applyFix(g, ds[0]);
    assert.deepEqual(python(fixed).raw?.['server:main'], { use: 'egg:gunicorn#main', workers: '2', threads: '1', worker_class: 'sync' });
    assert.deepEqual(only(fixed, 'threaded-worker'), []);
    assert.equal(only(lines('[server:main]', 'use = egg:gunicorn#main', 'threads = 4', 'worker_class = gthread'), 'threaded-worker').length, 2);
    assert.equal(only(lines('[server:main]', 'use = egg:gearbox#wsgiref', 'wsgiref.threaded = true'), 'threaded-worker').length, 1);
    assert.equal(only(lines('[server:main]', 'use = egg:gearbox#gevent'), 'threaded-worker').length, 1);
    const u = lines('[uwsgi]', 'threads = 4   ; note');
    const [ud] = only(u, 'threaded-worker');
    assert.equal(applyFix(u, ud).split('\n')[1], 'threads = 1   ; note');
  });
});

describe('session-memory-multi-worker', () => {
  test('memory sessions with several workers; the fix stores them in files', () => {
    const text = lines(...GUNICORN(4), ...APP, 'session.type = memory');
    const [d] = only(text, 'session-memory-multi-worker');
    assert.equal(d.range.start.line, 12);
    const fixed = applyFix(text, d);
    assertPythonReads(fixed, 'app:main', 'session.type', 'file');
    assert.deepEqual(only(fixed, 'session-memory-multi-worker'), []);
    assert.deepEqual(only(lines(...GUNICORN(1), ...APP, 'session.type = memory'), 'session-memory-multi-worker'), []);
    assert.deepEqual(only(lines(...GUNICORN(4), ...APP), 'session-memory-multi-worker'), [], 'file sessions under cache_dir by default');
  });
});

describe('memory-cache-no-recycle', () => {
  const cache = ['beaker.cache.regions = long_term,long_term_file', 'beaker.cache.long_term.type = memory', 'beaker.cache.long_term_file.type = file'];

  test('gunicorn without max_requests; the fix adds max_requests = 1000', () => {
    const text = lines('[server:main]', 'use = egg:gunicorn#main', 'workers = 2', ...APP, ...cache);
    const [d] = only(text, 'memory-cache-no-recycle');
    assert.equal(d.severity, 'information');
    assert.equal(d.range.start.line, 8);
    const fixed = applyFix(text, d);
    assert.equal(python(fixed).raw?.['server:main'].max_requests, '1000');
    assert.deepEqual(only(fixed, 'memory-cache-no-recycle'), []);
    assert.deepEqual(only(lines(...GUNICORN(2), ...APP, ...cache), 'memory-cache-no-recycle'), []);
  });

  test('uWSGI gets max-requests; a server that cannot recycle gets the file-type fix', () => {
    const u = lines('[uwsgi]', 'workers = 2', ...APP, ...cache);
    const [d] = only(u, 'memory-cache-no-recycle');
    assert.equal(python(applyFix(u, d)).raw?.uwsgi['max-requests'], '1000');
    const w = lines('[server:main]', 'use = egg:waitress#main', 'threads = 1', ...APP, ...cache);
    const [wd] = only(w, 'memory-cache-no-recycle');
    assert.deepEqual(fixTitles(w, wd), ['Keep the long_term region in files (type = file)']);
    assertPythonReads(applyFix(w, wd), 'app:main', 'beaker.cache.long_term.type', 'file');
  });
});
