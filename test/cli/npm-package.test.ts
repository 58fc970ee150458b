// The npm package as a user gets it: `npm pack`, then `npm install -g` of the tarball
// into an empty prefix. The two commands work from there: the linter on a config, and
// the language server answering `initialize` over stdio. The package installs no
// dependency at all (the bundles hold everything) and carries no test file.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { CLEAN_APP } from '../helpers/core';
import { ROOT } from '../helpers/paths';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

test('npm pack, then npm install -g into an empty prefix: kallithea-ini-lint and kallithea-ini-language-server work', async () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kallithea-npm-'));
  // --ignore-scripts: the bundles npm test built, not a rebuild (prepare) while other tests run them.
  const packed = spawnSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(packed.status, 0, packed.stderr);
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  const files = info.files.map((f) => f.path);
  assert.ok(files.includes('schemas/kallithea-ini.schema.json'), 'the project file schema is in the package');
  assert.deepEqual(files.filter((f) => /(^|\/)(test|out)\/|\.test\.|\.ts$|\.map$/.test(f)), [], 'no test file, no source');
  const { version, name } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; name: string };
  const tarball = path.join(scratch, info.filename);
  assert.equal(path.basename(tarball), `${name}-${version}.tgz`);

  const prefix = path.join(scratch, 'prefix');
  fs.mkdirSync(prefix);
  const installed = spawnSync(npm, ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', tarball], { encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  assert.equal(installed.status, 0, installed.stderr);
  const bin = (cmd: string) => path.join(prefix, process.platform === 'win32' ? '' : 'bin', cmd);
  assert.ok(!fs.existsSync(path.join(prefix, 'lib', 'node_modules', name, 'node_modules')), 'no dependency was installed');

  const v = spawnSync(bin('kallithea-ini-lint'), ['--version'], { encoding: 'utf8' });
  assert.deepEqual([v.status, v.stdout.trim()], [0, version]);
  const config = path.join(scratch, 'production.ini');
  fs.writeFileSync(config, [...CLEAN_APP, 'use_celery = false ; off', ''].join('\n'));
  const lint = spawnSync(bin('kallithea-ini-lint'), [config], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(lint.status, 1, lint.stdout + lint.stderr);
  assert.match(lint.stdout, /production\.ini:\d+:\d+: error: .*\[invalid-boolean\]/);

  const server = spawn(bin('kallithea-ini-language-server'), ['--stdio'], { env: { ...process.env, KALLITHEA_INI_CACHE_DIR: path.join(scratch, 'cache') } });
  const conn = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  conn.listen();
  const answer = (await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} })) as { serverInfo: { name: string; version: string }; capabilities: object };
  assert.deepEqual(answer.serverInfo, { name: 'kallithea-ini-language-server', version });
  await conn.sendRequest('shutdown');
  const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
  await conn.sendNotification('exit');
  assert.equal(await exited, 0);
  conn.dispose();
  fs.rmSync(scratch, { recursive: true, force: true });
});
