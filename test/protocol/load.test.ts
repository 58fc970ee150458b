// The server under load, the short run (the full one is `npm run test:stress`).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { burst, churn, rss } from '../helpers/load';
import { LspClient } from '../helpers/lsp-client';

const EDITS = Number(process.env.LOAD_EDITS ?? 200);

describe('server under load', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    await client.initialize();
  });
  after(async () => {
    assert.equal(await client.stop(), 0, client.stderr);
  });

  test(`${EDITS} rapid edits with hovers, completions and cancelled requests: final diagnostics match, no stale publish, memory flat`, async () => {
    const r = await burst(client, EDITS);
    console.log(`load: ${r.edits} edits, ${r.requests} requests (${r.cancelled} cancelled), ${r.publishes} publishes; heap after GC ${(r.rssAfterFirst / 2 ** 20).toFixed(1)} -> ${(r.rssAfterSecond / 2 ** 20).toFixed(1)} MiB`);
    assert.ok(r.rssAfterSecond < r.rssAfterFirst * 1.5 + 32 * 2 ** 20, 'memory stays flat across a second burst');
  });

  test('open/close churn leaves no stale state', async () => {
    await churn(client, Math.max(20, EDITS / 10));
  });

  test('a 20 MB file gets a clear notice, not a hang, and requests on it return at once', async () => {
    const uri = 'file:///srv/load/huge.ini';
    const line = 'key = ' + 'v'.repeat(94) + '\n';
    const text = '[app:main]\nuse = egg:kallithea\n' + line.repeat(Math.ceil((20 * 2 ** 20) / line.length));
    await client.open(uri, text);
    const p = await client.diagnostics(uri, () => true, 30_000);
    assert.deepEqual(
      p.diagnostics.map((d) => d.code),
      ['file-too-large'],
    );
    assert.match(p.diagnostics[0].message, /too large for full analysis/);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 1 } }), null);
    await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.ok(rss(client.proc.pid!) < 1.5 * 2 ** 30);
  });

  test('bytes that are not JSON-RPC do not bring the server down', async () => {
    client.proc.stdin.write('Content-Length: 12\r\n\r\n{not json!!}');
    client.proc.stdin.write('Content-Length: 40\r\n\r\n{"jsonrpc":"2.0","id":"x","method":42}  ');
    const r = await client.request<unknown>('textDocument/hover', { textDocument: { uri: 'file:///srv/load/kallithea.ini' }, position: { line: 0, character: 0 } });
    assert.ok(r === null || typeof r === 'object');
    assert.equal(client.proc.exitCode, null, 'still running');
  });
});
