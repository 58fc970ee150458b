// `npm start`: build, package the extension as kallithea-ini-<version>.vsix, and
// lint the bundled examples/ in the terminal, showing what the editor will show.

import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const step = (title, cmd, args) => {
  console.log(`\n== ${title}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  return r.status ?? 1;
};

if (step('Building and packaging the extension', npm, ['run', '--silent', 'package']) !== 0) process.exit(1);
const vsix = `kallithea-ini-${version}.vsix`;
console.log(`Packaged ${vsix} (${Math.round(statSync(vsix).size / 1024)} KB). Install it with: code --install-extension ${vsix}`);

// The examples contain problems on purpose, so a non-zero lint status is expected here.
const status = step('What Kallithea INI reports on examples/', process.execPath, ['dist/cli.js', 'examples']);
if (status === 2) process.exit(2);
console.log('\nThe same checks run live in VS Code, in any LSP editor (dist/server.js --stdio), and in CI (dist/cli.js --format sarif).');
