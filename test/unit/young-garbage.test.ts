// A finished analysis must be garbage to V8's young-generation collector, not only
// to a full collection. Two patterns had kept every analysis alive until the next
// full collection, so that each young collection copied them all again (a quarter
// of a lint's time): an object literal with getters made per run (each one got its
// own hidden class, which the transition tree keeps) and a WeakMap per cached fact
// (the young collector keeps a WeakMap's values whatever their keys).

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyze } from '../../server/src/core/analysis/analysis';
import { corpusFiles, EXAMPLES } from '../helpers/paths';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;
const newSpaceUsed = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!.space_used_size;

test('a young-generation collection frees the analyses that have finished', () => {
  const file = corpusFiles().find((f) => path.basename(f) === 'gunicorn-postgres.ini') ?? path.join(EXAMPLES, 'production.ini');
  const text = fs.readFileSync(file, 'utf8');
  const run = () => analyze({ text, filePath: file }, { maxFileSize: Infinity });
  for (let i = 0; i < 300; i++) run();
  gc();
  gc({ type: 'minor' });
  const start = newSpaceUsed();
  const runs = 40;
  for (let i = 0; i < runs; i++) run();
  const allocated = newSpaceUsed() - start;
  assert.ok(allocated > runs * 20_000, `the analyses should have allocated in the young generation (${allocated} bytes)`);
  gc({ type: 'minor' });
  const survived = newSpaceUsed();
  // Before the fix about a fifth survived; now what survives is the collector's own noise.
  assert.ok(survived < allocated * 0.05, `${survived} of ${allocated} bytes survived a young collection`);
});
