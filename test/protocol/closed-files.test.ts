// Problems in the closed instance files of an open config's site: published under
// their own URIs without being opened, linted again when they change on disk, and
// cleared once no open document's site holds them (or opened and closed clean).

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CLEAN_APP } from '../helpers/core';
import { FULL_CAPABILITIES, fileUri, LspClient, type PublishedDiagnostics } from '../helpers/lsp-client';

const SECRET_1 = '0123456789abcdef0123456789abcdef';
const SECRET_2 = 'fedcba9876543210fedcba9876543210';
const WEB1 = CLEAN_APP.join('\n') + '\n';
const WEB2 = WEB1.replace(SECRET_1, SECRET_2);
// web3 agrees with web1 and has a problem of its own, which shows as long as it is an instance of an open document's site.
const WEB3 = WEB1 + 'git_path = git  ; the default\n';
const codes = (p: PublishedDiagnostics) => p.diagnostics.map((d) => d.code);

describe('problems in closed instance files', () => {
  let dir: string;
  let client: LspClient;
  const file = (host: string) => path.join(dir, host, 'kallithea.ini');
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kallithea-closed-'));
    for (const [host, text] of [['web1', WEB1], ['web2', WEB2], ['web3', WEB3]]) {
      fs.mkdirSync(path.join(dir, host));
      fs.writeFileSync(file(host), text);
    }
    client = new LspClient();
    await client.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: fileUri(dir),
      workspaceFolders: [{ uri: fileUri(dir), name: 'site' }],
      capabilities: { ...FULL_CAPABILITIES, workspace: { ...FULL_CAPABILITIES.workspace, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
    });
    await client.conn.sendNotification('initialized', {});
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('opening one instance publishes the problems of the closed others, secrets masked', async () => {
    await client.open(fileUri(file('web1')), WEB1);
    const own = await client.diagnostics(fileUri(file('web1')), (p) => codes(p).includes('instances-disagree'));
    assert.match(own.diagnostics.find((d) => d.code === 'instances-disagree')!.message, /web2\/kallithea\.ini/);
    const web2 = await client.diagnostics(fileUri(file('web2')), (p) => codes(p).includes('instances-disagree'));
    const message = web2.diagnostics.find((d) => d.code === 'instances-disagree')!.message;
    assert.match(message, /"session\.secret" is •+ here but •+ in \.\.\/web1\/kallithea\.ini \(and 1 more\)/);
    assert.ok(!JSON.stringify(client.log).includes(SECRET_2) && !JSON.stringify(client.log).includes(SECRET_1));
    // web3 agrees with web1 but not with web2.
    const web3 = await client.diagnostics(fileUri(file('web3')), (p) => codes(p).includes('instances-disagree'));
    assert.match(web3.diagnostics.find((d) => d.code === 'instances-disagree')!.message, /web2\/kallithea\.ini/);
  });

  test('a closed file that changes on disk is linted again', async () => {
    fs.writeFileSync(file('web2'), WEB1);
    client.clear();
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(file('web2')), type: 2 }] });
    await client.diagnostics(fileUri(file('web2')), (p) => !codes(p).includes('instances-disagree'));
    const web3 = await client.diagnostics(fileUri(file('web3')), (p) => !codes(p).includes('instances-disagree'));
    assert.deepEqual(codes(web3), ['inline-comment']);
  });

  test('a file opened and closed clean stays clear; closing the last open instance clears the others', async () => {
    await client.open(fileUri(file('web2')), WEB1);
    await client.diagnostics(fileUri(file('web2')), (p) => p.version === 1);
    client.clear();
    await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri: fileUri(file('web2')) } });
    const closed = await client.diagnostics(fileUri(file('web2')));
    assert.deepEqual(closed.diagnostics.filter((d) => d.code === 'instances-disagree'), []);
    client.clear();
    await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri: fileUri(file('web1')) } });
    // Only clearing gives web3 an empty list: linted, it would still have its inline comment.
    const cleared = await client.diagnostics(fileUri(file('web3')), (p) => p.diagnostics.length === 0);
    assert.deepEqual(cleared.diagnostics, []);
  });
});

describe('problems in closed instance files, for a client that pulls diagnostics', () => {
  let dir: string;
  let client: LspClient;
  const file = (host: string) => path.join(dir, host, 'kallithea.ini');
  interface Report {
    items: { kind: string; uri: string; version: number | null; items: { code: string; message: string }[] }[];
  }
  const pull = () => client.request<Report>('workspace/diagnostic', { previousResultIds: [] });
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kallithea-pull-'));
    for (const [host, text] of [['web1', WEB1], ['web2', WEB2]]) {
      fs.mkdirSync(path.join(dir, host));
      fs.writeFileSync(file(host), text);
    }
    client = new LspClient();
    client.conn.onRequest('workspace/diagnostic/refresh', () => null);
    const init = await client.conn.sendRequest<{ capabilities: { diagnosticProvider?: { workspaceDiagnostics: boolean } } }>('initialize', {
      processId: process.pid,
      rootUri: fileUri(dir),
      workspaceFolders: [{ uri: fileUri(dir), name: 'site' }],
      capabilities: { ...FULL_CAPABILITIES, workspace: { ...FULL_CAPABILITIES.workspace, diagnostics: { refreshSupport: true } }, textDocument: { ...FULL_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false } } },
    });
    assert.equal(init.capabilities.diagnosticProvider?.workspaceDiagnostics, true);
    await client.conn.sendNotification('initialized', {});
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('workspace/diagnostic reports the closed instance, which is never published; the open one is published as always', async () => {
    await client.open(fileUri(file('web1')), WEB1);
    await client.diagnostics(fileUri(file('web1')), (p) => codes(p).includes('instances-disagree'));
    // The server asks the client to pull once it has linted the closed file (event, not a sleep).
    const report = await (async () => {
      for (;;) {
        // Listen before pulling, so that a refresh between the two is not missed.
        const next = new Promise<void>((resolve) => client.conn.onRequest('workspace/diagnostic/refresh', () => (resolve(), null)));
        const r = await pull();
        if (r.items.some((i) => i.uri === fileUri(file('web2')))) return r;
        await next;
      }
    })();
    const web2 = report.items.find((i) => i.uri === fileUri(file('web2')))!;
    assert.equal(web2.kind, 'full');
    assert.equal(web2.version, null);
    assert.ok(web2.items.some((d) => d.code === 'instances-disagree' && /•+ here but •+ in \.\.\/web1/.test(d.message)), JSON.stringify(web2.items));
    assert.ok(!client.log.some((p) => p.uri === fileUri(file('web2'))), 'nothing published for the closed file');
    const document = await client.request<{ kind: string; items: unknown[] }>('textDocument/diagnostic', { textDocument: { uri: fileUri(file('web1')) } });
    assert.deepEqual(document, { kind: 'full', items: [] });
  });

  test('closing the last open instance makes the server ask for a pull, which clears the closed one', async () => {
    const asked = new Promise<void>((resolve) => client.conn.onRequest('workspace/diagnostic/refresh', () => (resolve(), null)));
    await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri: fileUri(file('web1')) } });
    await asked;
    const web2 = (await pull()).items.find((i) => i.uri === fileUri(file('web2')));
    assert.deepEqual(web2?.items, []);
  });
});
