// Security review, as tests: the server reads no file outside the workspace but the
// config being edited, opens no network connection, and never shows a secret from
// the file in a diagnostic, hover, symbol, view, fix title or log; the CLI's text,
// JSON and SARIF output do not either.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { FULL_CAPABILITIES, LspClient, TEST_CODE_CACHE, fileUri } from '../helpers/lsp-client';
import { DIST, ROOT } from '../helpers/paths';

const MARK = 'Zq7SecretMark';
const SECRET_CONFIG = [
  '[DEFAULT]',
  'email_to = ops@example.org',
  'smtp_server = mail.example.org',
  `smtp_username = kallithea`,
  `smtp_password = ${MARK}smtp`,
  'smtp_use_tls = false',
  '[server:main]',
  'use = egg:waitress#main',
  'host = 0.0.0.0',
  'threads = 4',
  '[app:main]',
  'use = egg:kallithea',
  `session.secret = ${MARK}sess`,
  `session.secret = ${MARK}dup`,
  `app_instance_uuid = ${MARK}`,
  'session.type = cookie',
  `session.encrypt_key = ${MARK}enc`,
  `sqlalchemy.url = postgresql://kallithea:${MARK}db%40x@db/k`,
  'use_celery = true',
  `celery.broker_url = amqp://k:${MARK}mq@localhost:5672/v`,
  `smtp_password = ${MARK}dropped`,
  'remote_addr_variable = X-Forwarded-For',
  '[handler_x]',
  "args = ('%(here)s/log', 'a')",
  '',
].join('\n');

test('secrets never appear in the CLI output, in any format', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kallithea-sec-'));
  const file = path.join(dir, 'kallithea.ini');
  fs.writeFileSync(file, SECRET_CONFIG);
  for (const format of ['text', 'json', 'sarif']) {
    const r = spawnSync(process.execPath, [path.join(DIST, 'cli.js'), '--format', format, file], { encoding: 'utf8' });
    assert.ok(r.stdout.length > 100, `${format} output`);
    assert.doesNotMatch(r.stdout + r.stderr, new RegExp(MARK), `${format} output shows a secret`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the server reads only the workspace and the edited config, opens no connection, and shows no secret', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kallithea-sec-'));
  const workspace = path.join(root, 'workspace');
  const outside = path.join(root, 'outside');
  fs.mkdirSync(path.join(workspace, 'deploy'), { recursive: true });
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(workspace, 'deploy', 'kallithea.ini'), SECRET_CONFIG);
  fs.writeFileSync(path.join(outside, 'edited.ini'), SECRET_CONFIG);
  fs.writeFileSync(path.join(outside, 'not-opened.ini'), SECRET_CONFIG);
  const log = path.join(root, 'io.log');
  const preload = path.join(ROOT, 'out', 'test', 'helpers', 'trace-io.js');
  const client = new LspClient(['--stdio'], { NODE_OPTIONS: `--require=${preload}`, TRACE_IO_LOG: log });
  const logs: string[] = [];
  client.conn.onNotification('window/logMessage', (p: { message: string }) => void logs.push(p.message));
  client.conn.onNotification('window/showMessage', (p: { message: string }) => void logs.push(p.message));
  await client.conn.sendRequest('initialize', { processId: process.pid, rootUri: fileUri(workspace), workspaceFolders: [{ uri: fileUri(workspace), name: 'w' }], capabilities: FULL_CAPABILITIES });
  await client.conn.sendNotification('initialized', {});
  const uri = fileUri(path.join(outside, 'edited.ini'));
  await client.open(uri, SECRET_CONFIG);
  const published = await client.diagnostics(uri, (p) => p.diagnostics.length > 5);
  const seen: string[] = [JSON.stringify(published)];
  const lines = SECRET_CONFIG.split('\n');
  for (let line = 0; line < lines.length; line++) {
    for (const character of [1, Math.max(0, lines[line].length - 3)]) {
      const h = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
      if (h) {
        seen.push(h.contents.value);
        assert.doesNotMatch(h.contents.value, /\]\(command:|<script/i);
      }
    }
  }
  seen.push(JSON.stringify(await client.request('textDocument/documentSymbol', { textDocument: { uri } })));
  seen.push(String(await client.request('workspace/executeCommand', { command: 'kallithea.effectiveConfig', arguments: [uri] })));
  const actions = await client.request<{ title: string }[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } },
    context: { diagnostics: published.diagnostics },
  });
  seen.push(...actions.map((a) => a.title));
  assert.ok(actions.length > 5);
  await client.stop();
  seen.push(...logs, client.stderr);
  for (const s of seen) assert.doesNotMatch(s, new RegExp(MARK), 'a secret reached the editor');

  const io = fs.readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { kind: string; target: string });
  assert.deepEqual(
    io.filter((e) => e.kind === 'net'),
    [],
    'no network access',
  );
  // The server's own install (its bundle, and the rule pages shipped beside it) and its
  // own code cache (compiled code of its bundle, in the cache folder) are not the user's data.
  const shipped = path.join(ROOT, 'docs', 'rules') + path.sep;
  const codeCache = TEST_CODE_CACHE + path.sep;
  const allowed = (p: string) =>
    p.startsWith(workspace) || p === path.join(outside, 'edited.ini') || p.startsWith(DIST) || p.startsWith(shipped) || p.startsWith(codeCache) || p.startsWith('/proc/') || p.startsWith('/dev/');
  const files = [...new Set(io.filter((e) => e.kind === 'fs').map((e) => e.target.replace(/^file:\/\//, '')))];
  assert.ok(files.some((f) => f.startsWith(workspace)), 'the workspace was scanned');
  assert.deepEqual(
    files.filter((f) => f.startsWith('/') && !allowed(f)),
    [],
    'files read outside the workspace',
  );
  fs.rmSync(root, { recursive: true, force: true });
});
