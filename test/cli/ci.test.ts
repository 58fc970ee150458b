// The CLI in CI pipelines: GitHub workflow commands, GitLab Code Quality, --quiet,
// --max-warnings, a config on standard input with --stdin-filename, and --diff.
// Secrets stay masked in every one of them.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { CLEAN_APP } from '../helpers/core';
import { DIST } from '../helpers/paths';

const CLI = path.join(DIST, 'cli.js');
const PASSWORD = 'Sup3rSecretPw';

function cli(args: string[], options: { cwd?: string; input?: string } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: options.cwd, input: options.input, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A clean config with a password in its database URL, plus an inline comment (a warning with a safe fix) and a key nothing reads (a hint). */
const PROBLEMS = [...CLEAN_APP.map((l) => l.replace('postgresql://k@db.internal/k', `postgresql://k:${PASSWORD}@db.internal/k`)), 'git_path = git ; 100%% the default', 'full_stack = true', ''].join('\n');

function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kallithea-ci-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('CLI for CI', () => {
  test('--format github: one workflow command per diagnostic, with its place and rule, escaped', () => {
    const dir = folder({ 'site/production.ini': PROBLEMS + 'use_celery = maybe\n' });
    const r = cli(['--format', 'github', 'site/production.ini'], { cwd: dir });
    assert.equal(r.code, 1);
    const lines = r.stdout.trim().split('\n');
    for (const line of lines) assert.match(line, /^::(error|warning|notice) file=site\/production\.ini,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::\S/);
    const inline = lines.find((l) => l.includes('title=inline-comment'))!;
    assert.match(inline, /^::warning file=site\/production\.ini,line=15,col=/);
    // "%" in a message is escaped, so the runner gives it back as it was.
    assert.match(inline, /100%25%25 the default/);
    assert.ok(lines.some((l) => l.startsWith('::error ') && l.includes('title=invalid-boolean')));
    assert.ok(lines.some((l) => l.startsWith('::notice ')), 'information and hints are notices');
    assert.ok(!r.stdout.includes(PASSWORD));
  });

  test('--format gitlab: Code Quality issues whose fingerprints survive lines added above', () => {
    const dir = folder({ 'a.ini': PROBLEMS + 'git_path = git ; again\n' });
    const first = JSON.parse(cli(['--format', 'gitlab', 'a.ini'], { cwd: dir }).stdout) as { check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }[];
    const inline = first.filter((i) => i.check_name === 'inline-comment');
    assert.equal(inline.length, 2);
    assert.equal(inline[0].severity, 'major');
    assert.equal(inline[0].location.path, 'a.ini');
    assert.equal(new Set(first.map((i) => i.fingerprint)).size, first.length, 'every fingerprint is different');
    fs.writeFileSync(path.join(dir, 'a.ini'), '# a comment added on top\n\n' + PROBLEMS + 'git_path = git ; again\n');
    const moved = JSON.parse(cli(['--format', 'gitlab', 'a.ini'], { cwd: dir }).stdout) as typeof first;
    assert.deepEqual(moved.map((i) => i.fingerprint).sort(), first.map((i) => i.fingerprint).sort());
    assert.equal(moved.find((i) => i.fingerprint === inline[0].fingerprint)!.location.lines.begin, inline[0].location.lines.begin + 2);
    assert.ok(!JSON.stringify(moved).includes(PASSWORD));
  });

  test('--quiet shows errors only; --max-warnings N fails with more than N warnings', () => {
    const dir = folder({ 'a.ini': PROBLEMS });
    const all = cli(['--format', 'json', 'a.ini'], { cwd: dir });
    const warnings = (JSON.parse(all.stdout)[0].diagnostics as { severity: string }[]).filter((d) => d.severity === 'warning').length;
    assert.ok(warnings >= 1);
    assert.equal(all.code, 0);
    const quiet = cli(['--quiet', '--format', 'json', 'a.ini'], { cwd: dir });
    assert.deepEqual(JSON.parse(quiet.stdout)[0].diagnostics, []);
    assert.equal(cli(['--max-warnings', String(warnings), 'a.ini'], { cwd: dir }).code, 0);
    const over = cli(['--max-warnings', String(warnings - 1), '--quiet', 'a.ini'], { cwd: dir });
    assert.equal(over.code, 1);
    assert.match(over.stderr, new RegExp(`${warnings} warnings, more than --max-warnings ${warnings - 1}`));
    assert.equal(cli(['--max-warnings', '-1', 'a.ini'], { cwd: dir }).code, 2);
  });

  test('- reads standard input; --stdin-filename gives its name, %(here)s, its project file and its site', () => {
    const other = CLEAN_APP.join('\n').replace('cache_dir = /srv/d', 'cache_dir = /srv/other') + '\n';
    const dir = folder({
      'deploy/.kallithea-ini.json': JSON.stringify({ deployment: { instances: [['web*/kallithea.ini']] }, rules: { 'inline-comment': 'off' } }),
      'deploy/web2/kallithea.ini': other,
    });
    const piped = PROBLEMS.replace('cache_dir = /srv/d', 'cache_dir = %(here)s/data');
    const r = cli(['--format', 'json', '--stdin-filename', 'deploy/web1/kallithea.ini', '-'], { cwd: dir, input: piped });
    const [report] = JSON.parse(r.stdout) as { file: string; diagnostics: { rule: string; message: string }[] }[];
    assert.equal(report.file, 'deploy/web1/kallithea.ini');
    assert.ok(!report.diagnostics.some((d) => d.rule === 'inline-comment'), 'the project file of its folder turned the rule off');
    const shared = report.diagnostics.find((d) => d.rule === 'data-dir-not-shared');
    assert.ok(shared, 'compared with web2 from disk');
    assert.match(shared.message, new RegExp(`${path.join(dir, 'deploy', 'web1', 'data').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} here`));
    const bare = cli(['-'], { cwd: dir, input: '[app:main]\nuse = egg:kallithea\nbroken\n' });
    assert.equal(bare.code, 1);
    assert.match(bare.stdout, /^<stdin>:3:1: error: /m);
    assert.equal(cli(['--fix', '-'], { cwd: dir, input: piped }).code, 2);
    assert.equal(cli(['--stdin-filename', 'x.ini', 'a.ini'], { cwd: dir }).code, 2);
  });

  test('--diff prints what --fix would change, as a patch that gives the fixed file, and changes nothing', () => {
    const text = [...CLEAN_APP, 'git_path = git ; the default', 'use_celery = false  # off', ''].join('\n');
    const dir = folder({ 'a.ini': text, 'b.ini': text, 'clean.ini': CLEAN_APP.join('\n') + '\n' });
    const r = cli(['--diff', 'a.ini'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^--- a\/a\.ini\n\+\+\+ b\/a\.ini\n@@ -\d+,\d+ \+\d+,\d+ @@\n/);
    assert.equal(fs.readFileSync(path.join(dir, 'a.ini'), 'utf8'), text, '--diff changes nothing');
    assert.equal(cli(['--fix', 'b.ini'], { cwd: dir }).code, 0);
    const patched = spawnSync('patch', ['-p1', '-s'], { cwd: dir, input: r.stdout, encoding: 'utf8' });
    assert.equal(patched.status, 0, patched.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'a.ini'), 'utf8'), fs.readFileSync(path.join(dir, 'b.ini'), 'utf8'));
    const none = cli(['--diff', 'clean.ini'], { cwd: dir });
    assert.deepEqual([none.code, none.stdout], [0, '']);
  });

  test('--diff masks secrets in every line it shows', () => {
    const text = [...PROBLEMS.trimEnd().split('\n'), 'session.secret = Kept-Secret-Value-0123456789', 'use_celery = false ; off', ''].join('\n').replace(/^session\.secret = 0123456789abcdef0123456789abcdef\n/m, '');
    const dir = folder({ 'a.ini': text });
    const r = cli(['--diff', 'a.ini'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.ok(!r.stdout.includes(PASSWORD) && !r.stdout.includes('Kept-Secret-Value'), r.stdout);
    assert.match(r.stdout, /^ session\.secret = ••••••$/m);
    assert.match(r.stdout, /^-use_celery = false ; off$/m);
  });

  test('fmt --check lists the configs that would change (exit 1); fmt formats them; other .ini files are left alone', () => {
    const messy = CLEAN_APP.join('\n').replace('cut_off_limit = 256000', 'cut_off_limit=256000   ') + '\n';
    const dir = folder({ 'site/a.ini': messy, 'site/tidy.ini': CLEAN_APP.join('\n').replace('\n[app:main]', '\n\n[app:main]') + '\n', 'site/tox.ini': '[tox]\nenvlist=py3   \n' });
    const check = cli(['fmt', '--check', 'site'], { cwd: dir });
    assert.deepEqual([check.code, check.stdout], [1, 'would reformat site/a.ini\n']);
    assert.equal(fs.readFileSync(path.join(dir, 'site/a.ini'), 'utf8'), messy, '--check changes nothing');
    const run = cli(['fmt', 'site/a.ini', 'site/tox.ini'], { cwd: dir });
    assert.deepEqual([run.code, run.stdout], [0, 'formatted site/a.ini\n']);
    assert.match(fs.readFileSync(path.join(dir, 'site/a.ini'), 'utf8'), /^cut_off_limit = 256000$/m);
    assert.equal(fs.readFileSync(path.join(dir, 'site/tox.ini'), 'utf8'), '[tox]\nenvlist=py3   \n');
    assert.deepEqual(cli(['fmt', '--check', 'site'], { cwd: dir }).code, 0);
    assert.equal(cli(['fmt', '--write', 'site'], { cwd: dir }).code, 2);
    assert.equal(cli(['fmt'], { cwd: dir }).code, 2);
  });
});
