// `npm run test:vscode`: the editor suite (test/vscode/suite) in a real VS Code.
// - Desktop VS Code through @vscode/test-electron when one is available: set
//   KALLITHEA_VSCODE_EXECUTABLE to an installed VS Code, or KALLITHEA_VSCODE_DOWNLOAD=1
//   on a machine with internet to let test-electron download one.
// - Otherwise the offline host: code-server (VS Code 1.100) with Debian's Chromium.
// It says which host it used, prints every test by name, and exits non-zero on failure.

import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, startCodeServer } from './code-server-host.mjs';
import { workbenchChecks } from './workbench-checks.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SUITE = join(ROOT, 'out', 'test', 'vscode', 'suite', 'index.js');
const FIXTURE = join(ROOT, 'test', 'vscode', 'workspace');
const TIMEOUT_MS = Number(process.env.KALLITHEA_VSCODE_TIMEOUT_MS ?? 600_000);

function report(results, host) {
  console.log(`\nEditor tests on ${host}:`);
  for (const r of results) {
    console.log(`  ${r.state === 'passed' ? '✔' : '✖'} ${r.title}${r.durationMs !== undefined ? ` (${r.durationMs} ms)` : ''}`);
    if (r.error) console.log(r.error.split('\n').map((l) => `      ${l}`).join('\n'));
  }
  const passed = results.filter((r) => r.state === 'passed').length;
  const failed = results.length - passed;
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0;
}

/** Resolves when the results file says the run is done (watching the folder, never polling on a timer). */
function waitForResults(file, ms) {
  return new Promise((resolvePromise, reject) => {
    const read = () => {
      try {
        const data = JSON.parse(readFileSync(file, 'utf8'));
        if (data.done) return data;
      } catch {
        // not written yet, or being written
      }
      return undefined;
    };
    const watcher = watch(dirname(file), () => {
      const data = read();
      if (data) finish(null, data);
    });
    const timer = setTimeout(() => finish(new Error(`no editor test results within ${ms} ms`)), ms);
    const finish = (err, data) => {
      clearTimeout(timer);
      watcher.close();
      if (err) reject(err);
      else resolvePromise(data);
    };
    const early = read();
    if (early) finish(null, early);
  });
}

/**
 * The suite must be able to fail: a copy of the extension whose client points at a
 * server that is not there has to fail editor tests. (Waits are shortened, since
 * every one of them times out.)
 */
function brokenExtension(scratch) {
  const dir = join(scratch, 'broken-extension');
  for (const f of ['package.json', 'language-configuration.json', 'dist/extension.js', 'syntaxes', 'snippets']) cpSync(join(ROOT, f), join(dir, f), { recursive: true });
  // dist/server.js is deliberately left out: the client's server path leads nowhere.
  return dir;
}

async function desktop(workspace) {
  const { runTests } = await import('@vscode/test-electron');
  const resultsFile = join(workspace, '..', 'results.json');
  const host = process.env.KALLITHEA_VSCODE_EXECUTABLE ? `desktop VS Code (${process.env.KALLITHEA_VSCODE_EXECUTABLE})` : 'desktop VS Code (downloaded by @vscode/test-electron)';
  console.log(`Host: ${host}`);
  try {
    await runTests({
      vscodeExecutablePath: process.env.KALLITHEA_VSCODE_EXECUTABLE,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
      extensionTestsEnv: { KALLITHEA_VSCODE_RESULTS: resultsFile },
    });
  } catch {
    // The results file says what failed.
  }
  return report(JSON.parse(readFileSync(resultsFile, 'utf8')).results, host);
}

async function offline(workspace, extensionPath = ROOT, extraEnv = {}) {
  const resultsFile = join(workspace, '..', 'results.json');
  const server = await startCodeServer({ env: { KALLITHEA_VSCODE_RESULTS: resultsFile, ...extraEnv } });
  const host = `code-server ${server.url} (VS Code 1.100, offline) with ${process.env.KALLITHEA_CHROMIUM ?? '/usr/bin/chromium'}`;
  console.log(`Host: ${host}`);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(server.workbenchUrl(workspace, extensionPath, SUITE));
    const { results } = await waitForResults(resultsFile, TIMEOUT_MS);
    return extensionPath === ROOT ? report(results, host) : results;
  } finally {
    await browser.close();
    await server.stop();
  }
}

async function main() {
  if (!existsSync(SUITE)) throw new Error(`${SUITE} is missing: run "npm run pretest:vscode" first`);
  // The suite edits files, so it works on a copy of the fixture workspace.
  const scratch = mkdtempSync(join(tmpdir(), 'kallithea-vscode-'));
  const workspace = join(scratch, 'workspace');
  cpSync(FIXTURE, workspace, { recursive: true });
  try {
    if (process.argv.includes('--expect-broken-client')) {
      const results = await offline(workspace, brokenExtension(scratch), { KALLITHEA_VSCODE_WAIT_MS: '8000' });
      const failed = results.filter((r) => r.state === 'failed').length;
      console.log(`Broken-client check: ${failed} of ${results.length} editor tests failed with the server missing${failed ? ', as they must' : ' (they should have)'}.`);
      process.exitCode = failed > 0 ? 0 : 1;
      return;
    }
    const useDesktop = !!process.env.KALLITHEA_VSCODE_EXECUTABLE || process.env.KALLITHEA_VSCODE_DOWNLOAD === '1';
    let ok = useDesktop ? await desktop(workspace) : await offline(workspace);
    if (!useDesktop && !process.argv.includes('--no-workbench')) {
      // The workbench checks look at the screen, so they get a fresh copy of the workspace.
      const fresh = join(scratch, 'workbench');
      cpSync(FIXTURE, fresh, { recursive: true });
      const results = await workbenchChecks({ root: ROOT, workspace: fresh, imagesDir: join(ROOT, 'docs', 'images') });
      ok = report(results, 'the code-server workbench in Chromium') && ok;
    }
    process.exitCode = ok ? 0 : 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
