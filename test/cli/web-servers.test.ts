// The web server files a scale-out writes, read by the real programs: `nginx -t` and
// `apache2 -t` (Debian's nginx-core, apache2-bin and libapache2-mod-wsgi-py3) accept
// the balancer in front, over HTTP and HTTPS, at the root and under a path, and each
// host's mod_wsgi lines; Python compiles the WSGI script. CI installs the programs and
// sets KALLITHEA_WEB_SERVERS_REQUIRED=1, so that their absence fails there.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { planScaleOut } from '../../server/src/core/scale-out/plan';
import type { ScaleOutOptions } from '../../server/src/core/scale-out/options';
import { CLEAN_APP } from '../helpers/core';
import { python } from '../helpers/oracle';

const NGINX = '/usr/sbin/nginx';
const APACHE = '/usr/sbin/apache2';
const MODULES = '/usr/lib/apache2/modules';

function programs(t: { skip: (why: string) => void }): boolean {
  const missing = [NGINX, APACHE, path.join(MODULES, 'mod_wsgi.so')].filter((p) => !fs.existsSync(p));
  if (missing.length === 0) return true;
  if (process.env.KALLITHEA_WEB_SERVERS_REQUIRED === '1') throw new Error(`missing: ${missing.join(', ')}`);
  t.skip(`not installed: ${missing.join(', ')}`);
  return false;
}

const CONFIG = ['[server:main]', 'use = egg:waitress#main', 'host = 127.0.0.1', 'port = 5000', 'threads = 1', '', ...CLEAN_APP, ''].join('\n');

function files(options: Partial<ScaleOutOptions>): Map<string, string> {
  const result = planScaleOut({
    text: CONFIG,
    configPath: '/srv/site/production.ini',
    outDir: '/srv/site/deploy',
    randomHex: (n) => 'a'.repeat(n),
    // The balancer resolves its upstreams when it reads the file: addresses need no name service.
    options: { server: 'gunicorn', workers: 2, hosts: ['10.0.0.11', '10.0.0.12'], port: 5000, databaseUrl: 'postgresql://k:p@db.internal/k', sharedDir: '/srv/shared', front: 'nginx', staticPath: '/srv/kallithea/public', ...options },
  });
  assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
  return new Map(result.plan.files.map((f) => [f.path, f.text]));
}

/** A throwaway certificate, for the HTTPS variants (the files name the site's own). */
function certificate(dir: string): { crt: string; key: string } {
  const crt = path.join(dir, 'site.pem');
  const key = path.join(dir, 'site.key');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=code.example.org', '-days', '1', '-keyout', key, '-out', crt], { stdio: 'ignore' });
  return { crt, key };
}

const VARIANTS = ['', 'http://code.example.org', 'https://code.example.org', 'https://example.org/scm', 'https://example.org:8443/scm'];

test('nginx -t accepts the balancer in front, over HTTP and HTTPS, at the root and under a path', (t) => {
  if (!programs(t)) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kallithea-nginx-'));
  const { crt, key } = certificate(dir);
  for (const publicUrl of VARIANTS) {
    const conf = files({ publicUrl, front: 'nginx' }).get('nginx-kallithea.conf')!.replace(/\/etc\/ssl\/certs\/[^;]+/g, crt).replace(/\/etc\/ssl\/private\/[^;]+/g, key);
    fs.writeFileSync(path.join(dir, 'site.conf'), conf);
    const main = `pid ${dir}/nginx.pid; error_log ${dir}/error.log; events {} http { access_log off; client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; include ${dir}/site.conf; }\n`;
    fs.writeFileSync(path.join(dir, 'nginx.conf'), main);
    const r = spawnSync(NGINX, ['-t', '-q', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { encoding: 'utf8' });
    assert.equal(r.status, 0, `${publicUrl || 'no public URL'}: ${r.stderr}`);
  }
  // The check can fail: a broken directive is refused.
  fs.writeFileSync(path.join(dir, 'site.conf'), files({}).get('nginx-kallithea.conf')!.replace('least_conn;', 'least_conn'));
  assert.notEqual(spawnSync(NGINX, ['-t', '-q', '-p', dir, '-c', path.join(dir, 'nginx.conf')]).status, 0);
  fs.rmSync(dir, { recursive: true, force: true });
});

function apacheMain(dir: string, include: string, modules: string[]): string {
  return [
    `ServerRoot ${dir}`,
    `PidFile ${dir}/httpd.pid`,
    `ErrorLog ${dir}/error.log`,
    `Mutex file:${dir} default`,
    ...['mpm_event', 'authz_core', 'alias', 'headers', 'proxy', 'proxy_http', 'proxy_balancer', 'slotmem_shm', 'lbmethod_bybusyness', 'ssl', ...modules].map(
      (m) => `LoadModule ${m}_module ${MODULES}/mod_${m}.so`,
    ),
    'Listen 8080',
    `Include ${include}`,
    '',
  ].join('\n');
}

test('apache2 -t accepts the balancer in front and each host\'s mod_wsgi lines; Python compiles the WSGI script', (t) => {
  if (!programs(t)) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kallithea-apache-'));
  const { crt, key } = certificate(dir);
  const check = (what: string, text: string, modules: string[] = []) => {
    fs.writeFileSync(path.join(dir, 'site.conf'), text.replace(/\/etc\/ssl\/certs\/\S+/g, crt).replace(/\/etc\/ssl\/private\/\S+/g, key));
    fs.writeFileSync(path.join(dir, 'httpd.conf'), apacheMain(dir, path.join(dir, 'site.conf'), modules));
    return spawnSync(APACHE, ['-t', '-f', path.join(dir, 'httpd.conf')], { encoding: 'utf8', env: { ...process.env, APACHE_RUN_DIR: dir } });
  };
  for (const publicUrl of VARIANTS) {
    const r = check(publicUrl, files({ publicUrl, front: 'apache' }).get('apache-kallithea.conf')!);
    assert.equal(r.status, 0, `${publicUrl || 'no public URL'}: ${r.stderr}`);
  }
  assert.notEqual(check('broken', files({ front: 'apache' }).get('apache-kallithea.conf')!.replace('ProxySet ', 'ProxySett ')).status, 0);
  const wsgi = files({ server: 'mod_wsgi', front: 'apache' });
  const host = check('mod_wsgi', wsgi.get('10.0.0.11/kallithea-wsgi.conf')!, ['wsgi']);
  assert.equal(host.status, 0, host.stderr);
  assert.notEqual(check('broken', wsgi.get('10.0.0.11/kallithea-wsgi.conf')!.replace('WSGIProcessGroup kallithea', 'WSGIProcessGroup'), ['wsgi']).status, 0);
  const script = path.join(dir, 'kallithea.wsgi');
  fs.writeFileSync(script, wsgi.get('10.0.0.11/kallithea.wsgi')!);
  const compiled = spawnSync(python(), ['-c', 'import sys; compile(open(sys.argv[1]).read(), sys.argv[1], "exec")', script], { encoding: 'utf8' });
  assert.equal(compiled.status, 0, compiled.stderr);
  fs.rmSync(dir, { recursive: true, force: true });
});
