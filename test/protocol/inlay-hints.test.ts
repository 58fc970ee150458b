// Inlay hints through the real server: expanded references (no secret ever shown),
// the key [DEFAULT] overrides, worker processes × threads, the connection total,
// and the setting that turns them off.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileUri, LspClient } from '../helpers/lsp-client';

interface Hint {
  position: { line: number; character: number };
  label: string;
  kind?: number;
}

const TEXT = [
  '[DEFAULT]',
  'debug = false',
  'smtp_password = hunter2-secret',
  'db_pass = hunter3-secret',
  '[server:main]',
  'use = egg:gunicorn#main',
  'workers = 4',
  '[app:main]',
  'use = egg:kallithea',
  'debug = true',
  'cache_dir = %(here)s/data',
  'index_dir = %(cache_dir)s/index',
  'mail_pass = %(smtp_password)s %(db_pass)s',
  'sqlalchemy.url = postgresql://k:dbpass@db.internal/k',
  'sqlalchemy.pool_size = 5',
  '',
].join('\n');

describe('inlay hints over the protocol', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kallithea-hints-'));
  const file = path.join(dir, 'kallithea.ini');
  const uri = fileUri(file);
  let client: LspClient;
  before(async () => {
    fs.writeFileSync(file, TEXT);
    client = new LspClient();
    const init = await client.initialize();
    assert.equal(init.capabilities.inlayHintProvider, true);
    await client.open(uri, TEXT);
    await client.diagnostics(uri);
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const hints = (fromLine = 0, toLine = 20) => client.request<Hint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: fromLine, character: 0 }, end: { line: toLine, character: 0 } } });
  const on = (list: Hint[], line: number) => list.filter((h) => h.position.line === line).map((h) => h.label);

  test('a reference shows what it expands to, with %(here)s resolved, at its end', async () => {
    const list = await hints();
    assert.deepEqual(on(list, 10), [`= ${dir}`]);
    assert.deepEqual(on(list, 11), [`= ${dir}/data`]);
    const index = list.find((h) => h.position.line === 11)!;
    assert.equal(index.position.character, 'index_dir = %(cache_dir)s'.length);
  });

  test('a secret never appears: no hint on a reference to one, and no password in any hint', async () => {
    const list = await hints();
    assert.deepEqual(on(list, 12), []);
    const all = JSON.stringify(list);
    assert.ok(!all.includes('hunter2') && !all.includes('hunter3') && !all.includes('dbpass'), all);
  });

  test('a key [DEFAULT] overrides, the workers, and the connection total', async () => {
    const list = await hints();
    assert.deepEqual(on(list, 9), ['ignored: [DEFAULT] wins']);
    assert.deepEqual(on(list, 6), ['4 processes × 1 thread']);
    assert.deepEqual(on(list, 14), ['site: 60 of 100 connections']);
  });

  test('only the lines asked for', async () => {
    const list = await hints(10, 10);
    assert.deepEqual(list.map((h) => h.position.line), [10]);
  });

  test('kallithea.inlayHints.enabled = false turns them off', async () => {
    client.settings = { inlayHints: { enabled: false } };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    // The settings are pulled again, then the document linted again: wait for that publish.
    client.clear();
    await client.diagnostics(uri);
    assert.deepEqual(await hints(), []);
    client.settings = {};
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    client.clear();
    await client.diagnostics(uri);
    assert.ok((await hints()).length > 0);
  });
});
