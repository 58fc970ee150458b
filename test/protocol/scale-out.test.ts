// Scale out over the protocol: the answers the prompts start from, the problems of a
// bad answer, the WorkspaceEdit (files created, every change to be confirmed), and the
// edit sent through workspace/applyEdit for an editor that asks the server to apply it.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { CLEAN_APP } from '../helpers/core';
import { FULL_CAPABILITIES, fileUri, LspClient } from '../helpers/lsp-client';

const CONFIG = ['[server:main]', 'use = egg:waitress#main', 'host = 127.0.0.1', 'port = 5000', 'threads = 1', '', ...CLEAN_APP, ''].join('\n');
const ANSWERS = { server: 'gunicorn', workers: 3, hosts: ['web1', 'web2'], databaseUrl: 'postgresql://kallithea:pw@db.internal/kallithea', sharedDir: '/srv/shared', publicUrl: '' };
const CAPABILITIES = { ...FULL_CAPABILITIES, workspace: { configuration: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'], changeAnnotationSupport: {} } } };

interface EditReply {
  edit: { documentChanges: ({ kind: 'create'; uri: string; annotationId?: string } | { textDocument: { uri: string }; edits: { newText: string; annotationId?: string }[] })[]; changeAnnotations: Record<string, { needsConfirmation: boolean }> };
  files: { uri: string; about: string; exists: boolean }[];
  remaining: unknown[];
  notes: string[];
}

describe('scale-out over the protocol', () => {
  let dir: string;
  let client: LspClient;
  let uri: string;
  const command = <T>(name: string, arg: unknown) => client.request<T>('workspace/executeCommand', { command: name, arguments: [arg] });
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kallithea-scale-out-'));
    const file = path.join(dir, 'production.ini');
    fs.writeFileSync(file, CONFIG);
    uri = fileUri(file);
    client = new LspClient();
    await client.conn.sendRequest('initialize', { processId: process.pid, rootUri: fileUri(dir), workspaceFolders: [{ uri: fileUri(dir), name: 'site' }], capabilities: CAPABILITIES });
    await client.conn.sendNotification('initialized', {});
    await client.open(uri, CONFIG);
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the prompts start from the file, and a bad answer gets its reason', async () => {
    const defaults = await command<{ options: { server: string; port: number; databaseUrl: string }; celery: boolean; outDir: string }>('kallithea.scaleOutDefaults', { uri });
    assert.equal(defaults.options.server, 'waitress');
    assert.equal(defaults.options.port, 5000);
    assert.equal(defaults.celery, false);
    assert.equal(defaults.outDir, path.join(dir, 'deploy'));
    const check = await command<{ problems: { option: string; message: string }[] }>('kallithea.scaleOutCheck', { uri, options: { ...ANSWERS, databaseUrl: 'sqlite:///x.db' } });
    assert.deepEqual(check.problems.map((p) => p.option), ['databaseUrl']);
    const refused = await command<{ problems: { option: string }[] }>('kallithea.scaleOut', { uri, options: { ...ANSWERS, hosts: [] } });
    assert.deepEqual(refused.problems.map((p) => p.option), ['hosts']);
    assert.deepEqual(await command('kallithea.scaleOut', { uri: fileUri(path.join(dir, 'none.ini')) }), { error: 'Open a Kallithea config first.' });
  });

  test('the scale-out is one edit that creates every file, each change to be confirmed', async () => {
    const reply = await command<EditReply>('kallithea.scaleOut', { uri, options: ANSWERS });
    const created = reply.edit.documentChanges.filter((c): c is { kind: 'create'; uri: string; annotationId?: string } => 'kind' in c);
    const names = created.map((c) => path.relative(dir, fileURLToPath(c.uri)));
    assert.deepEqual(names, ['deploy/web1/kallithea.ini', 'deploy/web2/kallithea.ini', 'deploy/nginx-kallithea.conf', 'deploy/.kallithea-ini.json']);
    for (const c of reply.edit.documentChanges) {
      const ids = 'kind' in c ? [c.annotationId] : c.edits.map((e) => e.annotationId);
      for (const id of ids) assert.equal(reply.edit.changeAnnotations[id!].needsConfirmation, true);
    }
    assert.deepEqual(reply.remaining, []);
    assert.ok(reply.files.every((f) => !f.exists));
    assert.ok(!fs.existsSync(path.join(dir, 'deploy')), 'nothing is written before the edit is applied');
  });

  test('apply: the server sends the edit through workspace/applyEdit, and the files it names are the site', async () => {
    let received: EditReply['edit'] | undefined;
    client.conn.onRequest('workspace/applyEdit', (p: { edit: EditReply['edit'] }) => {
      received = p.edit;
      // Apply it as an editor would: create each file, then fill it.
      for (const c of p.edit.documentChanges) {
        if ('kind' in c) fs.mkdirSync(path.dirname(fileURLToPath(c.uri)), { recursive: true });
        else fs.writeFileSync(fileURLToPath(c.textDocument.uri), c.edits.map((e) => e.newText).join(''));
      }
      return { applied: true };
    });
    const reply = await command<{ applied: boolean }>('kallithea.scaleOut', { uri, options: ANSWERS, apply: true });
    assert.equal(reply.applied, true);
    assert.ok(received);
    const web2 = fs.readFileSync(path.join(dir, 'deploy', 'web2', 'kallithea.ini'), 'utf8');
    assert.match(web2, /^workers = 3$/m);
    assert.match(web2, /^sqlalchemy\.url = postgresql:\/\/kallithea:pw@db\.internal\/kallithea$/m);
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, 'deploy', '.kallithea-ini.json'), 'utf8')).deployment.instances, [['web1/kallithea*.ini', 'web2/kallithea*.ini']]);
    // Asked again, the project file is an update of the one that is there now, and the configs are replaced.
    const again = await command<EditReply>('kallithea.scaleOut', { uri, options: ANSWERS });
    assert.deepEqual(again.files.map((f) => f.exists), [true, true, true, true]);
    assert.ok(again.edit.documentChanges.some((c) => 'kind' in c && c.annotationId === 'kallithea.scaleOut.overwrite'));
  });
});
