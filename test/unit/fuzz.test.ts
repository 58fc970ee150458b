// The short, seeded run of the property test (the full one is `npm run test:stress`).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runFuzz } from '../helpers/fuzz';

const CASES = Number(process.env.FUZZ_CASES ?? 3000);

test(`fuzz: ${CASES} random and mutated configs through every feature, nothing throws, every range inside`, () => {
  const report = runFuzz(1, CASES);
  console.log(`fuzz: ${report.cases} cases (saved regressions included), ${report.fixes} fixes applied, ${report.failures.length} failures`);
  assert.deepEqual(report.failures.slice(0, 10), []);
});
