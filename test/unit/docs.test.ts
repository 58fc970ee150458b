import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { RULES } from '../../server/src/core/rules';
import { replacePageHeader, replaceRulesTable } from '../../server/src/core/rules/docs-sync';
import { docsPageHeader, rulesTable } from '../../server/src/core/rules/listing';
import { CLIENT_COMMANDS } from '../../server/src/shared/names';
import { ROOT } from '../helpers/paths';

const readme = () => fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const page = (id: string) => fs.readFileSync(path.join(ROOT, 'docs', 'rules', `${id}.md`), 'utf8');

test("the README's rule table is the one the rule metadata generates (run `npm run docs` after changing a rule)", () => {
  assert.equal(replaceRulesTable(readme(), rulesTable()), readme());
  for (const rule of RULES) assert.ok(readme().includes(`| [\`${rule.id}\`](docs/rules/${rule.id}.md) | ${rule.category} | ${rule.severity} |`), rule.id);
});

test('each rule page starts with the header its metadata generates, and has a bad and a good example', () => {
  for (const rule of RULES) {
    const text = page(rule.id);
    assert.equal(replacePageHeader(text, docsPageHeader(rule)), text, `${rule.id}: run \`npm run docs\``);
    assert.match(text, /## Bad[\s\S]*```ini[\s\S]*## Good/, rule.id);
    assert.ok(rule.description.length > 10 && !rule.description.includes('\n'), rule.id);
  }
});

test('docs/rules has a page for each rule and no other', () => {
  const pages = fs.readdirSync(path.join(ROOT, 'docs', 'rules')).map((f) => f.replace(/\.md$/, ''));
  assert.deepEqual(pages.sort(), RULES.map((r) => r.id).sort());
});

test('the rule pages ship in the extension (as one file) and the npm package, beside the bundles that link to them', () => {
  const pages = RULES.map((r) => `docs/rules/${r.id}.md`).sort();
  const vsce = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(vsce.status, 0, vsce.stderr);
  const inVsix = vsce.stdout.split('\n').map((l) => l.trim());
  assert.deepEqual(inVsix.filter((f) => f.startsWith('docs/')), [], 'the .vsix holds the rule pages in dist/rule-pages.json only');
  for (const bundle of ['dist/server.js', 'dist/server-main.js', 'dist/rule-pages.json']) assert.ok(inVsix.includes(bundle), bundle);
  const packed = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'rule-pages.json'), 'utf8')) as { pages: Record<string, string> };
  assert.deepEqual(Object.keys(packed.pages).map((id) => `docs/rules/${id}.md`).sort(), pages, 'rule-pages.json holds exactly the rule pages of docs/');
  for (const [id, text] of Object.entries(packed.pages)) assert.equal(text, fs.readFileSync(path.join(ROOT, 'docs', 'rules', `${id}.md`), 'utf8'), id);
  const npm = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['pack', '--dry-run', '--ignore-scripts', '--json'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(npm.status, 0, npm.stderr);
  const inTgz = (JSON.parse(npm.stdout) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
  assert.deepEqual(inTgz.filter((f) => f.startsWith('docs/')).sort(), pages, 'the npm package holds exactly the rule pages of docs/');
  for (const bundle of ['dist/cli.js', 'dist/server.js', 'dist/server-main.js']) assert.ok(inTgz.includes(bundle), bundle);
});

test("the client's commands in package.json are the ones the shared names module declares", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
  assert.deepEqual(pkg.contributes.commands.map((c) => c.command).sort(), Object.values(CLIENT_COMMANDS).sort());
});

test("the extension's README is README.md's part about the extension: settings, editor features, rules; no screenshots", async () => {
  const { extensionReadme } = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'extension-readme.mjs')).href)) as { extensionReadme: (s: string) => string };
  const text = extensionReadme(readme());
  for (const heading of ['## Install the extension', '### Settings', '### In the editor', '## What it checks']) assert.ok(text.includes(`\n${heading}\n`), heading);
  for (const heading of ['## Command line', '## Performance', '## Other editors', '## Tests']) assert.ok(!text.includes(`\n${heading}\n`), heading);
  assert.doesNotMatch(text, /^!\[/m, 'the package holds no images');
  assert.equal(replaceRulesTable(text, rulesTable()), text, 'the rules table is whole');
  assert.ok(text.length < readme().length / 2, `${text.length} characters`);
});
