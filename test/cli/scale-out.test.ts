// `node dist/cli.js scale-out` as an admin runs it: the files it writes, the lint and
// --compare of them, its refusals (exit 2), and that it overwrites nothing unless --force.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { corpusFiles, DIST, EXAMPLES } from '../helpers/paths';

const CLI = path.join(DIST, 'cli.js');

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), 'kallithea-scale-out-'));

function args(out: string, config: string, extra: string[] = []): string[] {
  return ['scale-out', '--hosts', 'web1,web2', '--workers', '4', '--server', 'gunicorn', '--database-url', 'postgresql://kallithea:pw@db.internal/kallithea', '--shared-dir', '/srv/kallithea-shared/data', '--out', out, ...extra, config];
}

describe('CLI scale-out', () => {
  test('writes a config per host, the web server and the project file; lint and --compare find the site sound', (t) => {
    const [config] = corpusFiles().filter((f) => f.endsWith('gunicorn-sqlite.ini'));
    if (!config) return t.skip('the corpus is not here');
    const out = path.join(scratch(), 'deploy');
    const r = cli(args(out, config, ['--public-url', 'https://code.example.org']));
    assert.equal(r.code, 0, r.stderr);
    for (const f of ['web1/kallithea.ini', 'web2/kallithea.ini', 'nginx-kallithea.conf', '.kallithea-ini.json']) {
      assert.ok(fs.existsSync(path.join(out, f)), f);
      assert.match(r.stdout, new RegExp(`^wrote ${path.join(out, f).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `, 'm'));
    }
    assert.match(r.stdout, /gearbox serve -c kallithea\.ini/);
    assert.doesNotMatch(r.stdout, /still to do/);
    // The project file groups them: linting the folder finds them, and finds no warning or error.
    const lint = cli([out]);
    assert.equal(lint.code, 0, lint.stdout);
    assert.match(lint.stdout, /2 files checked: .*\(0 errors, 0 warnings,/);
    const compare = cli(['--compare', '--format', 'json', path.join(out, 'web1/kallithea.ini'), path.join(out, 'web2/kallithea.ini')]);
    assert.equal(compare.code, 0, compare.stdout);
    assert.deepEqual(JSON.parse(compare.stdout).rows.filter((row: { mustAgree: boolean; differs: boolean }) => row.mustAgree && row.differs), []);
  });

  test('never overwrites a file without --force, and writes nothing then', () => {
    const out = scratch();
    const config = path.join(EXAMPLES, 'production.ini');
    fs.mkdirSync(path.join(out, 'web2'));
    fs.writeFileSync(path.join(out, 'web2', 'kallithea.ini'), 'mine\n');
    const refused = cli(args(out, config));
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /web2\/kallithea\.ini exists; nothing was written \(--force overwrites\)/);
    assert.equal(fs.readFileSync(path.join(out, 'web2', 'kallithea.ini'), 'utf8'), 'mine\n');
    assert.ok(!fs.existsSync(path.join(out, 'web1')));
    const forced = cli(args(out, config, ['--force']));
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(fs.readFileSync(path.join(out, 'web2', 'kallithea.ini'), 'utf8'), /^sqlalchemy\.url = postgresql:\/\/kallithea:pw@db\.internal\/kallithea$/m);
  });

  test('bad or missing options: a clear message and exit 2', () => {
    const out = scratch();
    const config = path.join(EXAMPLES, 'production.ini');
    const cases: [string[], RegExp][] = [
      [['scale-out', '--hosts', 'web1', config], /missing --workers, --server, --database-url, --shared-dir, --out/],
      [args(out, config).filter((a) => a !== config), /no config FILE given/],
      [args(out, config, ['--colour']), /unknown option --colour/],
      [args(out, config).map((a) => (a === 'gunicorn' ? 'tomcat' : a)), /--server takes gunicorn, uwsgi, waitress, mod_wsgi, not "tomcat"/],
      [args(out, config).map((a) => (a.startsWith('postgresql') ? 'sqlite:///kallithea.db' : a)), /--database-url: SQLite cannot be shared/],
      [args(out, config).map((a) => (a === '4' ? 'four' : a)), /--workers: Give a whole number/],
      [args(out, config).map((a) => (a === 'web1,web2' ? 'web1,localhost' : a)), /--hosts: "localhost" is this machine/],
      [args(out, config, ['--public-url', 'ftp://x']), /--public-url: Give the address users open/],
      [args(out, path.join(out, 'missing.ini')), /cannot read/],
    ];
    for (const [argv, message] of cases) {
      const r = cli(argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.stderr, message);
    }
    assert.deepEqual(fs.readdirSync(out), []);
    assert.match(cli(['scale-out', '--help']).stdout, /^Usage: kallithea-ini-lint scale-out/);
  });
});
