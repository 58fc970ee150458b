// The short run of "fixes never lose text" (the full one is `npm run test:stress`).

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { checkFixes } from '../helpers/fix-safety';
import { corpusFiles, EXAMPLES, FIXTURES, iniFilesIn, readText } from '../helpers/paths';

const VARIATIONS = Number(process.env.FIX_VARIATIONS ?? 150);

test(`every fix on real configs and ${VARIATIONS} variations keeps the file loadable, its comments and line endings`, () => {
  const files = [...corpusFiles(), ...iniFilesIn(path.join(FIXTURES, 'valid')), ...iniFilesIn(path.join(FIXTURES, 'generations')), ...iniFilesIn(EXAMPLES)];
  const report = checkFixes(files.map((f) => ({ name: path.basename(f), text: readText(f) })), VARIATIONS);
  console.log(`fixes: ${report.fixesApplied} fixes applied to ${report.configs} configs (fix-all included), ${report.failures.length} problems`);
  assert.deepEqual(report.failures.slice(0, 15), []);
});
