// The server's collection on demand (server/src/lsp/collect.ts) really collects:
// garbage made just before is gone from the heap afterwards.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectGarbage } from '../../server/src/lsp/collect';

test('collectGarbage frees the garbage the program just made', () => {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  let garbage: { i: number }[] | undefined = Array.from({ length: 400_000 }, (_, i) => ({ i }));
  assert.equal(garbage.length, 400_000);
  garbage = undefined;
  const full = process.memoryUsage().heapUsed;
  assert.ok(full - before > 8e6, `the garbage should weigh on the heap first (${full - before} bytes)`);
  collectGarbage();
  const after = process.memoryUsage().heapUsed;
  assert.ok(after - before < 2e6, `after a collection the heap is back near where it was: ${before} -> ${full} -> ${after}`);
});
