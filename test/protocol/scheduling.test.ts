// Linting never makes the editor wait for stale work: a burst of edits ends with
// the diagnostics of the last version, no publish ever goes back to an older
// version, and a big document is linted in steps, so requests are answered meanwhile.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CLEAN_APP, analyzed } from '../helpers/core';
import { LspClient } from '../helpers/lsp-client';

function bigConfig(extra: string): string {
  const lines = [...CLEAN_APP];
  for (let i = 0; lines.length < 8000; i++) lines.push(`[app:instance${i}]`, 'use = egg:kallithea', `cache_dir = /srv/d${i}`, `index_dir = /srv/d${i}/index`, `note_${i} = value`);
  lines.push(extra);
  return lines.join('\n') + '\n';
}

describe('scheduling of lints', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    await client.initialize();
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  test('a burst of edits on a big file ends with the last version, never publishing an older one after a newer', async () => {
    const uri = 'file:///srv/burst/big.ini';
    let text = bigConfig('git_path = git');
    await client.open(uri, text);
    await client.diagnostics(uri, (p) => p.version === 1, 60_000);
    const lastLine = text.split('\n').length - 2;
    for (let v = 2; v <= 30; v++) {
      const next = v % 2 === 0 ? 'git_path = git ; note' : 'git_path = git';
      text = text.split('\n').slice(0, lastLine).concat(next, '').join('\n');
      await client.change(uri, v, [{ text }]);
    }
    // Meanwhile, requests are answered (the lint runs in steps).
    const hover = await client.request<unknown>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 1 } });
    assert.ok(hover);
    const final = await client.diagnostics(uri, (p) => p.version === 30, 60_000);
    const versions = client.log.filter((p) => p.uri === uri).map((p) => p.version!);
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => a - b),
      'published versions only go up',
    );
    assert.ok(versions.length < 29, `the burst was coalesced (${versions.length} publishes for 30 versions)`);
    const expected = analyzed(text, '/srv/burst/big.ini').diagnostics.map((d) => d.rule);
    assert.deepEqual(
      final.diagnostics.map((d) => d.code),
      expected,
    );
  });
});
