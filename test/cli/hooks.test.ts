// The pre-commit hooks and the GitHub Action, run as those tools run them: the hook's
// entry with the staged files its `files` pattern selects, and the action's steps in
// bash with its inputs and GITHUB_ACTION_PATH filled in. Both files are read with
// Python's YAML reader, as the tools read YAML, not with patterns.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { CLEAN_APP } from '../helpers/core';
import { python } from '../helpers/oracle';
import { DIST, ROOT } from '../helpers/paths';

function readYaml<T>(file: string): T {
  return JSON.parse(execFileSync(python(), ['-c', 'import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))', file], { encoding: 'utf8' })) as T;
}

const BINS = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).bin as Record<string, string>;
const TIDY = CLEAN_APP.join('\n').replace('\n[app:main]', '\n\n[app:main]') + '\n';

function staged(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kallithea-hooks-'));
  const files: Record<string, string> = {
    'deploy/production.ini': TIDY.replace('cut_off_limit = 256000', 'cut_off_limit=256000'),
    'deploy/broken.ini': TIDY + 'use_celery = maybe\n',
    'tox.ini': '[tox]\nenvlist=py3   \n',
    'README.md': 'not an ini file\n',
  };
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
}

test('pre-commit: each hook runs its entry on the staged .ini files; the checks fail on an error, the formatter rewrites', () => {
  const hooks = readYaml<Hook[]>(path.join(ROOT, '.pre-commit-hooks.yaml'));
  assert.deepEqual(hooks.map((h) => h.id), ['kallithea-ini', 'kallithea-ini-fmt']);
  const dir = staged();
  const files = ['deploy/production.ini', 'deploy/broken.ini', 'tox.ini', 'README.md'];
  const run = (hook: Hook) => {
    assert.equal(hook.language, 'node');
    const [command, ...args] = hook.entry.split(' ');
    assert.ok(BINS[command], `${command} is a command the package installs`);
    // pre-commit matches `files` with Python's re.search on each staged path.
    const selected = files.filter((f) => new RegExp(hook.files).test(f));
    assert.deepEqual(selected, ['deploy/production.ini', 'deploy/broken.ini', 'tox.ini']);
    return spawnSync(process.execPath, [path.join(ROOT, BINS[command]), ...args, ...selected], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  };
  const [checks, fmt] = hooks;
  const first = run(checks);
  assert.equal(first.status, 1, first.stdout);
  assert.match(first.stdout, /^deploy\/broken\.ini:\d+:\d+: error: .*\[invalid-boolean\]$/m);
  const formatted = run(fmt);
  assert.equal(formatted.status, 0, formatted.stderr);
  assert.equal(formatted.stdout, 'formatted deploy/production.ini\n');
  assert.match(fs.readFileSync(path.join(dir, 'deploy/production.ini'), 'utf8'), /^cut_off_limit = 256000$/m);
  assert.equal(fs.readFileSync(path.join(dir, 'tox.ini'), 'utf8'), '[tox]\nenvlist=py3   \n', 'other INI files are left alone');
  fs.writeFileSync(path.join(dir, 'deploy/broken.ini'), TIDY);
  assert.equal(run(checks).status, 0);
  assert.deepEqual([run(fmt).stdout], [''], 'nothing more to format');
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Action {
  inputs: Record<string, { default: string }>;
  runs: { using: string; steps: { run: string; shell: string; env?: Record<string, string>; 'working-directory'?: string }[] };
}

test('the GitHub Action: annotations on the lines, the SARIF file, and the exit status of the checks', () => {
  const action = readYaml<Action>(path.join(ROOT, 'action.yml'));
  assert.equal(action.runs.using, 'composite');
  assert.ok(fs.existsSync(path.join(DIST, 'cli.js')), 'built by npm test');
  const dir = staged();
  const inputs = { ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default])), paths: 'deploy', sarif: 'kallithea.sarif' };
  const expand = (s: string) => s.replace(/\$\{\{\s*inputs\.(\w+)\s*\}\}/g, (_, k: string) => inputs[k as keyof typeof inputs] ?? '').replace(/\$\{\{\s*github\.action_path\s*\}\}/g, ROOT);
  let last: ReturnType<typeof spawnSync> | undefined;
  for (const step of action.runs.steps) {
    assert.equal(step.shell, 'bash');
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v)]));
    last = spawnSync('bash', ['-e', '-c', step.run], { cwd: step['working-directory'] ? expand(step['working-directory']) : dir, encoding: 'utf8', env: { ...process.env, ...env, GITHUB_ACTION_PATH: ROOT } });
    if (step !== action.runs.steps[action.runs.steps.length - 1]) assert.equal(last.status, 0, String(last.stderr));
  }
  assert.equal(last!.status, 1, 'an error fails the step');
  const annotations = String(last!.stdout).trim().split('\n');
  assert.ok(annotations.some((l) => /^::error file=deploy\/broken\.ini,line=\d+,.*title=invalid-boolean::/.test(l)), annotations.join('\n'));
  const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'kallithea.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
  assert.ok(sarif.runs[0].results.some((r) => r.ruleId === 'invalid-boolean'));
  fs.rmSync(dir, { recursive: true, force: true });
});
