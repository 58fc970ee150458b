import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { RULES } from '../../server/src/core/rules';
import { ROOT } from '../helpers/paths';

test('each rule has a docs page with a bad and a good example, and a README row', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  for (const rule of RULES) {
    const page = fs.readFileSync(path.join(ROOT, 'docs', 'rules', `${rule.id}.md`), 'utf8');
    assert.match(page, /## Bad[\s\S]*```ini[\s\S]*## Good/, rule.id);
    assert.match(page, new RegExp(`\\*\\*Default severity:\\*\\* ${rule.severity}`), rule.id);
    assert.ok(readme.includes(`[\`${rule.id}\`](docs/rules/${rule.id}.md)`), `README row for ${rule.id}`);
    assert.ok(rule.description.length > 10, rule.id);
  }
});

test("the README's rule table lists exactly the rules, each with its default severity", () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const rows = [...readme.matchAll(/^\| \[`([\w-]+)`\]\(docs\/rules\/([\w-]+)\.md\) \| (\w+) \|/gm)].map((m) => ({ id: m[1], page: m[2], severity: m[3] }));
  assert.deepEqual(
    rows.map((r) => `${r.id}: ${r.severity}`).sort(),
    RULES.map((r) => `${r.id}: ${r.severity}`).sort(),
  );
  for (const r of rows) assert.equal(r.page, r.id);
});
