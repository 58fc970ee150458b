// The site through the server's commands: the sites of the workspace with their
// instances and details (the Site view's data), and an open config compared with the
// other instances of its site. Secrets are masked in both.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CLEAN_APP } from '../helpers/core';
import { FULL_CAPABILITIES, fileUri, LspClient } from '../helpers/lsp-client';

const SECRET_1 = '0123456789abcdef0123456789abcdef';
const SECRET_2 = 'fedcba9876543210fedcba9876543210';
const SERVER = (port: number) => ['[server:main]', 'use = egg:gunicorn#main', 'host = 0.0.0.0', `port = ${port}`, 'workers = 4', ''].join('\n');
const APP = CLEAN_APP.join('\n').replace('postgresql://k@db.internal/k', 'postgresql://k:dbpass@db.internal/k') + '\n';

interface Site {
  name: string;
  instances: { path: string; uri: string; details: { label: string; value: string; line?: number }[] }[];
}

describe('the site over the protocol', () => {
  let dir: string;
  let client: LspClient;
  const file = (host: string) => path.join(dir, host, 'kallithea.ini');
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kallithea-site-'));
    const texts: [string, string][] = [
      ['web1', SERVER(5000) + APP],
      ['web2', SERVER(5001) + APP.replace(SECRET_1, SECRET_2)],
      ['other', SERVER(5000) + APP.replace('db.internal/k', 'db.internal/other')],
    ];
    for (const [host, text] of texts) {
      fs.mkdirSync(path.join(dir, host));
      fs.writeFileSync(file(host), text);
    }
    client = new LspClient();
    await client.conn.sendRequest('initialize', { processId: process.pid, rootUri: fileUri(dir), workspaceFolders: [{ uri: fileUri(dir), name: 'site' }], capabilities: FULL_CAPABILITIES });
    await client.conn.sendNotification('initialized', {});
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('kallithea.sites: the workspace grouped into sites, each instance with its details and lines', async () => {
    const sites = await client.request<Site[]>('workspace/executeCommand', { command: 'kallithea.sites', arguments: [] });
    assert.deepEqual(sites.map((s) => s.instances.map((i) => path.basename(path.dirname(i.path)))), [['other'], ['web1', 'web2']]);
    const web1 = sites[1].instances[0];
    assert.equal(web1.uri, fileUri(file('web1')));
    const detail = (label: string) => web1.details.find((d) => d.label === label);
    assert.deepEqual(detail('listens on'), { label: 'listens on', value: '0.0.0.0:5000', line: 3 });
    assert.equal(detail('server')?.value, 'gunicorn');
    assert.deepEqual(detail('workers'), { label: 'workers', value: '4 processes × 1 thread', line: 4 });
    assert.equal(detail('database')?.value, 'postgresql://k:••••••@db.internal/k');
    assert.equal(detail('data directory')?.value, '/srv/d');
    assert.match(sites[1].name, /postgresql:\/\/k:•+@db\.internal\/k \(2 instances\)/);
    assert.ok(!JSON.stringify(sites).includes('dbpass'));
  });

  test('kallithea.compareInstances: the open config against the others of its site, marked, secrets masked', async () => {
    const uri = fileUri(file('web1'));
    await client.open(uri, fs.readFileSync(file('web1'), 'utf8'));
    await client.diagnostics(uri);
    const text = await client.request<string>('workspace/executeCommand', { command: 'kallithea.compareInstances', arguments: [uri] });
    assert.match(text, /\[1\] web1\/kallithea\.ini\n {2}\[2\] web2\/kallithea\.ini/);
    assert.match(text, /^! session\.secret\s+•+\s+•+$/m);
    assert.match(text, /^~ \[server\] port\s+5000\s+5001$/m);
    for (const secret of [SECRET_1, SECRET_2, 'dbpass']) assert.ok(!text.includes(secret), secret);
    assert.equal(await client.request('workspace/executeCommand', { command: 'kallithea.compareInstances', arguments: [fileUri(file('other'))] }), null, 'a config that is not open');
  });
});
