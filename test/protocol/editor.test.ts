// Editor features through the real server, on a config from the corpus that
// Kallithea's own generator writes (the project's gunicorn fixture when the corpus
// is absent): hover, completion, symbols, folding, definition, references, rename,
// and the server commands.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { corpusFiles, FIXTURES } from '../helpers/paths';
import { fileUri, LspClient } from '../helpers/lsp-client';

const corpus = corpusFiles().find((f) => f.endsWith('gunicorn-postgres.ini'));
const FILE = corpus ?? path.join(FIXTURES, 'valid', 'production-gunicorn.ini');
const TEXT = fs.readFileSync(FILE, 'utf8');
const LINES = TEXT.split('\n');
const uri = fileUri(FILE);

/** Position of the first line matching `re` (after `after`), at `column` or at the match. */
function at(re: RegExp, column?: number, after = 0): { line: number; character: number } {
  const line = LINES.findIndex((l, i) => i >= after && re.test(l));
  assert.ok(line >= 0, `no line matches ${re}`);
  return { line, character: column ?? LINES[line].search(re) };
}

interface Hover {
  contents: { kind: string; value: string };
}
interface Item {
  label: string;
  kind: number;
  documentation?: { value: string };
  textEdit?: { newText: string };
  insertTextFormat?: number;
}

describe(`editor features over the protocol on ${path.basename(FILE)}${corpus ? ' (corpus)' : ''}`, () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    await client.initialize();
    await client.open(uri, TEXT);
    await client.diagnostics(uri);
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  const hoverAt = (pos: { line: number; character: number }) => client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: pos });

  test('hover on workers: what it does, the effective value, default, recommendation, docs link', async () => {
    const h = await hoverAt(at(/^workers\s*=/, 2));
    assert.ok(h);
    assert.equal(h.contents.kind, 'markdown');
    const text = h.contents.value;
    assert.match(text, /\*\*`workers`\*\*/);
    assert.match(text, /worker processes/i);
    assert.match(text, /\*\*Effective value:\*\* `4`/);
    assert.match(text, /\*\*Default when absent:\*\*/);
    assert.match(text, /\*\*Recommended:\*\*/);
    assert.match(text, /\[Documentation\]\(https:\/\/docs\.gunicorn\.org/);
  });

  test('hover on sqlalchemy.url masks the password', async () => {
    const h = await hoverAt(at(/^sqlalchemy\.url\s*=/, 3));
    const text = h!.contents.value;
    assert.match(text, /\*\*Effective value:\*\* `postgresql:\/\/kallithea:••••••@/);
    assert.doesNotMatch(text, /:password@|db%%40pass|db%40pass/);
  });

  test('hover on %(here)s says where it comes from and what it expands to', async () => {
    const pos = at(/^cache_dir\s*=.*%\(/);
    pos.character = LINES[pos.line].indexOf('%(') + 3;
    const h = await hoverAt(pos);
    const text = h!.contents.value;
    if (corpus) {
      assert.match(text, /`%\(here\)s`/);
      assert.match(text, /folder of this file/);
      assert.ok(text.includes('`' + path.dirname(FILE) + '`'), text);
    } else assert.match(text, /Expands to `\/srv\/shared\/kallithea`/);
  });

  test('hover on a section header says who reads it', async () => {
    const h = await hoverAt(at(/^\[server:main\]/, 3));
    assert.match(h!.contents.value, /gunicorn/);
    assert.match(h!.contents.value, /gearbox serve/);
  });

  test('completion in [server:main] offers gunicorn keys not yet set, with docs', async () => {
    const serverLine = at(/^\[server:main\]/).line;
    const pos = { line: at(/^use = egg:gunicorn/, 0, serverLine).line + 1, character: 0 };
    // A new, empty line under `use`: complete keys there.
    const doc = LINES.slice();
    doc.splice(pos.line, 0, '');
    const text = doc.join('\n');
    const items = await withText(text, () => client.request<Item[]>('textDocument/completion', { textDocument: { uri }, position: pos }));
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('threads'), 'threads is offered');
    assert.ok(labels.includes('graceful_timeout'));
    assert.ok(!labels.includes('workers'), 'workers is already set');
    assert.ok(!labels.includes('cache_dir'), 'app keys are not server keys');
    const threads = items.find((i) => i.label === 'threads')!;
    assert.match(threads.documentation!.value, /thread/i);
    assert.equal(threads.textEdit!.newText, 'threads = ${1:1}');
  });

  test('completion in [app:main] offers Kallithea keys, values for switches and %( references', async () => {
    const appLine = at(/^\[app:main\]/).line;
    const doc = LINES.slice();
    doc.splice(appLine + 2, 0, 'serve_static = ', 'archive_cache_dir = %(');
    const text = doc.join('\n');
    const keyItems = await withText(text, () => client.request<Item[]>('textDocument/completion', { textDocument: { uri }, position: { line: appLine + 4, character: 0 } }));
    const keys = keyItems.map((i) => i.label);
    assert.ok(keys.includes('use_htsts') || keys.includes('force_https'));
    assert.ok(!keys.includes('cache_dir'), 'already present');
    const values = await withText(text, () => client.request<Item[]>('textDocument/completion', { textDocument: { uri }, position: { line: appLine + 2, character: 15 } }));
    assert.deepEqual(
      values.map((i) => i.label),
      ['true', 'false'],
    );
    const refs = await withText(text, () => client.request<Item[]>('textDocument/completion', { textDocument: { uri }, position: { line: appLine + 3, character: 22 } }));
    const names = refs.map((i) => i.label);
    assert.ok(names.includes('here') && names.includes('cache_dir'), names.join());
    assert.equal(refs.find((i) => i.label === 'here')!.textEdit!.newText, 'here)s');
  });

  test('document symbols: sections with their keys', async () => {
    const symbols = await client.request<{ name: string; children?: { name: string }[] }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const app = symbols.find((s) => s.name === '[app:main]');
    assert.ok(app?.children?.some((c) => c.name === 'sqlalchemy.url'));
    assert.ok(symbols.some((s) => s.name === '[server:main]'));
    assert.ok(symbols.some((s) => s.name === '[handler_console]'));
  });

  test('folding ranges for sections and comment blocks', async () => {
    const folds = await client.request<{ startLine: number; kind?: string }[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds.some((f) => f.startLine === at(/^\[app:main\]/).line));
    assert.ok(folds.some((f) => f.kind === 'comment'));
  });

  test('definition of a logging handler named by a logger goes to its section', async () => {
    const rootLine = at(/^\[logger_root\]/).line;
    const pos = at(/^handlers\s*=\s*console/, undefined, rootLine);
    pos.character = LINES[pos.line].indexOf('console') + 2;
    const loc = await client.request<{ uri: string; range: { start: { line: number } } }>('textDocument/definition', { textDocument: { uri }, position: pos });
    assert.equal(loc.range.start.line, at(/^\[handler_console\]/).line);
  });

  test('references and rename of a handler cover its section and every list that names it', async () => {
    const pos = at(/^\[handler_console\]/, 10);
    const refs = await client.request<{ range: { start: { line: number } } }[]>('textDocument/references', { textDocument: { uri }, position: pos, context: { includeDeclaration: true } });
    assert.ok(refs.length >= 3, `references: ${refs.length}`);
    const edit = await client.request<{ changes: Record<string, { newText: string }[]> }>('textDocument/rename', { textDocument: { uri }, position: pos, newName: 'stderr' });
    assert.equal(edit.changes[uri].length, refs.length);
    assert.ok(edit.changes[uri].every((e) => e.newText === 'stderr'));
  });

  test('the effective-configuration command masks secrets and shows where each value comes from', async () => {
    const view = await client.request<string>('workspace/executeCommand', { command: 'kallithea.effectiveConfig', arguments: [uri] });
    assert.match(view, /^\[app:main\]$/m);
    assert.match(view, /^sqlalchemy\.url = postgresql:\/\/kallithea:••••••@/m);
    assert.match(view, /^session\.secret = ••••••/m);
    const nginx = await client.request<string>('workspace/executeCommand', { command: 'kallithea.staticConfig', arguments: [{ uri, server: 'nginx', publicPath: '/opt/k/public' }] });
    assert.match(nginx, /location \/(code\/)?images\/ \{/);
  });

  /** Temporarily replace the document's text for one request, then restore it. */
  let version = 1;
  async function withText<T>(text: string, fn: () => Promise<T>): Promise<T> {
    await client.change(uri, ++version, [{ text }]);
    try {
      return await fn();
    } finally {
      await client.change(uri, ++version, [{ text: TEXT }]);
    }
  }
});
