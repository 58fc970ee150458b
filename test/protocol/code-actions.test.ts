// The three headline problems through the real server: open a config that runs
// SQLite under four workers, keeps its data directories per machine while another
// instance shares its database, and serves static files behind a proxy; request
// code actions, apply them, and watch each diagnostic go.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FULL_CAPABILITIES, fileUri, LspClient, type PublishedDiagnostics } from '../helpers/lsp-client';
import { python } from '../helpers/core';

const CONFIG = (db: string) =>
  [
    '[server:main]',
    'use = egg:gunicorn#main',
    'host = 127.0.0.1',
    'port = 5000',
    'workers = 4',
    'timeout = 3600',
    'max_requests = 1000',
    '',
    '[filter:proxy-prefix]',
    'use = egg:PasteDeploy#prefix',
    'prefix = /code',
    'translate_forwarded_server = false',
    '',
    '[app:main]',
    'use = egg:kallithea',
    'filter-with = proxy-prefix',
    'static_files = true',
    'cache_dir = %(here)s/data',
    'index_dir = /mnt/shared/data/index',
    `sqlalchemy.url = ${db}`,
    '',
  ].join('\n');

interface CodeAction {
  title: string;
  kind: string;
  isPreferred?: boolean;
  edit?: { changes: Record<string, { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]> };
  command?: { command: string; arguments?: { language?: string; content: string }[] };
}

describe('quick fixes over the protocol', () => {
  let client: LspClient;
  let dir: string;
  let uri: string;
  let doc: TextDocument;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kallithea-ws-'));
    const db = `sqlite:///${dir}/shared/kallithea.db`;
    for (const host of ['host-a', 'host-b']) {
      fs.mkdirSync(path.join(dir, host));
      fs.writeFileSync(path.join(dir, host, 'kallithea.ini'), CONFIG(db));
    }
    client = new LspClient();
    client.settings = { sharedDataDir: '/mnt/shared/data' };
    await client.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: fileUri(dir),
      workspaceFolders: [{ uri: fileUri(dir), name: 'deploy' }],
      capabilities: FULL_CAPABILITIES,
    });
    await client.conn.sendNotification('initialized', {});
    uri = fileUri(path.join(dir, 'host-a', 'kallithea.ini'));
    doc = TextDocument.create(uri, 'kallithea-ini', 1, CONFIG(db));
    await client.open(uri, doc.getText());
  });

  after(async () => {
    assert.equal(await client.stop(), 0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const codes = (p: PublishedDiagnostics) => p.diagnostics.map((d) => d.code);

  async function fix(rule: string): Promise<PublishedDiagnostics> {
    const published = await client.diagnostics(uri, (p) => p.version === doc.version && codes(p).includes(rule));
    const diagnostic = published.diagnostics.find((d) => d.code === rule)!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
    const preferred = actions.find((a) => a.isPreferred && a.edit);
    assert.ok(preferred, `a preferred fix for ${rule}: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(preferred.kind, 'quickfix');
    const version = doc.version + 1;
    doc = TextDocument.update(doc, [{ text: TextDocument.applyEdits(doc, preferred.edit!.changes[uri]) }], version);
    await client.change(uri, version, [{ text: doc.getText() }]);
    return client.diagnostics(uri, (p) => p.version === version);
  }

  test('all three headline diagnostics appear (once the workspace scan found the other instance)', async () => {
    const p = await client.diagnostics(uri, (x) => codes(x).includes('data-dir-not-shared'));
    for (const rule of ['sqlite-multi-worker', 'data-dir-not-shared', 'static-files-behind-proxy']) assert.ok(codes(p).includes(rule), `${rule} in ${codes(p)}`);
  });

  test('static files: the fix sets serve_static = false, other actions open the web-server lines', async () => {
    const published = await client.diagnostics(uri, (p) => codes(p).includes('static-files-behind-proxy'));
    const d = published.diagnostics.find((x) => x.code === 'static-files-behind-proxy')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const nginx = actions.find((a) => a.command?.command === 'kallithea.showDocument' && /nginx/.test(a.title));
    assert.equal(nginx!.command!.arguments![0].language, 'nginx');
    assert.match(nginx!.command!.arguments![0].content, /location \/code\/fontello\//);
    assert.ok(actions.some((a) => a.title === 'Suppress "static-files-behind-proxy" on this line'));
    const after = await fix('static-files-behind-proxy');
    assert.ok(!codes(after).includes('static-files-behind-proxy'));
    assert.match(doc.getText(), /static_files = false\nserve_static = false/);
  });

  test('data directories: the fix points cache_dir at kallithea.sharedDataDir', async () => {
    const after = await fix('data-dir-not-shared');
    assert.ok(!codes(after).includes('data-dir-not-shared'), codes(after).join());
    assert.match(doc.getText(), /^cache_dir = \/mnt\/shared\/data$/m);
  });

  test('SQLite: the fix moves to PostgreSQL, and the result still loads in Python', async () => {
    const after = await fix('sqlite-multi-worker');
    assert.ok(!codes(after).includes('sqlite-multi-worker'));
    assert.equal(python(doc.getText()).readError, null);
  });

  test('source.fixAll.kallithea applies the safe fixes in one edit', async () => {
    const version = doc.version + 1;
    const broken = doc.getText().replace('timeout = 3600', 'timeout = 30').replace('use = egg:kallithea', 'use = egg:kallithea\nsmtp_port = 25 ; plain');
    doc = TextDocument.update(doc, [{ text: broken }], version);
    await client.change(uri, version, [{ text: broken }]);
    await client.diagnostics(uri, (p) => p.version === version && codes(p).includes('short-timeout'));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.kallithea'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.kallithea');
    const fixed = TextDocument.applyEdits(doc, actions[0].edit!.changes[uri]);
    assert.match(fixed, /timeout = 3600/);
    assert.match(fixed, /; plain\nsmtp_port = 25\n/);
  });
});
