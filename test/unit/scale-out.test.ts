// Scale-out's core: the answers it refuses and why, the recipe applied to a config
// with every problem a single-process setup tends to have, the connection pools, the
// project file, and the web server in front.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigModel } from '../../server/src/core/model/model';
import { checkOptions, suggestOptions, type ScaleOutOptions } from '../../server/src/core/scale-out/options';
import { planScaleOut, type PlanInput } from '../../server/src/core/scale-out/plan';
import { updatedProjectFile } from '../../server/src/core/scale-out/project';
import { pythonLoads } from '../helpers/oracle';
import { missingLine } from '../helpers/scale-out';
import * as os from 'node:os';
import * as path from 'node:path';

// A small single-process site with the usual problems: SQLite, debug on, weak secrets,
// sessions in memory, Celery on a local broker, data next to the file, and a line of the admin's own.
const SMALL = [
  '# my Kallithea',
  '[DEFAULT]',
  'debug = true',
  '',
  '[server:main]',
  'use = egg:waitress#main',
  'host = 127.0.0.1',
  'port = 8080',
  'threads = 8',
  '',
  '[app:main]',
  'use = egg:kallithea',
  '## our own choice',
  'show_sha_length = 8',
  'cut_off_limit = 256000',
  'commit_parse_limit = 25',
  'cache_dir = %(here)s/data',
  'index_dir = %(here)s/data/index',
  'app_instance_uuid = changeme',
  'session.type = memory',
  'session.secret = short',
  'use_celery = true',
  'celery.broker_url = amqp://guest:guest@localhost:5672//',
  'sqlalchemy.url = sqlite:///%(here)s/kallithea.db?timeout=60',
  'beaker.cache.regions = long_term,long_term_file',
  'beaker.cache.long_term.type = memory',
  'beaker.cache.long_term_file.type = file',
  '',
].join('\r\n');

const BASE: ScaleOutOptions = {
  server: 'gunicorn',
  workers: 4,
  hosts: ['web1', 'web2'],
  port: 5000,
  databaseUrl: 'postgresql://kallithea:secret@db.internal/kallithea',
  sharedDir: '/srv/shared/data',
  brokerUrl: 'amqp://kallithea:pw@broker.internal:5672/kallithea',
  publicUrl: 'https://code.example.org/scm',
  front: 'nginx',
  staticPath: '/srv/kallithea/public',
};

const input = (options: Partial<ScaleOutOptions> = {}, text = SMALL): PlanInput => ({
  text,
  configPath: '/repo/production.ini',
  outDir: '/repo/deploy',
  options: { ...BASE, ...options },
  randomHex: (digits) => 'c0ffee'.repeat(10).slice(0, digits),
});

function messages(options: Partial<ScaleOutOptions>, celery = false): string {
  return checkOptions({ ...BASE, ...options }, celery).map((p) => `${p.option}: ${p.message}`).join('\n');
}

test('answers that cannot give a working site are refused, each with the reason', () => {
  assert.equal(messages({}), '');
  assert.match(messages({ databaseUrl: 'sqlite:///%(here)s/kallithea.db' }), /^databaseUrl: SQLite cannot be shared/);
  assert.match(messages({ databaseUrl: 'postgresql://k:p@localhost/kallithea' }), /^databaseUrl: .*localhost, which each host would take as itself/);
  assert.equal(messages({ databaseUrl: 'postgresql://k:p@localhost/kallithea', hosts: ['web1'] }), '');
  assert.match(messages({ databaseUrl: 'postgresql://k:p@db.internal/' }), /database name/);
  assert.match(messages({ hosts: ['web1', 'WEB1'] }), /^hosts: "web1" is named twice/);
  assert.match(messages({ hosts: ['127.0.0.1'] }), /^hosts: .*is this machine/);
  assert.match(messages({ hosts: ['web/1'] }), /^hosts: "web\/1" is not a host name/);
  assert.match(messages({ hosts: [] }), /^hosts: Name at least one host/);
  assert.match(messages({ workers: 0 }), /^workers:/);
  assert.match(messages({ server: 'waitress', workers: 4, port: 65534 }), /^port: .*waitress uses 4 ports/);
  assert.match(messages({ sharedDir: 'data' }), /^sharedDir: Give an absolute folder/);
  assert.match(messages({ publicUrl: 'https://admin:pw@code.example.org' }), /^publicUrl: .*must not hold a user name/);
  assert.match(messages({ brokerUrl: '' }, true), /^brokerUrl: use_celery is on/);
  assert.match(messages({ brokerUrl: 'redis://localhost:6379/0' }, true), /^brokerUrl: .*localhost/);
  assert.equal(messages({ brokerUrl: undefined }, false), '');
});

test('the prompts start from what the file says', () => {
  const suggested = suggestOptions(ConfigModel.fromText(SMALL, { filePath: '/repo/production.ini' }), { sharedDataDir: '/mnt/kallithea' });
  assert.equal(suggested.server, 'waitress');
  assert.equal(suggested.port, 8080);
  assert.equal(suggested.sharedDir, '/mnt/kallithea');
  // SQLite is not kept: a PostgreSQL template to fill in; the local broker neither.
  assert.match(suggested.databaseUrl, /^postgresql:\/\//);
  assert.doesNotMatch(suggested.brokerUrl ?? '', /localhost/);
  const mysql = suggestOptions(ConfigModel.fromText('[app:main]\nuse = egg:kallithea\nsqlalchemy.url = mysql://k:p@db/kallithea\n', { filePath: '/x.ini' }));
  assert.equal(mysql.databaseUrl, 'mysql://k:p@db/kallithea?charset=utf8mb4');
  assert.equal(mysql.brokerUrl, undefined);
});

test('every host gets the recipe, the same fresh secrets, and the lines of the original', () => {
  const result = planScaleOut(input());
  assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
  const { plan } = result;
  assert.deepEqual(plan.files.map((f) => f.path), ['web1/kallithea.ini', 'web2/kallithea.ini', 'nginx-kallithea.conf']);
  assert.deepEqual(plan.remaining.map((r) => `${r.diagnostic.rule}: ${r.diagnostic.message}`), []);
  const [web1, web2] = plan.files.map((f) => f.text);
  assert.equal(web1, web2, 'gunicorn hosts differ only by folder');
  const model = ConfigModel.fromText(web1, { filePath: '/repo/deploy/web1/kallithea.ini' });
  const app = (key: string) => model.appSetting(key)?.value;
  assert.equal(app('debug'), 'false');
  assert.equal(app('sqlalchemy.url'), BASE.databaseUrl);
  assert.equal(app('cache_dir'), '/srv/shared/data');
  assert.equal(app('index_dir'), '/srv/shared/data/index');
  assert.equal(app('session.type'), 'file');
  assert.equal(app('app_instance_uuid'), 'c0ffeec0ffeec0ffeec0ffeec0ffeec0');
  assert.equal(app('celery.broker_url'), BASE.brokerUrl);
  assert.equal(app('serve_static'), 'false');
  assert.equal(app('canonical_url'), 'https://code.example.org/scm');
  assert.equal(app('session.secure'), 'true');
  assert.equal(app('show_sha_length'), '8');
  assert.equal(model.prefixFilter()?.prefix, '/scm');
  assert.equal(model.sections.get('server:main')?.get('use')?.value, 'egg:gunicorn#main');
  assert.equal(model.sections.get('server:main')?.get('workers')?.value, '4');
  // One thread per process; the file keeps its CRLF line endings.
  assert.match(web1, /\r\nthreads = 1\r\n/);
  assert.doesNotMatch(web1.replace(/\r\n/g, ''), /\n/);
  assert.equal(missingLine(SMALL, web1), undefined);
  assert.ok(plan.notes.some((n) => /app_instance_uuid gets a fresh random value/.test(n)));
  assert.equal(pythonLoads(web1, path.join(os.tmpdir(), 'scale-out-small.ini')).readError, null);
});

test('the line check finds a lost comment, a lost setting and a changed custom value', () => {
  const out = planScaleOut(input());
  assert.ok(out.ok);
  const web1 = out.plan.files[0].text;
  assert.match(missingLine(SMALL, web1.replace('# my Kallithea\r\n', '')) ?? '', /my Kallithea/);
  assert.match(missingLine(SMALL, web1.replace('show_sha_length = 8', 'show_sha_length = 9')) ?? '', /show_sha_length/);
  assert.match(missingLine(SMALL, web1.replace('index_dir = /srv/shared/data/index\r\n', '')) ?? '', /index_dir/);
});

test('waitress runs one process per port: a config per port, every port behind the balancer', () => {
  const result = planScaleOut(input({ server: 'waitress', workers: 2 }));
  assert.ok(result.ok);
  assert.deepEqual(result.plan.files.map((f) => f.path), ['web1/kallithea.ini', 'web1/kallithea-5001.ini', 'web2/kallithea.ini', 'web2/kallithea-5001.ini', 'nginx-kallithea.conf']);
  const nginx = result.plan.files[4].text;
  for (const upstream of ['web1:5000', 'web1:5001', 'web2:5000', 'web2:5001']) assert.match(nginx, new RegExp(`server ${upstream};`));
  assert.match(nginx, /location \/scm\/images\/ \{\n\s+alias \/srv\/kallithea\/public\/images\/;/);
  assert.match(nginx, /proxy_buffering off;/);
  assert.match(nginx, /listen 443 ssl;/);
  assert.match(nginx, /return 301 https:\/\/\$host\$request_uri;/);
  const ownPort = planScaleOut(input({ publicUrl: 'https://code.example.org:8443/scm' }));
  assert.ok(ownPort.ok);
  const front = ownPort.plan.files[2].text;
  assert.match(front, /listen 8443 ssl;/);
  assert.doesNotMatch(front, /listen 80;/, 'no redirect from port 80 to a site on its own port');
  assert.match(result.plan.files[1].text, /\r\nport = 5001\r\n/);
  assert.match(result.plan.files[1].text, /\r\nthreads = 1\r\n/);
  assert.deepEqual(result.plan.remaining, []);
});

test('mod_wsgi: the processes go to Apache and the project file, the server section is commented out', () => {
  const result = planScaleOut(input({ server: 'mod_wsgi', front: 'apache', workers: 5 }));
  assert.ok(result.ok);
  assert.deepEqual(result.plan.files.map((f) => f.path), ['web1/kallithea.ini', 'web1/kallithea-wsgi.conf', 'web1/kallithea.wsgi', 'web2/kallithea.ini', 'web2/kallithea-wsgi.conf', 'web2/kallithea.wsgi', 'apache-kallithea.conf']);
  assert.match(result.plan.files[1].text, /WSGIDaemonProcess kallithea processes=5 threads=1 maximum-requests=1000/);
  assert.match(result.plan.files[0].text, /\r\n# \[server:main\]\r\n# use = egg:waitress#main\r\n/);
  assert.equal(result.plan.project.workerProcesses, 5);
  const apache = result.plan.files[6].text;
  assert.match(apache, /BalancerMember "http:\/\/web1:5000"\n\s+BalancerMember "http:\/\/web2:5000"/);
  assert.match(apache, /ProxyPass \/scm\/images\/ !/);
  assert.match(apache, /RequestHeader set X-Forwarded-Proto "https"/);
  assert.deepEqual(result.plan.remaining, []);
});

test('the pools are sized so that every process of every host fits in max_connections', () => {
  const fits = planScaleOut(input({ hosts: ['a1', 'a2', 'a3', 'a4'], workers: 8, databaseMaxConnections: 200 }));
  assert.ok(fits.ok);
  // 32 web processes + 1 Celery process: 200 / 33 = 6 connections each.
  const model = ConfigModel.fromText(fits.plan.files[0].text, { filePath: '/repo/deploy/a1/kallithea.ini' });
  assert.equal(model.appSetting('sqlalchemy.pool_size')?.value, '5');
  assert.equal(model.appSetting('sqlalchemy.max_overflow')?.value, '1');
  assert.deepEqual(fits.plan.remaining, []);
  const small = planScaleOut(input({ hosts: ['a1', 'a2'], workers: 2 }));
  assert.ok(small.ok);
  assert.equal(ConfigModel.fromText(small.plan.files[0].text).appSetting('sqlalchemy.pool_size'), undefined, 'no pool line when the defaults fit');
  const tooMany = planScaleOut(input({ hosts: ['a1', 'a2', 'a3'], workers: 40 }));
  assert.ok(!tooMany.ok);
  assert.match(tooMany.problems[0].message, /need at least 121 database connections, more than max_connections = 100/);
});

test('a config of an older release is refused until it is upgraded', () => {
  const legacy = '[app:main]\nuse = egg:kallithea\nsqlalchemy.db1.url = sqlite:///x.db\nbroker.host = localhost\n';
  const result = planScaleOut(input({}, legacy));
  assert.ok(!result.ok);
  assert.match(result.problems[0].message, /upgrade it to Kallithea 0\.7 first/);
});

test('a scaled-out config scaled out again with the same answers stays as it is', () => {
  const first = planScaleOut(input());
  assert.ok(first.ok);
  const again = planScaleOut({ ...input({}, first.plan.files[0].text), configPath: '/repo/deploy/web1/kallithea.ini' });
  assert.ok(again.ok);
  assert.equal(again.plan.files[0].text, first.plan.files[0].text);
});

test('the project file gets one group for the new configs, and keeps what it said', () => {
  const update = { instances: ['web1/kallithea*.ini', 'web2/kallithea*.ini'], sharedDataDir: '/srv/shared', workerProcesses: 3 };
  const fresh = updatedProjectFile(undefined, '/repo/deploy/.kallithea-ini.json', '/repo/deploy', update);
  assert.ok('text' in fresh);
  assert.deepEqual(JSON.parse(fresh.text), { deployment: { instances: [['web1/kallithea*.ini', 'web2/kallithea*.ini']], workerProcesses: 3 }, sharedDataDir: '/srv/shared' });
  const existing = JSON.stringify({ rules: { 'unknown-key': 'off' }, deployment: { instances: [['other/*.ini'], ['deploy/web2/kallithea*.ini', 'deploy/web1/kallithea*.ini']] } });
  const merged = updatedProjectFile(existing, '/repo/.kallithea-ini.json', '/repo/deploy', update);
  assert.ok('text' in merged);
  assert.deepEqual(JSON.parse(merged.text), {
    rules: { 'unknown-key': 'off' },
    deployment: { instances: [['other/*.ini'], ['deploy/web1/kallithea*.ini', 'deploy/web2/kallithea*.ini']], workerProcesses: 3 },
    sharedDataDir: '/srv/shared',
  });
  const broken = updatedProjectFile('{"rules": ', '/repo/.kallithea-ini.json', '/repo/deploy', update);
  assert.ok('error' in broken && /mend them first/.test(broken.error));
});
