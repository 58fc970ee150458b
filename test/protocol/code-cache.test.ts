// dist/server.js starts the server bundle from a V8 code cache (server/src/lsp/boot.ts):
// written once when missing, used as it is afterwards, replaced when the engine
// refuses it, and never in the way of a server that works.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { CLEAN_APP } from '../helpers/core';
import { fileUri, LspClient } from '../helpers/lsp-client';

const TEXT = [...CLEAN_APP, 'git_path = git  ; inline', ''].join('\n');

/** One server start: initialize, initialized, a document linted, shutdown; the cache files afterwards. */
async function startOnce(env: Record<string, string>, folder: string): Promise<string[]> {
  const client = new LspClient(['--stdio'], env);
  await client.initialize();
  const uri = fileUri(path.join(os.tmpdir(), 'code-cache-check.ini'));
  await client.open(uri, TEXT);
  const published = await client.diagnostics(uri);
  assert.ok(published.diagnostics.some((d) => d.code === 'inline-comment'), 'the server lints as usual');
  assert.equal(await client.stop(), 0, client.stderr);
  return fs.existsSync(folder) && fs.statSync(folder).isDirectory() ? fs.readdirSync(folder).filter((f) => f.endsWith('.cache')) : [];
}

test('the code cache is written once, then used as it is', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kallithea-code-cache-'));
  const env = { KALLITHEA_INI_CACHE_DIR: folder };
  const first = await startOnce(env, folder);
  assert.equal(first.length, 1, `one cache file: ${first}`);
  const file = path.join(folder, first[0]);
  assert.ok(fs.statSync(file).size > 10_000, 'the cache holds compiled code');
  if (process.platform !== 'win32') assert.equal(fs.statSync(folder).mode & 0o077, 0, 'the folder is private to the user');
  const written = fs.readFileSync(file);
  assert.deepEqual(await startOnce(env, folder), first);
  assert.ok(fs.readFileSync(file).equals(written), 'an accepted cache is not written again');
});

test('a damaged cache is refused by the engine and replaced', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kallithea-code-cache-'));
  const env = { KALLITHEA_INI_CACHE_DIR: folder };
  const [name] = await startOnce(env, folder);
  const file = path.join(folder, name);
  const garbage = Buffer.alloc(4096, 7);
  fs.writeFileSync(file, garbage);
  assert.deepEqual(await startOnce(env, folder), [name]);
  assert.ok(!fs.readFileSync(file).equals(garbage), 'the damaged cache was rewritten');
});

test('no cache with KALLITHEA_INI_NO_CODE_CACHE, and a folder that cannot be made costs nothing but speed', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kallithea-code-cache-'));
  assert.deepEqual(await startOnce({ KALLITHEA_INI_CACHE_DIR: folder, KALLITHEA_INI_NO_CODE_CACHE: '1' }, folder), []);
  const notAFolder = path.join(folder, 'a-file');
  fs.writeFileSync(notAFolder, 'x');
  assert.deepEqual(await startOnce({ KALLITHEA_INI_CACHE_DIR: path.join(notAFolder, 'cache') }, notAFolder), []);
});
