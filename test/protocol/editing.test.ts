// Formatting, range formatting, document links, document highlight and selection
// ranges through the real server.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileUri, LspClient } from '../helpers/lsp-client';

const TEXT = ['[app:main]', 'use=egg:kallithea   ', 'cache_dir = %(here)s/data', 'index_dir =%(cache_dir)s/index', 'canonical_url = https://code.example.org', '[server:main]', 'use = egg:waitress#main', ''].join('\n');

interface Edit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

describe('editing requests over the protocol', () => {
  let client: LspClient;
  let dir: string;
  let uri: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kallithea-editing-'));
    fs.mkdirSync(path.join(dir, 'data'));
    const file = path.join(dir, 'kallithea.ini');
    fs.writeFileSync(file, TEXT);
    uri = fileUri(file);
    client = new LspClient();
    const init = await client.initialize();
    for (const cap of ['documentFormattingProvider', 'documentRangeFormattingProvider', 'documentLinkProvider', 'documentHighlightProvider', 'selectionRangeProvider'])
      assert.ok(init.capabilities[cap], cap);
    await client.open(uri, TEXT);
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('formatting: the spacing of key lines, trailing whitespace, a blank line before a section; a range only its lines', async () => {
    const edits = await client.request<Edit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
    assert.deepEqual(
      edits.map((e) => [e.range.start.line, e.newText]).sort(),
      [
        [1, ' = '],
        [1, ''],
        [3, ' = '],
        [5, '\n'],
      ].sort(),
    );
    const ranged = await client.request<Edit[]>('textDocument/rangeFormatting', { textDocument: { uri }, range: { start: { line: 3, character: 0 }, end: { line: 3, character: 5 } }, options: { tabSize: 4, insertSpaces: true } });
    assert.deepEqual(ranged.map((e) => [e.range.start.line, e.newText]), [[3, ' = ']]);
  });

  test('document links, highlight and selection ranges', async () => {
    const links = await client.request<{ target: string; range: Edit['range'] }[]>('textDocument/documentLink', { textDocument: { uri } });
    assert.deepEqual(links.map((l) => [l.range.start.line, l.target]).sort(), [
      [2, fileUri(path.join(dir, 'data'))],
      [4, 'https://code.example.org'],
    ]);
    const marks = await client.request<{ range: Edit['range']; kind: number }[]>('textDocument/documentHighlight', { textDocument: { uri }, position: { line: 3, character: 15 } });
    assert.deepEqual(marks.map((m) => [m.range.start.line, m.kind]), [[2, 3], [3, 2]]);
    type Sel = { range: Edit['range']; parent?: Sel };
    const [sel] = await client.request<Sel[]>('textDocument/selectionRange', { textDocument: { uri }, positions: [{ line: 3, character: 15 }] });
    const chain: number[][] = [];
    for (let s: Sel | undefined = sel; s; s = s.parent) chain.push([s.range.start.line, s.range.start.character, s.range.end.line, s.range.end.character]);
    assert.deepEqual(chain, [[3, 11, 3, 24], [3, 11, 3, 30], [3, 0, 3, 30], [0, 0, 4, 40]]);
  });
});
