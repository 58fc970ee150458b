// The rules that compare the instances of one site: each fires where it should, stays
// quiet where it should, masks secrets, and its fixes give a file Python's
// configparser loads, without the problem.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFix, assertPythonReads, environment, fixTitles, lines, only, pythonValue } from '../helpers/core';

const SECRET_HERE = '3f6c0b1e9d2a47c58e1f0a9b7c6d5e4f';
const SECRET_THERE = '9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d';
const APP = (...extra: string[]) => lines('[app:main]', 'use = egg:kallithea', 'cache_dir = /mnt/shared/data', 'index_dir = /mnt/shared/data/index', 'sqlalchemy.url = postgresql://k:dbpass@db.internal/k', ...extra);
const WEB2 = '/srv/deploy/web2/kallithea.ini';
const WEB3 = '/srv/deploy/web3/kallithea.ini';

describe('instances-disagree', () => {
  const here = APP(`session.secret = ${SECRET_HERE}`, 'app_instance_uuid = 0b7e5a1c2d3f4e5a6b7c8d9e0f1a2b3c');
  const there = APP(`session.secret = ${SECRET_THERE}`, 'app_instance_uuid = 0b7e5a1c2d3f4e5a6b7c8d9e0f1a2b3c');

  test('fires on a secret that differs, names the other instance, and masks both values', () => {
    const [d, ...rest] = only(here, 'instances-disagree', { env: environment([{ path: WEB2, text: there }]) });
    assert.equal(rest.length, 0);
    assert.equal(d.range.start.line, 5);
    assert.match(d.message, /"session\.secret" is •+ here but •+ in \.\.\/deploy\/web2\/kallithea\.ini/);
    assert.match(d.message, /logged out/);
    assert.ok(!d.message.includes(SECRET_HERE) && !d.message.includes(SECRET_THERE), d.message);
    assert.ok(!JSON.stringify(d.data).includes(SECRET_THERE), 'the fix data names files, not values');
  });

  test('is quiet without other instances, when the values agree, and across the two spellings of a Beaker option', () => {
    assert.deepEqual(only(here, 'instances-disagree'), []);
    assert.deepEqual(only(here, 'instances-disagree', { env: environment([{ path: WEB2, text: here }]) }), []);
    const beaker = here.replace('session.secret', 'beaker.session.secret');
    assert.deepEqual(only(beaker, 'instances-disagree', { env: environment([{ path: WEB2, text: here }]) }), []);
  });

  test('compares values after interpolation, and leaves data directories to data-dir-not-shared', () => {
    const viaDefault = lines('[DEFAULT]', 'uuid = 0b7e5a1c2d3f4e5a6b7c8d9e0f1a2b3c', APP(`session.secret = ${SECRET_HERE}`, 'app_instance_uuid = %(uuid)s'));
    assert.deepEqual(only(viaDefault, 'instances-disagree', { env: environment([{ path: WEB2, text: here }]) }), []);
    const ownSessions = (dir: string) => APP('session.type = file', `session.data_dir = ${dir}`);
    const env = environment([{ path: WEB2, text: ownSessions('/var/lib/web2/sessions') }]);
    assert.deepEqual(only(ownSessions('/var/lib/web1/sessions'), 'instances-disagree', { env }), []);
    assert.equal(only(ownSessions('/var/lib/web1/sessions'), 'data-dir-not-shared', { env }).length, 1);
  });

  test('a setting missing here is reported on the app section, with the other value shown', () => {
    const bare = APP('canonical_url = https://code.example.com');
    const [d] = only(APP(), 'instances-disagree', { env: environment([{ path: WEB2, text: bare }]) });
    assert.equal(d.range.start.line, 0);
    assert.match(d.message, /"canonical_url" is \(not set\) here but https:\/\/code\.example\.com in /);
  });

  test('the broker is compared under any release\'s key, with its password hidden', () => {
    const celery = (url: string) => APP('use_celery = true', `celery.broker_url = ${url}`);
    const [d] = only(celery('amqp://k:mqpass@mq1/k'), 'instances-disagree', { env: environment([{ path: WEB2, text: celery('amqp://k:mqpass@mq2/k') }]) });
    assert.match(d.message, /"celery\.broker_url" is amqp:\/\/k:•+@mq1\/k here but amqp:\/\/k:•+@mq2\/k/);
    assert.ok(!d.message.includes('mqpass'));
    const old = APP('use_celery = true', 'broker.url = amqp://k:mqpass@mq1/k');
    assert.deepEqual(only(old, 'instances-disagree', { env: environment([{ path: WEB2, text: celery('amqp://k:mqpass@mq1/k') }]) }), []);
  });

  test('one fix per other value; each copies that value, escaped for interpolation, and the warning goes', () => {
    const third = APP('session.secret = 50%%off-and-more-than-sixteen', 'app_instance_uuid = 0b7e5a1c2d3f4e5a6b7c8d9e0f1a2b3c');
    const env = environment([
      { path: WEB2, text: there },
      { path: WEB3, text: third },
      { path: '/srv/deploy/web4/kallithea.ini', text: there },
    ]);
    const [d] = only(here, 'instances-disagree', { env });
    assert.match(d.message, /in \.\.\/deploy\/web2\/kallithea\.ini \(and 1 more\), •+ in \.\.\/deploy\/web3/);
    assert.deepEqual(fixTitles(here, d, env), ['Use the value of ../deploy/web2/kallithea.ini', 'Use the value of ../deploy/web3/kallithea.ini']);
    const fixed = applyFix(here, d, 0, env);
    assertPythonReads(fixed, 'app:main', 'session.secret', SECRET_THERE);
    const percent = applyFix(here, d, 1, env);
    assert.equal(pythonValue(percent, 'app:main', 'session.secret'), '50%off-and-more-than-sixteen');
    assert.deepEqual(only(percent, 'instances-disagree', { env: environment([{ path: WEB3, text: third }]) }), []);
  });

  test('a setting missing here gets a fix that adds it', () => {
    const bare = APP('canonical_url = https://code.example.com');
    const env = environment([{ path: WEB2, text: bare }]);
    const [d] = only(APP(), 'instances-disagree', { env });
    assertPythonReads(applyFix(APP(), d, 0, env), 'app:main', 'canonical_url', 'https://code.example.com');
  });
});

describe('db-connection-budget', () => {
  const GUNICORN = (workers: number) => ['[server:main]', 'use = egg:gunicorn#main', `workers = ${workers}`];
  const site = (workers: number, ...app: string[]) => lines(...GUNICORN(workers), '[app:main]', 'use = egg:kallithea', 'sqlalchemy.url = postgresql://k:dbpass@db.internal/k', ...app);

  test('fires when the worker processes may open more connections than PostgreSQL allows, and shows the sum', () => {
    const [d] = only(site(8), 'db-connection-budget');
    assert.match(d.message, /may open 120 database connections, more than PostgreSQL's default max_connections of 100/);
    assert.match(d.message, /\(pool_size 5 \+ max_overflow 10\) × 8 worker processes = 120/);
    assert.match(d.message, /each process may hold 12/);
    assert.equal(d.range.start.line, 5, 'on sqlalchemy.url when the pool is not set');
    assert.ok(!d.message.includes('dbpass'));
  });

  test('is quiet within the limit, on SQLite, and with a higher max_connections from the settings', () => {
    assert.deepEqual(only(site(6), 'db-connection-budget'), []);
    assert.deepEqual(only(site(8, 'sqlalchemy.pool_size = 2', 'sqlalchemy.max_overflow = 3'), 'db-connection-budget'), []);
    assert.deepEqual(only(site(8).replace(/postgresql:\/\/\S+/, 'sqlite:////srv/k.db'), 'db-connection-budget'), []);
    assert.deepEqual(only(site(8), 'db-connection-budget', { env: environment([], { databaseMaxConnections: 500 }) }), []);
  });

  test('counts every instance of the site, Celery workers, and MySQL\'s default of 151', () => {
    const four = site(4);
    const env = environment([
      { path: '/srv/deploy/web2/kallithea.ini', text: four },
      { path: '/srv/deploy/web3/kallithea.ini', text: four },
    ]);
    const [d] = only(four, 'db-connection-budget', { env });
    assert.match(d.message, /× 4 worker processes × 3 instances = 180/);
    const [c] = only(site(6, 'use_celery = true', 'celery.worker_concurrency = 2'), 'db-connection-budget');
    assert.match(c.message, /may open 120 .*= 90, plus 2 Celery worker processes × 15 = 30/);
    const mysql = (workers: number) => site(workers).replace(/postgresql:\/\/\S+/, 'mysql://k:dbpass@db.internal/k?charset=utf8mb4');
    assert.deepEqual(only(mysql(10), 'db-connection-budget'), []);
    assert.match(only(mysql(11), 'db-connection-budget')[0].message, /MySQL and MariaDB's default max_connections of 151/);
  });

  test('the fix lowers pool_size and max_overflow so that the site fits; Python reads it and the warning goes', () => {
    const text = site(8, 'sqlalchemy.pool_size = 10');
    const [d] = only(text, 'db-connection-budget');
    assert.equal(d.range.start.line, 6, 'on pool_size when it is set');
    assert.deepEqual(fixTitles(text, d), ['Set sqlalchemy.pool_size = 10 and sqlalchemy.max_overflow = 2 (12 connections per worker process)']);
    const fixed = applyFix(text, d);
    assertPythonReads(fixed, 'app:main', 'sqlalchemy.pool_size', '10');
    assertPythonReads(fixed, 'app:main', 'sqlalchemy.max_overflow', '2');
    assert.deepEqual(only(fixed, 'db-connection-budget'), []);
    const bare = site(8);
    const added = applyFix(bare, only(bare, 'db-connection-budget')[0]);
    assertPythonReads(added, 'app:main', 'sqlalchemy.pool_size', '5');
    assertPythonReads(added, 'app:main', 'sqlalchemy.max_overflow', '7');
    assert.deepEqual(only(added, 'db-connection-budget'), []);
  });

  test('no fix when even one connection per process is too many', () => {
    const text = site(120);
    const [d] = only(text, 'db-connection-budget');
    assert.match(d.message, /Even one connection per process is too many/);
    assert.deepEqual(fixTitles(text, d), []);
  });
});
