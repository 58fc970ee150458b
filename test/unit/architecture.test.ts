// The layout is the architecture: each folder may import only from the folders
// below it, so the core never reaches up into a host, a rule never into an editor
// feature, and nothing in the core names LSP or VS Code. Files stay short, apart
// from the catalog's data. See docs/architecture.md.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../helpers/paths';

const CORE = ['core/syntax', 'core/catalog', 'core/model', 'core/edits', 'core/rules', 'core/analysis', 'core/settings', 'core/features', 'core/scale-out'];

/** What each folder may import at run time (type-only imports are erased and not counted). */
const ALLOWED: Record<string, string[]> = {
  shared: [],
  'core/syntax': ['shared'],
  'core/catalog': ['shared', 'core/syntax'],
  'core/model': ['shared', 'core/syntax', 'core/catalog'],
  'core/edits': ['shared', 'core/syntax', 'core/catalog', 'core/model'],
  'core/features': ['shared', 'core/syntax', 'core/catalog', 'core/model', 'core/edits'],
  'core/rules': ['shared', 'core/syntax', 'core/catalog', 'core/model', 'core/edits'],
  'core/analysis': ['shared', 'core/syntax', 'core/catalog', 'core/model', 'core/edits', 'core/rules'],
  'core/settings': ['shared', 'core/syntax', 'core/analysis'],
  'core/scale-out': ['shared', 'core/syntax', 'core/catalog', 'core/model', 'core/edits', 'core/rules', 'core/analysis', 'core/settings'],
  host: ['shared', ...CORE],
  cli: ['shared', 'host', ...CORE],
  lsp: ['shared', 'host', ...CORE],
  client: ['shared', 'host', 'core/syntax', 'core/catalog', 'core/model', 'core/settings'],
};

const SRC = path.join(ROOT, 'server', 'src');
const CLIENT = path.join(ROOT, 'client', 'src');

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** The folder a source file belongs to, as named in ALLOWED. */
function folderOf(file: string): string {
  if (file.startsWith(CLIENT)) return 'client';
  const rel = path.relative(SRC, file).split(path.sep);
  return rel[0] === 'core' ? `core/${rel[1]}` : rel[0];
}

const files = [...tsFiles(SRC), ...tsFiles(CLIENT)];

test('every source file is in a folder of the architecture', () => {
  for (const file of files) assert.ok(ALLOWED[folderOf(file)], `${path.relative(ROOT, file)} is outside the known folders`);
});

test('no import runs up the layers, and the core imports neither LSP nor VS Code', () => {
  const wrong: string[] = [];
  for (const file of files) {
    const from = folderOf(file);
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^import (?!type )[^;]*? from '([^']+)';/gms)) {
      const spec = m[1];
      if (!spec.startsWith('.')) {
        if (from.startsWith('core/') || from === 'shared') if (/^vscode/.test(spec)) wrong.push(`${path.relative(ROOT, file)} imports ${spec}`);
        continue;
      }
      const target = path.resolve(path.dirname(file), spec);
      if (!target.startsWith(SRC)) continue; // JSON data (the snippets)
      const to = folderOf(fs.existsSync(target) && fs.statSync(target).isDirectory() ? path.join(target, 'index.ts') : target + '.ts');
      if (to !== from && !ALLOWED[from].includes(to)) wrong.push(`${path.relative(ROOT, file)} (${from}) imports ${spec} (${to})`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('a rule never imports another rule (only the shared helpers)', () => {
  const rules = files.filter((f) => folderOf(f) === 'core/rules' && !/(index|support|listing|docs-sync)\.ts$/.test(f));
  for (const file of rules) {
    const imports = [...fs.readFileSync(file, 'utf8').matchAll(/from '\.\/([^']+)'/g)].map((m) => m[1]);
    assert.deepEqual(imports.filter((i) => i !== 'support'), [], path.relative(ROOT, file));
  }
});

test('no source file is over 300 lines, apart from the catalog data', () => {
  const long = files
    .filter((f) => !/catalog[\\/]keys-[\w-]+\.ts$/.test(f))
    .map((f) => ({ f: path.relative(ROOT, f), n: fs.readFileSync(f, 'utf8').split('\n').length - 1 }))
    .filter((x) => x.n > 300);
  assert.deepEqual(long, []);
});
