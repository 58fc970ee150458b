// One configuration for every client: the server reads .kallithea-ini.json from the
// config's folder upwards, under the client's own settings, reports a broken one on
// the file itself, re-reads it when it changes, and follows workspace folders as
// they are added.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CLEAN_APP } from '../helpers/core';
import { FULL_CAPABILITIES, fileUri, LspClient, type PublishedDiagnostics } from '../helpers/lsp-client';

const SQLITE = [...CLEAN_APP.filter((l) => !l.startsWith('sqlalchemy.url')), 'sqlalchemy.url = sqlite:////srv/shared/k.db', 'git_path = git  ; the default', ''].join('\n');
const codes = (p: PublishedDiagnostics) => p.diagnostics.map((d) => d.code);

async function start(dir: string, init?: unknown, answer: unknown = null): Promise<LspClient> {
  const client = new LspClient();
  client.conn.onRequest('workspace/configuration', () => [answer]);
  await client.conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: fileUri(dir),
    workspaceFolders: [{ uri: fileUri(dir), name: 'site' }],
    capabilities: { ...FULL_CAPABILITIES, workspace: { ...FULL_CAPABILITIES.workspace, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
    initializationOptions: init === undefined ? undefined : { settings: init },
  });
  await client.conn.sendNotification('initialized', {});
  return client;
}

describe('the project file over the protocol', () => {
  let dir: string;
  const clients: LspClient[] = [];
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kallithea-project-'));
    fs.mkdirSync(path.join(dir, 'deploy'));
    fs.writeFileSync(path.join(dir, '.kallithea-ini.json'), JSON.stringify({ rules: { 'inline-comment': 'off' }, deployment: { workerProcesses: 4 } }));
    fs.writeFileSync(path.join(dir, 'deploy', 'kallithea.ini'), SQLITE);
  });
  after(async () => {
    for (const c of clients) assert.equal(await c.stop(), 0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const uri = () => fileUri(path.join(dir, 'deploy', 'kallithea.ini'));

  test('settings come from the project file found upwards, with a null configuration answer', async () => {
    const client = await start(dir);
    clients.push(client);
    await client.open(uri(), SQLITE);
    const p = await client.diagnostics(uri(), (x) => codes(x).includes('sqlite-multi-worker'));
    assert.ok(!codes(p).includes('inline-comment'), 'the project file turns inline-comment off');
    assert.match(p.diagnostics.find((d) => d.code === 'sqlite-multi-worker')!.message, /4 worker processes \(the setting kallithea\.deployment\.workerProcesses\)/);
  });

  test('initializationOptions win over the project file; workspace/configuration over both', async () => {
    const client = await start(dir, { rules: { 'inline-comment': 'error' } }, { rules: { 'sqlite-multi-worker': 'off' } });
    clients.push(client);
    await client.open(uri(), SQLITE);
    // The first publish may come before the configuration answer; wait for the one after it.
    const p = await client.diagnostics(uri(), (x) => codes(x).includes('inline-comment') && !codes(x).includes('sqlite-multi-worker'));
    assert.equal(p.diagnostics.find((d) => d.code === 'inline-comment')!.severity, 1);
  });

  test('a broken project file is reported on itself, and analysis goes on; fixed, it is read again', async () => {
    const client = await start(dir);
    clients.push(client);
    const project = path.join(dir, '.kallithea-ini.json');
    fs.writeFileSync(project, '{\n  "rules": {"inline-comment": "off"},\n  "deployment": {"workers": 4}\n}\n');
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(project), type: 2 }] });
    await client.open(uri(), SQLITE);
    const broken = await client.diagnostics(fileUri(project), (x) => x.diagnostics.length > 0);
    assert.equal(broken.diagnostics[0].range.start.line, 2);
    assert.match(broken.diagnostics[0].message, /"deployment" has no key "workers"/);
    const p = await client.diagnostics(uri());
    assert.ok(!codes(p).includes('inline-comment'), 'the valid keys still apply');
    fs.writeFileSync(project, JSON.stringify({ deployment: { workerProcesses: 2 } }));
    client.clear();
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(project), type: 2 }] });
    await client.diagnostics(fileUri(project), (x) => x.diagnostics.length === 0);
    const again = await client.diagnostics(uri(), (x) => codes(x).includes('inline-comment'));
    assert.match(again.diagnostics.find((d) => d.code === 'sqlite-multi-worker')!.message, /2 worker processes/);
  });

  test('a workspace folder added later brings its instances', async () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'kallithea-host-b-'));
    fs.writeFileSync(path.join(other, 'kallithea.ini'), SQLITE.replace('cache_dir = /srv/d', 'cache_dir = /var/other'));
    const client = await start(dir);
    clients.push(client);
    await client.open(uri(), SQLITE);
    const first = await client.diagnostics(uri());
    assert.ok(!codes(first).includes('data-dir-not-shared'));
    await client.conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: fileUri(other), name: 'host-b' }], removed: [] } });
    const p = await client.diagnostics(uri(), (x) => codes(x).includes('data-dir-not-shared'));
    assert.match(p.diagnostics.find((d) => d.code === 'data-dir-not-shared')!.message, /kallithea-host-b-/);
    fs.rmSync(other, { recursive: true, force: true });
  });
});
