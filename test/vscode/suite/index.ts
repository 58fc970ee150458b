// The editor suite's entry point. Both hosts call run(): @vscode/test-electron on a
// desktop VS Code, and code-server's extension host offline. The offline host
// exits 0 whatever happens, so the results also go to a JSON file the driver reads.

import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface Result {
  title: string;
  state: 'passed' | 'failed';
  error?: string;
  durationMs?: number;
}

export function run(): Promise<void> {
  // KALLITHEA_VSCODE_GREP runs only the tests whose titles match (while working on one).
  const mocha = new Mocha({ ui: 'bdd', timeout: 120_000, color: false, grep: process.env.KALLITHEA_VSCODE_GREP || undefined });
  const dir = __dirname;
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(dir, f));
  const resultsFile = process.env.KALLITHEA_VSCODE_RESULTS ?? path.join(dir, 'results.json');
  const results: Result[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      fs.writeFileSync(resultsFile, JSON.stringify({ done: true, results }, null, 2));
      if (failures > 0) reject(new Error(`${failures} editor test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
    runner.on('fail', (t, err: Error) => results.push({ title: t.fullTitle(), state: 'failed', error: String(err?.stack ?? err) }));
  });
}
