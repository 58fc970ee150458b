// Runs every test that needs no editor with Node's own test runner: core unit
// tests, the differential test against Python, CLI tests and protocol tests.
// Usage: node scripts/test.mjs [unit|differential|cli|protocol ...]

import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const groups = process.argv.slice(2);
const suites = groups.length ? groups : ['unit', 'differential', 'cli', 'protocol'];

function testFiles(dir) {
  let out = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out = out.concat(testFiles(full));
    else if (name.endsWith('.test.js')) out.push(full);
  }
  return out.sort();
}

const files = suites.flatMap((s) => testFiles(join('out', 'test', s)));
if (files.length === 0) {
  console.error('No test files found; run `npm run pretest` (or `npm test`) to compile them.');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=1', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
