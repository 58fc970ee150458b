// Writes what is generated from the rule metadata into the documents: the README's
// rule table and the header (title, category, severity, fix, description) of each
// page in docs/rules/. `npm run docs` runs it; test/unit/docs.test.ts fails when a
// document differs from what this would write.
// Needs the compiled core (out/), which `npm run pretest` builds.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { RULES } = require('../out/server/src/core/rules/index.js');
const { docsPageHeader, rulesTable } = require('../out/server/src/core/rules/listing.js');
const { replaceRulesTable, replacePageHeader } = require('../out/server/src/core/rules/docs-sync.js');

let changed = 0;
const write = (file, before, after) => {
  if (before === after) return;
  writeFileSync(file, after);
  changed++;
  console.log(`updated ${file}`);
};

const readme = readFileSync('README.md', 'utf8');
write('README.md', readme, replaceRulesTable(readme, rulesTable()));
for (const rule of RULES) {
  const file = `docs/rules/${rule.id}.md`;
  const page = readFileSync(file, 'utf8');
  write(file, page, replacePageHeader(page, docsPageHeader(rule)));
}
console.log(changed ? `${changed} file(s) updated.` : 'The documents match the rule metadata.');
