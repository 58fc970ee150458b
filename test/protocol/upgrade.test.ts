// A RhodeCode config through the real server: one legacy-config finding with the
// gathered findings as related information, and the upgrade as a code action that
// asks the editor for a preview (change annotations) when the editor can show one.

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { python } from '../helpers/core';
import { FULL_CAPABILITIES, fileUri, LspClient } from '../helpers/lsp-client';
import { FIXTURES, readText } from '../helpers/paths';

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface Edit {
  range: Range;
  newText: string;
  annotationId?: string;
}
interface Action {
  title: string;
  edit?: {
    changes?: Record<string, Edit[]>;
    documentChanges?: { textDocument: { uri: string; version: number }; edits: Edit[] }[];
    changeAnnotations?: Record<string, { label: string; needsConfirmation?: boolean }>;
  };
}

const TEXT = readText(path.join(FIXTURES, 'generations', 'rhodecode-1.x.ini'));
const URI = fileUri('/srv/rhodecode/production.ini');

async function upgradeAction(client: LspClient) {
  await client.open(URI, TEXT);
  const published = await client.diagnostics(URI, (p) => p.diagnostics.some((d) => d.code === 'legacy-config'));
  const legacy = published.diagnostics.find((d) => d.code === 'legacy-config')!;
  const actions = await client.request<Action[]>('textDocument/codeAction', {
    textDocument: { uri: URI },
    range: legacy.range,
    context: { diagnostics: [legacy], only: ['quickfix'] },
  });
  return { legacy, published, action: actions.find((a) => a.title === 'Upgrade this config to Kallithea 0.7') };
}

describe('the upgrade over the protocol', () => {
  const clients: LspClient[] = [];
  after(async () => {
    for (const c of clients) assert.equal(await c.stop(), 0);
  });

  test('an editor with change annotations gets a previewed edit; applied, no legacy finding is left', async () => {
    const client = new LspClient();
    clients.push(client);
    await client.initialize({ ...FULL_CAPABILITIES, workspace: { configuration: true, workspaceEdit: { documentChanges: true, changeAnnotationSupport: { groupsOnLabel: true } } } });
    const { legacy, published, action } = await upgradeAction(client);
    assert.match(legacy.message, /^This config was written for RhodeCode 1\.x\/2\.x/);
    const related = (legacy as { relatedInformation?: { location: { uri: string }; message: string }[] }).relatedInformation ?? [];
    assert.ok(related.length > 20 && related.every((r) => r.location.uri === URI));
    assert.ok(!published.diagnostics.some((d) => d.code === 'deprecated-key' || d.code === 'no-effect-key'));
    assert.ok(action?.edit?.documentChanges, 'a document change with a version');
    const [annotationId, annotation] = Object.entries(action.edit.changeAnnotations ?? {})[0];
    assert.equal(annotation.needsConfirmation, true);
    const change = action.edit.documentChanges[0];
    assert.equal(change.textDocument.version, 1);
    assert.ok(change.edits.length > 20 && change.edits.every((e) => e.annotationId === annotationId));
    const doc = TextDocument.create(URI, 'kallithea-ini', 1, TEXT);
    const upgraded = TextDocument.applyEdits(doc, change.edits);
    assert.equal(python(upgraded).readError, null);
    await client.change(URI, 2, [{ text: upgraded }]);
    const after = await client.diagnostics(URI, (p) => p.version === 2);
    const codes = after.diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('legacy-config') && !codes.includes('deprecated-key'), codes.join());
    assert.ok(codes.includes('debug-enabled') && codes.includes('sqlite-multi-worker'), 'true in every release, still there');
  });

  test('an editor without change annotations gets plain edits', async () => {
    const client = new LspClient();
    clients.push(client);
    await client.initialize({ ...FULL_CAPABILITIES, workspace: { configuration: true } });
    const { action } = await upgradeAction(client);
    assert.ok(action?.edit?.changes?.[URI]?.length, 'plain changes');
    assert.equal(action.edit.documentChanges, undefined);
  });
});
