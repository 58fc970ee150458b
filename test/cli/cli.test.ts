// The CLI as a user runs it: `node dist/cli.js`, its formats, exit codes and --fix.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { CLEAN_APP, PARSE_RULES, python } from '../helpers/core';
import { RULES } from '../../server/src/core/rules';
import { rulesTable } from '../../server/src/core/rules/listing';
import { corpusFiles, CORPUS, DIST, EXAMPLES, FIXTURES } from '../helpers/paths';

const CLI = path.join(DIST, 'cli.js');

function cli(args: string[], cwd = process.cwd()) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempCopy(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kallithea-cli-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A complete, clean config; tests add the lines they are about after it. */
const BASE = CLEAN_APP.join('\n') + '\n';
const BASE_LINES = CLEAN_APP.length;
const LOADS_WITH_WARNINGS = BASE + 'git_path = git ; the default\n';

describe('CLI', () => {
  test("text output looks like a compiler's: file:line:col: severity: message [rule]", () => {
    const file = tempCopy('a.ini', BASE + 'broken\n');
    const r = cli([file]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, new RegExp(`^${escape(file)}:${BASE_LINES + 1}:1: error: .* \\[invalid-line\\]$`, 'm'));
    assert.match(r.stdout, /1 file checked: 1 problem \(1 error/);
  });

  test('json output has one object per file with 1-based positions', () => {
    const file = tempCopy('b.ini', LOADS_WITH_WARNINGS);
    const r = cli(['--format', 'json', file]);
    assert.equal(r.code, 0, 'warnings alone exit 0');
    const out = JSON.parse(r.stdout);
    assert.equal(typeof out[0].diagnostics[0].message, 'string');
    assert.deepEqual(out, [
      {
        file,
        diagnostics: [{ rule: 'inline-comment', severity: 'warning', line: BASE_LINES + 1, column: 16, endLine: BASE_LINES + 1, endColumn: 29, message: out[0].diagnostics[0].message }],
      },
    ]);
  });

  test('sarif output is SARIF 2.1.0 with rules, levels and regions', () => {
    const file = tempCopy('c.ini', BASE + 'broken\n');
    const r = cli(['--format=sarif', path.basename(file)], path.dirname(file));
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'kallithea-ini');
    const result = run.results[0];
    assert.equal(result.ruleId, 'invalid-line');
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, 'invalid-line');
    assert.equal(result.level, 'error');
    assert.deepEqual(result.locations[0].physicalLocation.artifactLocation, { uri: 'c.ini', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: BASE_LINES + 1, startColumn: 1, endLine: BASE_LINES + 1, endColumn: 7 });
    // Each rule's page travels inline, for code scanning to show.
    const rule = run.tool.driver.rules[result.ruleIndex];
    assert.match(rule.help.markdown, /^# `invalid-line`/);
    assert.match(rule.help.markdown, /## Bad/);
    assert.doesNotMatch(rule.help.text, /`/);
    assert.equal(rule.properties.category, 'syntax');
    assert.equal(rule.helpUri, undefined);
  });

  test('--list-rules prints every rule: aligned text, JSON with its metadata, or the README table', () => {
    const json = cli(['--list-rules', '--format', 'json']);
    assert.equal(json.code, 0, json.stderr);
    const listed = JSON.parse(json.stdout) as { id: string; severity: string; category: string; fixable: boolean; description: string; docs: string }[];
    assert.deepEqual(listed.map((r) => r.id), RULES.map((r) => r.id));
    for (const r of listed) {
      assert.deepEqual(Object.keys(r), ['id', 'severity', 'category', 'fixable', 'description', 'docs']);
      assert.ok(r.docs.startsWith('file://') && fs.existsSync(new URL(r.docs)), `${r.id}: ${r.docs}`);
    }
    assert.equal(listed.find((r) => r.id === 'inline-comment')!.fixable, true);
    assert.equal(listed.find((r) => r.id === 'recursive-reference')!.fixable, false);
    assert.equal(cli(['--list-rules', '--format', 'markdown']).stdout, rulesTable());
    const text = cli(['--list-rules']).stdout.trimEnd().split('\n');
    assert.equal(text.length, RULES.length);
    assert.match(text.find((l) => l.startsWith('sqlite-multi-worker'))!, /^sqlite-multi-worker +warning +deployment +fix +SQLite used by several/);
    assert.equal(cli(['--list-rules', '--format', 'sarif']).code, 2);
  });

  test('folders are searched for Kallithea configs only', () => {
    const r = cli(['--format', 'json', FIXTURES]);
    const files = JSON.parse(r.stdout).map((f: { file: string }) => path.basename(f.file));
    assert.ok(files.includes('production-gunicorn.ini'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kallithea-none-'));
    fs.writeFileSync(path.join(dir, 'setup.ini'), '[metadata]\nname = x\n');
    const none = cli([dir]);
    assert.equal(none.code, 0);
    assert.match(none.stderr, /no Kallithea config/);
  });

  test('bad usage and unreadable files exit 2 with a clear message', () => {
    const bad = cli(['--format', 'xml', 'x.ini']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--format takes text, json, sarif, github or gitlab, not "xml"/);
    assert.equal(cli([]).code, 2);
    assert.equal(cli(['--bogus', 'x']).code, 2);
    const missing = cli(['/no/such/file.ini']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read \/no\/such\/file\.ini/);
  });

  test('a file that is not UTF-8 is reported, not misread', () => {
    const file = tempCopy('latin1.ini', '');
    fs.writeFileSync(file, Buffer.from('[app:main]\nuse = egg:kallithea\ntitle = caf\xe9\n', 'latin1'));
    const r = cli(['--format', 'json', file]);
    assert.equal(r.code, 1);
    assert.equal(JSON.parse(r.stdout)[0].diagnostics[0].rule, 'invalid-encoding');
  });

  test('--fix applies the safe fixes on disk, keeps CRLF and comments, and a second run changes nothing', () => {
    const base = BASE.replace('sqlalchemy.url = postgresql://k@db.internal/k\n', '').replace(/\n/g, '\r\n');
    const original = '\ufeff# keep me\r\n' + base + 'sqlalchemy.url = postgresql://u:p%40ss@db/k\r\nuse_celery = false  ; keep it off\r\n';
    const file = tempCopy('fix.ini', original);
    const r = cli(['--fix', '--format', 'json', file]);
    assert.equal(r.code, 0, r.stdout);
    assert.deepEqual(JSON.parse(r.stdout)[0].diagnostics, []);
    const fixed = fs.readFileSync(file, 'utf8');
    assert.equal(fixed, '# keep me\r\n' + base + 'sqlalchemy.url = postgresql://u:p%%40ss@db/k\r\n; keep it off\r\nuse_celery = false\r\n');
    assert.equal(python(fixed).readError, null);
    cli(['--fix', file]);
    assert.equal(fs.readFileSync(file, 'utf8'), fixed);
  });

  test('--upgrade rewrites old configs for 0.7 (CRLF kept), lists the changes, and a second run changes nothing', () => {
    const original = fs.readFileSync(path.join(FIXTURES, 'generations', 'kallithea-0.2.ini'), 'utf8').replace(/\n/g, '\r\n');
    const file = tempCopy('production.ini', original);
    const before = cli(['--format', 'json', file]);
    const legacy = JSON.parse(before.stdout)[0].diagnostics.find((d: { rule: string }) => d.rule === 'legacy-config');
    assert.ok(legacy.related.length > 20, 'the gathered findings travel in the JSON output');
    const r = cli(['--upgrade', '--format', 'json', file]);
    assert.match(r.stderr, /upgraded .*production\.ini to Kallithea 0\.7 \(\d+ changes\):\n {2}commented out pdebug \(line 8\)/);
    assert.match(r.stderr, /renamed sqlalchemy\.db1\.url to sqlalchemy\.url \(line 67\)/);
    const left = JSON.parse(r.stdout)[0].diagnostics.map((d: { rule: string }) => d.rule);
    assert.ok(!left.includes('legacy-config') && !left.includes('deprecated-key'), left.join());
    // What is true in every release is still reported after the upgrade.
    for (const rule of ['threaded-worker', 'weak-secret', 'mysql-charset']) assert.ok(left.includes(rule), rule);
    const upgraded = fs.readFileSync(file, 'utf8');
    assert.equal(upgraded.replace(/\r\n/g, '').includes('\n'), false, 'every line keeps CRLF');
    assert.equal(python(upgraded).readError, null);
    assert.equal(python(upgraded).raw!['app:main']['sqlalchemy.url'], 'mysql://kallithea:pw@db.example.org/kallithea');
    const again = cli(['--upgrade', file]);
    assert.equal(again.stderr, '');
    assert.equal(fs.readFileSync(file, 'utf8'), upgraded);
  });

  test('RhodeCode configs are found in folders, as legacy configs', () => {
    const dir = path.dirname(tempCopy('rhodecode.ini', fs.readFileSync(path.join(FIXTURES, 'generations', 'rhodecode-1.x.ini'), 'utf8')));
    const r = cli(['--format', 'json', dir]);
    const [report] = JSON.parse(r.stdout);
    assert.match(report.file, /rhodecode\.ini$/);
    assert.ok(report.diagnostics.some((d: { rule: string; message: string }) => d.rule === 'legacy-config' && d.message.includes('RhodeCode 1.x/2.x')));
  });

  test('the project file: found upwards, --config and --no-config, exclude in folder searches, a broken one exits 2', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kallithea-cli-project-'));
    fs.mkdirSync(path.join(dir, 'deploy', 'old'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.kallithea-ini.json'), JSON.stringify({ rules: { 'inline-comment': 'off' }, exclude: ['deploy/old/**'] }));
    fs.writeFileSync(path.join(dir, 'deploy', 'kallithea.ini'), LOADS_WITH_WARNINGS);
    fs.writeFileSync(path.join(dir, 'deploy', 'old', 'kallithea.ini'), LOADS_WITH_WARNINGS);
    const rulesIn = (r: { stdout: string }) => JSON.parse(r.stdout).flatMap((f: { diagnostics: { rule: string }[] }) => f.diagnostics.map((d) => d.rule));
    const found = cli(['--format', 'json', path.join(dir, 'deploy')]);
    assert.deepEqual(JSON.parse(found.stdout).map((f: { file: string }) => path.relative(dir, f.file)), [path.join('deploy', 'kallithea.ini')], 'deploy/old is excluded');
    assert.deepEqual(rulesIn(found), []);
    assert.ok(rulesIn(cli(['--format', 'json', '--no-config', path.join(dir, 'deploy', 'kallithea.ini')])).includes('inline-comment'));
    const other = path.join(dir, 'strict.json');
    fs.writeFileSync(other, JSON.stringify({ rules: { 'inline-comment': 'error' } }));
    const strict = cli(['--format', 'json', '--config', other, path.join(dir, 'deploy', 'kallithea.ini')]);
    assert.equal(strict.code, 1);
    assert.equal(JSON.parse(strict.stdout)[0].diagnostics[0].severity, 'error');
    // The flags stand above the project file.
    assert.ok(rulesIn(cli(['--format', 'json', '--rule', 'inline-comment=warning', path.join(dir, 'deploy', 'kallithea.ini')])).includes('inline-comment'));
    fs.writeFileSync(path.join(dir, '.kallithea-ini.json'), '{\n  "rules": {"inline-comment": "off"},\n  "exclude": "old"\n}\n');
    const broken = cli(['--format', 'json', path.join(dir, 'deploy', 'kallithea.ini')]);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /\.kallithea-ini\.json:3:3: "exclude" must be a list of globs/);
    assert.deepEqual(rulesIn(broken), [], 'the valid keys still apply and the config is still checked');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the examples show what the extension reports', () => {
    const r = cli(['--format', 'json', EXAMPLES]);
    const rules = JSON.parse(r.stdout).flatMap((f: { diagnostics: { rule: string }[] }) => f.diagnostics.map((d) => d.rule));
    for (const rule of ['inline-comment', 'bad-percent', 'undefined-reference', 'duplicate-key', 'indented-key']) assert.ok(rules.includes(rule), rule);
    // Every security and startup-correctness rule shows at least once.
    const security = ['debug-enabled', 'weak-secret', 'cookie-session-no-validate-key', 'error-email-incomplete', 'prefix-trusts-forwarded', 'logging-here-interpolation', 'environ-key-name', 'forwarded-without-proxy', 'session-not-secure', 'smtp-plaintext-credentials', 'smtp-mode-port', 'missing-required-key', 'ignore-alembic-revision', 'issue-tracker-incomplete', 'url-format', 'ssh-config', 'uwsgi-python-interpolation', 'uwsgi-hook-interpreter', 'db-setting-in-ini', 'auth-ret-code', 'i18n-lang'];
    assert.deepEqual(security.filter((r) => !rules.includes(r)), []);
  });

  test('the corpus of generated configs has no parse-level error', () => {
    const files = corpusFiles();
    if (files.length === 0) return void console.log(`# corpus not present at ${CORPUS}; CI requires it`);
    const r = cli(['--format', 'json', CORPUS]);
    const reports = JSON.parse(r.stdout) as { file: string; diagnostics: { rule: string; severity: string }[] }[];
    assert.equal(reports.length, 15);
    for (const report of reports) assert.deepEqual(report.diagnostics.filter((d) => PARSE_RULES.includes(d.rule)), [], report.file);
  });

  test('on the corpus: sqlite-multi-worker only for the two 4-worker SQLite files, static-files-behind-proxy nowhere', () => {
    if (corpusFiles().length === 0) return void console.log(`# corpus not present at ${CORPUS}; CI requires it`);
    const reports = JSON.parse(cli(['--format', 'json', CORPUS]).stdout) as { file: string; diagnostics: { rule: string }[] }[];
    const filesWith = (rule: string) => reports.filter((r) => r.diagnostics.some((d) => d.rule === rule)).map((r) => path.basename(r.file));
    assert.deepEqual(filesWith('sqlite-multi-worker'), ['gunicorn-sqlite.ini', 'uwsgi-sqlite.ini']);
    assert.deepEqual(filesWith('static-files-behind-proxy'), []);
    assert.deepEqual(filesWith('data-dir-not-shared'), [], 'the 15 files are alternatives in one folder, not instances');
    assert.deepEqual(filesWith('instances-disagree'), [], 'alternatives are not compared as instances');
    assert.deepEqual(filesWith('db-connection-budget'), [], 'no generated config opens more connections than its database allows');
    assert.deepEqual(filesWith('unknown-key'), [], 'every key the generator writes is known');
    for (const rule of ['debug-enabled', 'weak-secret', 'missing-required-key']) assert.deepEqual(filesWith(rule), [], `${rule}: the generated configs have random secrets, debug off and every required key`);
  });

  test('instances in sibling folders that share a database are compared with each other', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kallithea-sites-'));
    const text = '[app:main]\nuse = egg:kallithea\ncache_dir = %(here)s/data\nindex_dir = %(here)s/data/index\nsqlalchemy.url = postgresql://k@db.internal/k\n';
    for (const host of ['host-a', 'host-b']) {
      fs.mkdirSync(path.join(dir, host));
      fs.writeFileSync(path.join(dir, host, 'kallithea.ini'), text);
    }
    const reports = JSON.parse(cli(['--format', 'json', dir]).stdout) as { diagnostics: { rule: string }[] }[];
    assert.deepEqual(
      reports.map((r) => r.diagnostics.filter((d) => d.rule === 'data-dir-not-shared').length),
      [2, 2],
    );
    const fixed = cli(['--fix', '--shared-data-dir', '/srv/shared/data', '--format', 'json', dir]);
    assert.deepEqual(JSON.parse(fixed.stdout).flatMap((r: { diagnostics: { rule: string }[] }) => r.diagnostics.map((d) => d.rule)).filter((r: string) => r === 'data-dir-not-shared'), []);
    assert.match(fs.readFileSync(path.join(dir, 'host-b', 'kallithea.ini'), 'utf8'), /^index_dir = \/srv\/shared\/data\/index$/m);
  });

  test('--rule changes a severity or turns a rule off', () => {
    const file = tempCopy('r.ini', LOADS_WITH_WARNINGS);
    assert.equal(cli(['--rule', 'inline-comment=error', file]).code, 1);
    assert.deepEqual(JSON.parse(cli(['--rule=inline-comment=off', '--format', 'json', file]).stdout)[0].diagnostics, []);
    assert.equal(cli(['--rule', 'inline-comment=loud', file]).code, 2);
  });
});

describe('CLI --compare', () => {
  const SECRET_1 = '0123456789abcdef0123456789abcdef';
  const SECRET_2 = 'fedcba9876543210fedcba9876543210';
  function site(): string[] {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kallithea-compare-'));
    const write = (host: string, text: string) => {
      fs.mkdirSync(path.join(dir, host));
      fs.writeFileSync(path.join(dir, host, 'kallithea.ini'), text);
      return path.join(dir, host, 'kallithea.ini');
    };
    const server = (port: number) => `[server:main]\nuse = egg:gunicorn#main\nport = ${port}\n`;
    return [
      write('web1', server(5000) + BASE.replace('postgresql://k@db.internal/k', 'postgresql://k:dbpass@db.internal/k')),
      write('web2', server(5001) + BASE.replace(SECRET_1, SECRET_2).replace('postgresql://k@db.internal/k', 'postgresql://k:dbpass@db.internal/k')),
    ];
  }

  test('text: one column per instance, the shared settings marked, secrets masked; exit 1 when one differs', () => {
    const files = site();
    const r = cli(['--compare', ...files]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, new RegExp(`\\[1\\] ${escape(files[0])}\\n  \\[2\\] ${escape(files[1])}`));
    assert.match(r.stdout, /^! session\.secret\s+•+\s+•+$/m);
    assert.match(r.stdout, /^= app_instance_uuid\s+•+\s+•+$/m);
    assert.match(r.stdout, /^= sqlalchemy\.url\s+postgresql:\/\/k:•+@db\.internal\/k\s+postgresql/m);
    assert.match(r.stdout, /^~ \[server\] port\s+5000\s+5001$/m);
    assert.match(r.stdout, /1 setting that must agree differs: session\.secret\./);
    for (const secret of [SECRET_1, SECRET_2, 'dbpass', '9f8e7d6c5b4a39281706f5e4d3c2b1a0']) assert.ok(!r.stdout.includes(secret), secret);
  });

  test('json: instances, and rows of key, mustAgree, values and differs; exit 0 when the shared settings agree', () => {
    const files = site();
    fs.writeFileSync(files[1], fs.readFileSync(files[1], 'utf8').replace(SECRET_2, SECRET_1));
    const r = cli(['--compare', '--format', 'json', ...files]);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { instances: string[]; rows: { key: string; mustAgree: boolean; values: (string | null)[]; differs: boolean }[] };
    assert.deepEqual(out.instances, files);
    const row = (key: string) => out.rows.find((x) => x.key === key);
    assert.deepEqual(row('session.secret'), { key: 'session.secret', mustAgree: true, values: ['••••••', '••••••'], differs: false });
    assert.deepEqual(row('[server] port'), { key: '[server] port', mustAgree: false, values: ['5000', '5001'], differs: true });
    assert.deepEqual(row('canonical_url'), { key: 'canonical_url', mustAgree: true, values: [null, null], differs: false });
    assert.equal(row('cut_off_limit'), undefined, 'a setting that agrees and need not is left out');
    assert.ok(!r.stdout.includes('dbpass'));
  });

  test('bad usage: --compare with sarif, or with --fix', () => {
    const files = site();
    assert.equal(cli(['--compare', '--format', 'sarif', ...files]).code, 2);
    assert.equal(cli(['--compare', '--fix', ...files]).code, 2);
  });
});
