// What a client declares is what it gets. A client with no snippet, Markdown,
// code-action-literal, related-information or version support (as Neovim 0.7, eglot
// and ALE declare) gets plain completions, plain hovers, commands for its fixes and
// plain diagnostics; and fixes come from the server's own diagnostics at the cursor,
// whatever the client echoes back.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CLEAN_APP } from '../helpers/core';
import { FULL_CAPABILITIES, fileUri, LspClient } from '../helpers/lsp-client';

interface Item {
  label: string;
  insertTextFormat?: number;
  textEdit: { newText: string };
  documentation?: { kind: string; value: string };
}
interface Command {
  title: string;
  command: string;
  arguments?: unknown[];
}
interface Hover {
  contents: { kind: string; value: string };
}

const TEXT = [...CLEAN_APP, 'beaker.cache.data_dir = /srv/elsewhere', 'git_path = /usr/bin/git  ; the system git', 'use_celery = no way', ''].join('\n');
const URI = fileUri('/srv/kallithea/plain-client.ini');
const line = (prefix: string) => TEXT.split('\n').findIndex((l) => l.startsWith(prefix));

describe('a client that declares nothing optional', () => {
  const client = new LspClient();
  const edits: { edit: { changes: Record<string, { newText: string }[]> } }[] = [];
  before(async () => {
    client.conn.onRequest('workspace/applyEdit', (p: (typeof edits)[number]) => (edits.push(p), { applied: true }));
    await client.initialize({ workspace: { configuration: true, applyEdit: true } });
    await client.open(URI, TEXT);
  });
  after(async () => assert.equal(await client.stop(), 0));

  test('diagnostics come without a version, tags, code description, related information or data', async () => {
    const p = await client.diagnostics(URI, (x) => x.diagnostics.some((d) => d.code === 'inline-comment'));
    assert.equal((p as { version?: number }).version, undefined);
    for (const d of p.diagnostics as Record<string, unknown>[]) {
      assert.equal(d.codeDescription, undefined);
      assert.equal(d.relatedInformation, undefined);
      assert.equal(d.tags, undefined);
      assert.equal(d.data, undefined);
    }
  });

  test('completion inserts plain text: no tab stops, no snippet syntax', async () => {
    const items = await client.request<Item[]>('textDocument/completion', { textDocument: { uri: URI }, position: { line: TEXT.split('\n').length - 1, character: 0 } });
    const key = items.find((i) => i.label === 'session.type')!;
    assert.equal(key.insertTextFormat, 1);
    assert.match(key.textEdit.newText, /^session\.type = \S+$/);
    const instance = items.find((i) => i.label === 'kallithea-instance')!;
    assert.ok(instance, items.map((i) => i.label).join());
    assert.doesNotMatch(instance.textEdit.newText, /\$\{?\d/);
    assert.match(instance.textEdit.newText, /\[app:main\]/);
    assert.ok(items.every((i) => !i.documentation || i.documentation.kind === 'plaintext'));
  });

  test('hover is plain text, with no Markdown and no HTML entities', async () => {
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri: URI }, position: { line: line('beaker.cache.data_dir'), character: 2 } });
    assert.equal(h.contents.kind, 'plaintext');
    assert.doesNotMatch(h.contents.value, /\*\*|&lt;|&gt;|\\[._:]/);
    assert.match(h.contents.value, /Effective value: \/srv\/d\/cache/);
    assert.match(h.contents.value, /<cache_dir>\/cache/);
  });

  test('a cursor inside a diagnostic gets its fixes as commands, with no diagnostic echoed back; running one applies the edit', async () => {
    const at = { line: line('git_path'), character: 30 };
    const commands = await client.request<Command[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: { start: at, end: at }, context: { diagnostics: [] } });
    const move = commands.find((c) => c.title === 'Move the comment to its own line');
    assert.ok(move, commands.map((c) => c.title).join(' | '));
    assert.equal(move.command, 'kallithea.applyEdit');
    // Only the diagnostic under the cursor: the invalid boolean two lines down has its own fixes.
    assert.ok(!commands.some((c) => /use_celery/.test(c.title)), commands.map((c) => c.title).join(' | '));
    assert.equal(await client.request('workspace/executeCommand', { command: move.command, arguments: move.arguments }), true);
    assert.match(edits[0].edit.changes[URI].map((e) => e.newText).join(''), /; the system git/);
  });

  test('a range where no diagnostic is gets nothing, whatever diagnostics the client sends', async () => {
    const at = { line: 2, character: 0 };
    const stale = { range: { start: { line: line('git_path'), character: 0 }, end: { line: line('git_path'), character: 5 } }, message: 'old', code: 'inline-comment' };
    assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri: URI }, range: { start: at, end: at }, context: { diagnostics: [stale] } }), []);
  });
});

describe('a client that takes Markdown', () => {
  test('code spans keep <cache_dir> as written (no entities)', async () => {
    const client = new LspClient();
    await client.initialize(FULL_CAPABILITIES);
    const doc = TextDocument.create(URI, 'kallithea-ini', 1, TEXT);
    await client.open(URI, doc.getText());
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri: URI }, position: { line: line('beaker.cache.data_dir'), character: 2 } });
    assert.equal(h.contents.kind, 'markdown');
    assert.match(h.contents.value, /`<cache_dir>\/cache`/);
    assert.doesNotMatch(h.contents.value, /`[^`]*&lt;[^`]*`/);
    assert.equal(await client.stop(), 0);
  });
});
