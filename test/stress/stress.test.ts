// The full runs (`npm run test:stress`, also in CI): 100,000 fuzz cases, every fix
// on 2,000 variations of real configs, incremental analysis against full analysis
// after some 19,000 edits, and 2,000 edits against the real server.

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { checkFixes } from '../helpers/fix-safety';
import { runFuzz } from '../helpers/fuzz';
import { runIncremental } from '../helpers/incremental';
import { burst, churn } from '../helpers/load';
import { LspClient } from '../helpers/lsp-client';
import { corpusFiles, EXAMPLES, FIXTURES, iniFilesIn, readText } from '../helpers/paths';

const FUZZ = Number(process.env.FUZZ_CASES ?? 100_000);
const FIX_VARIATIONS = Number(process.env.FIX_VARIATIONS ?? 2_000);
const EDITS = Number(process.env.LOAD_EDITS ?? 2_000);
const INCREMENTAL_SEQUENCES = Number(process.env.INCREMENTAL_SEQUENCES ?? 25);

test(`fuzz: ${FUZZ} cases through every feature`, () => {
  // Seeds after those of the short run, so the two runs cover different cases.
  const report = runFuzz(1_000_000, FUZZ);
  console.log(`stress fuzz: ${report.cases} cases, ${report.fixes} fixes applied, ${report.failures.length} failures`);
  assert.deepEqual(report.failures.slice(0, 10), []);
});

test(`every fix on real configs and ${FIX_VARIATIONS} variations`, () => {
  const files = [...corpusFiles(), ...iniFilesIn(path.join(FIXTURES, 'valid')), ...iniFilesIn(path.join(FIXTURES, 'generations')), ...iniFilesIn(EXAMPLES)];
  const report = checkFixes(
    files.map((f) => ({ name: path.basename(f), text: readText(f) })),
    FIX_VARIATIONS,
    500_000,
  );
  console.log(`stress fixes: ${report.fixesApplied} fixes applied to ${report.configs} configs, ${report.failures.length} problems`);
  assert.deepEqual(report.failures.slice(0, 15), []);
});

test(`incremental analysis: ${INCREMENTAL_SEQUENCES} sequences of 40 edits per config, each the same as a full analysis`, () => {
  // Seeds after those of the short run.
  const report = runIncremental(1_000_000, INCREMENTAL_SEQUENCES, 40);
  console.log(`stress incremental: ${report.edits} edits, ${report.partial} linted without looking at every line, ${report.failures.length} differences`);
  assert.deepEqual(report.failures, []);
});

test(`server: ${EDITS} edits with requests interleaved, then churn`, async () => {
  const client = new LspClient();
  await client.initialize();
  const r = await burst(client, EDITS);
  console.log(`stress load: ${r.edits} edits, ${r.requests} requests (${r.cancelled} cancelled), ${r.publishes} publishes; heap after GC ${(r.rssAfterFirst / 2 ** 20).toFixed(1)} -> ${(r.rssAfterSecond / 2 ** 20).toFixed(1)} MiB`);
  assert.ok(r.rssAfterSecond < r.rssAfterFirst * 1.5 + 32 * 2 ** 20, 'memory flat after the burst');
  await churn(client, 500);
  assert.equal(await client.stop(), 0);
});
