// The rule pages (docs/rules/<id>.md) ship with the extension and the npm package,
// beside the bundles, so a diagnostic's link opens the page of the installed
// version, offline. They are found from where this code runs: dist/ in a package,
// out/server/src/host/ in the tests.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

let cached: string | null | undefined;

/** The folder that holds the rule pages, or undefined when they were not shipped. */
export function ruleDocsDir(): string | undefined {
  if (cached === undefined) {
    cached = null;
    for (let dir = __dirname, up = 0; up < 6; up++, dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'docs', 'rules');
      if (fs.existsSync(path.join(candidate, 'utf8-bom.md'))) {
        cached = candidate;
        break;
      }
    }
  }
  return cached ?? undefined;
}

/** A file: URI of the rule's page, or undefined when the pages are missing. */
export function ruleDocsUri(ruleId: string): string | undefined {
  const dir = ruleDocsDir();
  return dir ? pathToFileURL(path.join(dir, `${ruleId}.md`)).toString() : undefined;
}

/** The rule's page in Markdown, or undefined. */
export function ruleDocsPage(ruleId: string): string | undefined {
  const dir = ruleDocsDir();
  if (!dir) return undefined;
  try {
    return fs.readFileSync(path.join(dir, `${ruleId}.md`), 'utf8');
  } catch {
    return undefined;
  }
}
