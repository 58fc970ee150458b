// The offline host: a real VS Code (code-server, installed by install-code-server.mjs)
// started on a loopback port, and Debian's Chromium driven by playwright-core to open
// its workbench. Used by the editor suite and by the workbench (screenshot) checks.

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENTRY, install } from './install-code-server.mjs';

export const CHROMIUM = process.env.KALLITHEA_CHROMIUM ?? '/usr/bin/chromium';

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Start code-server; resolves once it listens. `env` reaches the extension host. */
export async function startCodeServer({ env = {}, log = () => {}, userSettings } = {}) {
  install();
  const port = await freePort();
  const home = mkdtempSync(join(tmpdir(), 'kallithea-code-server-'));
  if (userSettings) {
    mkdirSync(join(home, 'user-data', 'User'), { recursive: true });
    writeFileSync(join(home, 'user-data', 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
  }
  const args = [
    ENTRY,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir', join(home, 'user-data'),
    '--extensions-dir', join(home, 'extensions'),
  ];
  const proc = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise((resolve, reject) => {
    const onData = (d) => {
      output += d;
      log(String(d));
      if (/HTTP server listening on/.test(output)) resolve();
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`code-server exited early (${code}):\n${output}`)));
  });
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    /** The workbench URL that loads the extension under development (and optionally runs a test module). */
    workbenchUrl(folder, extensionPath, testsPath) {
      const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
      const payload = [['extensionDevelopmentPath', remote(extensionPath)]];
      if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
      return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    },
    async stop() {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        await exited;
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}
