// Installs code-server (a real VS Code: 4.100.3 = VS Code 1.100.3, the newest that
// runs on Node 20) into a cache folder outside the repository, offline-safe: no
// step downloads a binary. Reuses the install when it is already there.
//
// Needs Debian's chromium ripgrep libkrb5-dev libx11-dev libxkbfile-dev
// libsecret-1-dev pkg-config (scripts/vscode/apt-packages.txt), plus g++, make, python3.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const CODE_SERVER_VERSION = '4.100.3';
export const CACHE = process.env.KALLITHEA_VSCODE_CACHE ?? join(homedir(), '.cache', 'kallithea-ini', `code-server-${CODE_SERVER_VERSION}`);
export const ENTRY = join(CACHE, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const MARKER = join(CACHE, '.installed');

function run(cmd, args, cwd, env = {}) {
  console.log(`[code-server] ${cwd}$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}) in ${cwd}`);
}

export function installed() {
  return existsSync(MARKER) && existsSync(ENTRY);
}

export function install() {
  if (installed()) return ENTRY;
  const rg = spawnSync('which', ['rg'], { encoding: 'utf8' }).stdout.trim();
  if (!rg) throw new Error('ripgrep (rg) is missing: apt-get install ripgrep (see scripts/vscode/apt-packages.txt)');
  rmSync(CACHE, { recursive: true, force: true });
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(join(CACHE, 'package.json'), JSON.stringify({ name: 'kallithea-ini-code-server', private: true }));
  // Scripts off: code-server's postinstall refuses root, ripgrep's would download a binary.
  run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', `code-server@${CODE_SERVER_VERSION}`], CACHE);
  const vscode = join(CACHE, 'node_modules', 'code-server', 'lib', 'vscode');
  run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], vscode);
  // ripgrep's install step skips its download when bin/ exists: use Debian's rg.
  const rgBin = join(vscode, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgBin, { recursive: true });
  if (!existsSync(join(rgBin, 'rg'))) symlinkSync(rg, join(rgBin, 'rg'));
  run('npm', ['rebuild'], vscode, { npm_config_yes: 'true' });
  if (!existsSync(join(vscode, 'node_modules.asar'))) symlinkSync('node_modules', join(vscode, 'node_modules.asar'));
  run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], join(vscode, 'extensions'));
  run('npm', ['rebuild'], join(vscode, 'extensions'), { npm_config_yes: 'true' });
  run('npm', ['rebuild', 'argon2', '--build-from-source'], CACHE, { npm_config_yes: 'true' });
  const version = execFileSync(process.execPath, [ENTRY, '--version'], { encoding: 'utf8' });
  console.log(`[code-server] installed: ${version.trim().split('\n')[0]}`);
  writeFileSync(MARKER, version);
  return ENTRY;
}

if (import.meta.url === `file://${process.argv[1]}`) install();
