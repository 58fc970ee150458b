// Document links, document highlight and selection ranges in the core.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { documentLinks } from '../../server/src/core/features/links';
import { highlights } from '../../server/src/core/features/navigation';
import { selectionRanges } from '../../server/src/core/features/selection';
import type { Range } from '../../server/src/core/syntax/text';
import { model } from '../helpers/core';

const at = (text: string, line: number, needle: string) => ({ line, character: text.split('\n')[line].indexOf(needle) + 1 });
const slice = (text: string, r: Range) => {
  const lines = text.split('\n');
  if (r.start.line === r.end.line) return lines[r.start.line].slice(r.start.character, r.end.character);
  return [lines[r.start.line].slice(r.start.character), ...lines.slice(r.start.line + 1, r.end.line), lines[r.end.line].slice(0, r.end.character)].join('\n');
};

test('document links: existing files and folders (with %(here)s), log files, and URLs without credentials', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kallithea-links-'));
  fs.mkdirSync(path.join(dir, 'data'));
  fs.writeFileSync(path.join(dir, 'kallithea.log'), '');
  const text = [
    '[app:main]',
    'use = egg:kallithea',
    'cache_dir = %(here)s/data',
    'index_dir = %(here)s/missing',
    'git_path = git',
    'ssh_authorized_keys = data/../kallithea.log',
    'canonical_url = https://code.example.org/kallithea',
    'issue_server_link = https://issues.example.org/{repo}/\\1',
    'gist_alias_url = https://user:pw@gist.example.org/',
    '[handler_file]',
    "args = ('%(here)s/kallithea.log', 'a')",
    '',
  ].join('\n');
  const links = documentLinks(model(text, path.join(dir, 'kallithea.ini')), (p) => fs.existsSync(p));
  const shown = links.map((l) => [slice(text, l.range), l.kind === 'file' ? path.relative(dir, l.target) : l.target]);
  assert.deepEqual(shown.sort(), [
    ['%(here)s/data', 'data'],
    ['%(here)s/kallithea.log', 'kallithea.log'],
    ['data/../kallithea.log', 'kallithea.log'],
    ['https://code.example.org/kallithea', 'https://code.example.org/kallithea'],
  ]);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('document highlight: a key and its %(name)s uses; a logging name in its list and its section', () => {
  const text = ['[DEFAULT]', 'root_dir = /srv', '[app:main]', 'cache_dir = %(root_dir)s/data', 'index_dir = %(root_dir)s/index', '[loggers]', 'keys = root, app', '[logger_app]', 'level = INFO', ''].join('\n');
  const m = model(text);
  const fromUse = highlights(m, at(text, 3, 'root_dir'));
  assert.deepEqual(fromUse.map((h) => [h.range.start.line, slice(text, h.range), h.defines]), [
    [1, 'root_dir', true],
    [3, 'root_dir', false],
    [4, 'root_dir', false],
  ]);
  const logging = highlights(m, at(text, 6, 'app'));
  assert.deepEqual(logging.map((h) => [h.range.start.line, slice(text, h.range), h.defines]), [
    [7, 'app', true],
    [6, 'app', false],
  ]);
  assert.deepEqual(highlights(m, at(text, 8, 'INFO')), [], 'a plain value names nothing');
});

test('selection ranges grow from a reference to its value, the entry with its continuation lines, and the section', () => {
  const text = ['[app:main]', 'use = egg:kallithea', 'keys = %(here)s/a,', '    b', 'other = 1', ''].join('\n');
  const ranges = selectionRanges(model(text), at(text, 2, 'here'));
  assert.deepEqual(
    ranges.map((r) => slice(text, r)),
    ['%(here)s', '%(here)s/a,\n    b', 'keys = %(here)s/a,\n    b', '[app:main]\nuse = egg:kallithea\nkeys = %(here)s/a,\n    b\nother = 1'],
  );
  assert.deepEqual(selectionRanges(model(text), at(text, 0, 'app')).map((r) => slice(text, r)).slice(0, 2), ['app:main', '[app:main]']);
  assert.deepEqual(selectionRanges(model(text), at(text, 4, 'other')).map((r) => slice(text, r)).slice(0, 2), ['other', 'other = 1']);
});
