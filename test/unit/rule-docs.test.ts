// Rule pages as the .vsix carries them: one dist/rule-pages.json, a page written out to
// the cache folder when a diagnostic first links to it; as the repository has them:
// docs/rules/<id>.md, linked where they are.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { RULES } from '../../server/src/core/rules';
import { RULE_PAGES_FILE, RuleDocs } from '../../server/src/host/rule-docs';
import { DIST, ROOT } from '../helpers/paths';

test('a packaged extension links each rule to its page, written out of rule-pages.json', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rule-pages-'));
  const dist = path.join(scratch, 'extension', 'dist');
  fs.mkdirSync(dist, { recursive: true });
  fs.copyFileSync(path.join(DIST, RULE_PAGES_FILE), path.join(dist, RULE_PAGES_FILE));
  const cache = path.join(scratch, 'cache');
  const docs = new RuleDocs(dist, () => cache);
  for (const rule of RULES) {
    const uri = docs.uri(rule.id);
    assert.ok(uri, rule.id);
    const file = fileURLToPath(uri);
    assert.equal(path.basename(file), `${rule.id}.md`);
    assert.equal(fs.readFileSync(file, 'utf8'), fs.readFileSync(path.join(ROOT, 'docs', 'rules', `${rule.id}.md`), 'utf8'));
    assert.equal(docs.page(rule.id), fs.readFileSync(file, 'utf8'));
  }
  // A page changed by hand is written again by the next server; an unknown rule and an unwritable cache give no link.
  const page = fileURLToPath(docs.uri('utf8-bom')!);
  fs.writeFileSync(page, 'edited');
  new RuleDocs(dist, () => cache).uri('utf8-bom');
  assert.notEqual(fs.readFileSync(page, 'utf8'), 'edited');
  assert.equal(docs.uri('no-such-rule'), undefined);
  fs.writeFileSync(path.join(scratch, 'file'), '');
  assert.equal(new RuleDocs(dist, () => path.join(scratch, 'file', 'cache')).uri('utf8-bom'), undefined);
  assert.equal(new RuleDocs(dist, () => undefined).uri('utf8-bom'), undefined);
  fs.rmSync(scratch, { recursive: true, force: true });
});

test('in the repository the pages are linked where they are', () => {
  const docs = new RuleDocs(DIST, () => undefined);
  assert.equal(docs.uri('utf8-bom'), `file://${path.join(ROOT, 'docs', 'rules', 'utf8-bom.md')}`);
});
