// The README the .vsix carries (what the Extensions view shows): the parts of README.md
// about the extension in VS Code — the introduction, installing, settings, editor
// features, quick fixes, sites, older configs and the rules — without the sections
// for other editors, the command line, performance and development, and without the
// screenshots, which the package does not hold. `npm run build` writes it to
// dist/README.md; `npm run package` and the benchmark package it with --readme-path.
// (The whole README made the package pass its 300 KB budget.)

import { readFileSync, writeFileSync } from 'node:fs';

/** The level-2 sections of README.md kept, by title, besides the introduction. */
const KEPT = ['Install the extension', 'What it checks'];

export function extensionReadme(readme) {
  const parts = readme.split(/^(?=## )/m);
  const intro = parts[0];
  const kept = parts.filter((p) => KEPT.some((title) => p.startsWith(`## ${title}\n`)));
  const missing = KEPT.filter((title) => !kept.some((p) => p.startsWith(`## ${title}\n`)));
  if (missing.length) throw new Error(`README.md has no section ${missing.join(', ')}`);
  const text = [intro, ...kept].join('').replace(/^!\[[^\]]*\]\([^)]*\)\n\n?/gm, '');
  return `${text.trimEnd()}\n\nThe command line, other editors, performance and the tests are described in the README of the project's repository.\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(process.argv[3] ?? 'dist/README.md', extensionReadme(readFileSync(process.argv[2] ?? 'README.md', 'utf8')));
}
