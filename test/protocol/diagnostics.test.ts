// The real server process over stdio: initialize, didOpen, publishDiagnostics,
// didChange, shutdown.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fork } from 'node:child_process';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import { fileUri, LspClient } from '../helpers/lsp-client';
import { CLEAN_APP } from '../helpers/core';
import { DIST } from '../helpers/paths';

const APP = CLEAN_APP.join('\n') + '\n';
const L = CLEAN_APP.length;
const BROKEN = APP + ['cache_dir_typo', 'git_path = git', ''].join('\n');

describe('language server over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
  });
  after(async () => {
    const code = await client.stop();
    assert.equal(code, 0, `server exited with ${code}; stderr: ${client.stderr}`);
  });

  test('initialize announces incremental sync', async () => {
    const result = await client.initialize();
    const sync = result.capabilities.textDocumentSync as { change: number; openClose: boolean };
    assert.equal(sync.openClose, true);
    assert.equal(sync.change, 2);
  });

  test('a parse diagnostic appears on didOpen and vanishes after a didChange that repairs the line', async () => {
    const uri = 'file:///srv/kallithea/broken.ini';
    await client.open(uri, BROKEN);
    const first = await client.diagnostics(uri, (p) => p.version === 1);
    assert.equal(first.diagnostics.length, 1);
    const [d] = first.diagnostics;
    assert.equal(d.code, 'invalid-line');
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: L, character: 0 }, end: { line: L, character: 14 } });
    // The page shipped beside the server bundle, so the link works offline and matches the installed version.
    assert.match(d.codeDescription!.href, /^file:\/\/.*\/docs\/rules\/invalid-line\.md$/);
    assert.ok(fs.existsSync(new URL(d.codeDescription!.href)));

    // Repair the line incrementally: "cache_dir_typo" becomes "# cache_dir_typo".
    await client.change(uri, 2, [{ range: { start: { line: L, character: 0 }, end: { line: L, character: 0 } }, text: '# ' }]);
    const second = await client.diagnostics(uri, (p) => p.version === 2);
    assert.deepEqual(second.diagnostics, []);
  });

  test('diagnostics carry the rule id in code and structured data for fixes', async () => {
    const uri = 'file:///srv/kallithea/percent.ini';
    await client.open(uri, APP + 'celery.broker_url = amqp://u:p%40ss@mq/k\n');
    const { diagnostics } = await client.diagnostics(uri);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['bad-percent'],
    );
    assert.deepEqual(diagnostics[0].data, { rule: 'bad-percent', data: { line: L, character: 30 } });
  });

  test('a plain .ini that is not a Kallithea config gets no diagnostics when sent as "ini"', async () => {
    const uri = 'file:///etc/other/setup.ini';
    await client.open(uri, '[metadata]\nname = x\nbroken line\n', 'ini');
    const { diagnostics } = await client.diagnostics(uri);
    assert.deepEqual(diagnostics, []);
    const kallithea = 'file:///etc/other/production.ini';
    await client.open(kallithea, APP + 'broken line\n', 'ini');
    const published = await client.diagnostics(kallithea);
    assert.deepEqual(
      published.diagnostics.map((d) => d.code),
      ['invalid-line'],
    );
  });

  test('kallithea.rules is read live: a changed severity, then "off", republish the open documents', async () => {
    const uri = 'file:///srv/kallithea/severity.ini';
    await client.open(uri, APP + 'broken line\n');
    const first = await client.diagnostics(uri);
    assert.equal(first.diagnostics.find((d) => d.code === 'invalid-line')?.severity, 1);
    client.clear();
    client.settings = { rules: { 'invalid-line': 'warning' } };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const second = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'invalid-line' && d.severity === 2));
    assert.ok(second);
    client.settings = { rules: { 'invalid-line': 'off' } };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'invalid-line'));
    client.settings = {};
  });

  test('a BOM in the file on disk is reported even though editors hide it from the text', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kallithea-bom-'));
    const file = path.join(dir, 'bom.ini');
    fs.writeFileSync(file, '\ufeff' + APP);
    const uri = fileUri(file);
    await client.open(uri, APP);
    const { diagnostics } = await client.diagnostics(uri);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['utf8-bom'],
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('language server transports', () => {
  test('without a transport flag on a pipe it serves stdio', async () => {
    const client = new LspClient([]);
    const result = await client.initialize();
    assert.ok(result.capabilities.textDocumentSync);
    assert.equal(await client.stop(), 0);
  });
});

describe('language server over Node IPC', () => {
  test('--node-ipc serves the same protocol (what the VS Code client uses)', async () => {
    const proc = fork(path.join(DIST, 'server.js'), ['--node-ipc'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
    const conn = createMessageConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc));
    const published = new Promise<{ diagnostics: { code: string }[] }>((resolve) => conn.onNotification('textDocument/publishDiagnostics', resolve));
    conn.listen();
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await conn.sendNotification('initialized', {});
    await conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri: 'file:///x/ipc.ini', languageId: 'kallithea-ini', version: 1, text: APP + '[app:main]\n' },
    });
    const { diagnostics } = await published;
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['duplicate-section'],
    );
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    assert.equal(await exited, 0);
    conn.dispose();
  });
});
