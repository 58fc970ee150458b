// The server under load: a burst of edits with hovers, completions and cancelled
// requests interleaved, open/close churn, a 20 MB file, and bytes that are not
// JSON-RPC. Used with a short count by `npm test` and the full one by `test:stress`.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { CLEAN_APP, analyzed } from './core';
import { LspClient } from './lsp-client';

/** The server's heap in use after a garbage collection. */
export async function heapUsed(client: LspClient): Promise<number> {
  return (await client.request<{ heapUsed: number }>('kallithea/memoryUsage', null)).heapUsed;
}

export function rss(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

const BASE = [...CLEAN_APP, 'git_path = git', ''].join('\n');

export interface LoadReport {
  edits: number;
  requests: number;
  cancelled: number;
  publishes: number;
  /** Heap in use after a collection, after the first and the second half of the edits. */
  rssAfterFirst: number;
  rssAfterSecond: number;
}

/** `edits` edits in two bursts; returns what happened. Throws (assert) on any broken promise. */
export async function burst(client: LspClient, edits: number): Promise<LoadReport> {
  const uri = 'file:///srv/load/kallithea.ini';
  let text = BASE;
  let version = 1;
  await client.open(uri, text);
  await client.diagnostics(uri, (p) => p.version === 1);
  const pending: Promise<unknown>[] = [];
  let cancelled = 0;
  let requests = 0;
  const lines = () => text.split('\n').length;
  const once = async (count: number) => {
    for (let i = 0; i < count; i++) {
      version++;
      // Append, change or remove a line near the end: sometimes valid, sometimes not.
      const kind = i % 3;
      const last = lines() - 2;
      const newLine = kind === 0 ? `key_${i} = 50% ; note` : kind === 1 ? `git_path = git${i}` : '';
      const all = text.split('\n');
      if (kind === 2 && all.length > CLEAN_APP.length + 2) all.splice(last, 1);
      else all.splice(last + 1, 0, newLine);
      text = all.join('\n');
      await client.change(uri, version, [{ text }]);
      if (i % 10 === 0) {
        requests++;
        pending.push(client.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 1 } }));
      }
      if (i % 15 === 0) {
        requests++;
        pending.push(client.request('textDocument/completion', { textDocument: { uri }, position: { line: lines() - 1, character: 0 } }));
      }
      if (i % 50 === 0) {
        // A request cancelled at once must still settle: with a result or RequestCancelled.
        requests++;
        cancelled++;
        const source = new (await import('vscode-jsonrpc/node')).CancellationTokenSource();
        const p = client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }, source.token);
        source.cancel();
        pending.push(p.catch((err: { code?: number }) => assert.equal(err.code, -32800, `a cancelled request fails only as cancelled: ${JSON.stringify(err)}`)));
      }
    }
    await Promise.all(pending);
    const final = await client.diagnostics(uri, (p) => p.version === version, 60_000);
    const expected = analyzed(text, '/srv/load/kallithea.ini').diagnostics.map((d) => d.rule);
    assert.deepEqual(
      final.diagnostics.map((d) => d.code),
      expected,
      'the final diagnostics are those of the final text',
    );
  };
  await once(Math.ceil(edits / 2));
  const rssAfterFirst = await heapUsed(client);
  await once(Math.floor(edits / 2));
  const rssAfterSecond = await heapUsed(client);
  const versions = client.log.filter((p) => p.uri === uri).map((p) => p.version!);
  // The same version may be published again (settings changed); an older one never after a newer.
  for (let i = 1; i < versions.length; i++) assert.ok(versions[i] >= versions[i - 1], `publish for version ${versions[i]} came after ${versions[i - 1]}`);
  return { edits, requests, cancelled, publishes: versions.length, rssAfterFirst, rssAfterSecond };
}

/** Open and close a document many times; every close clears its diagnostics. */
export async function churn(client: LspClient, times: number): Promise<void> {
  const uri = 'file:///srv/load/churn.ini';
  for (let i = 0; i < times; i++) {
    await client.open(uri, BASE + `broken line ${i}\n`, 'kallithea-ini', 1);
    await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  await client.open(uri, BASE, 'kallithea-ini', 1);
  const last = await client.diagnostics(uri, (p) => p.version === 1 && !p.diagnostics.some((d) => d.code === 'invalid-line'), 30_000);
  assert.ok(last);
}
