// The key interner every parse shares: keys read right across files and versions,
// and a fresh table once a file with a key per line has filled it.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KeyInterner } from '../../server/src/core/syntax/interner';
import { parse } from '../../server/src/core/syntax/parser';

test('parses that share the interner read each key with its own characters', () => {
  const a = parse('[app:main]\nuse = egg:kallithea\ncache_dir = /a\n');
  const b = parse('[app:other]\ncache_di = x\ncache_dir = /b\ncache_dirs = y\n');
  assert.equal(a.entry(1).key, 'cache_dir');
  assert.deepEqual([0, 1, 2].map((i) => b.entry(i).key), ['cache_di', 'cache_dir', 'cache_dirs']);
  assert.equal(KeyInterner.shared().intern('xx cache_dir yy', 3, 12), 'cache_dir');
});

test('more distinct keys than the shared limit: every key right, and the next parse starts a fresh table', () => {
  const before = KeyInterner.shared();
  const keys = Array.from({ length: 70_000 }, (_, i) => `k${i.toString(36)}`);
  const parsed = parse(`[s]\n${keys.map((k) => `${k} = 1`).join('\n')}\n`);
  assert.equal(parsed.entryCount, keys.length);
  for (let i = 0; i < keys.length; i += 997) assert.equal(parsed.entry(i).key, keys[i]);
  const next = parse('[s]\nk0 = 1\nzz = 2\n');
  assert.deepEqual([next.entry(0).key, next.entry(1).key], ['k0', 'zz']);
  assert.notEqual(KeyInterner.shared(), before);
});
