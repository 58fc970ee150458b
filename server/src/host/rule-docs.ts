// The rule pages (docs/rules/<id>.md), so that a diagnostic's link opens the page of
// the installed version, offline. From the repository and the npm package they are
// read where they are, found from where this code runs (dist/, or
// out/server/src/host/ in the tests). The .vsix carries them as one file,
// dist/rule-pages.json (one file compresses to half of 65 small ones, which kept the
// package under its size budget); a page is written out to the cache folder the
// first time a diagnostic links to it.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { userCacheFolder } from './cache-folder';

/** The file the build writes beside the bundles: { version, pages: { id: markdown } }. */
export const RULE_PAGES_FILE = 'rule-pages.json';

export class RuleDocs {
  private found?: { dir: string } | { version: string; pages: Record<string, string> } | null;
  /** Pages written out (or found as they should be) by this process: every lint links them, the disk is read once. */
  private readonly written = new Map<string, string>();

  constructor(
    /** Where the code runs: the folder searched upwards for docs/rules, and for rule-pages.json. */
    private readonly from: string,
    private readonly cacheFolder: () => string | undefined,
  ) {}

  /** A file: URI of the rule's page, or undefined when the pages are missing (or cannot be written out). */
  uri(ruleId: string): string | undefined {
    const found = this.locate();
    if (!found) return undefined;
    if ('dir' in found) return pathToFileURL(path.join(found.dir, `${ruleId}.md`)).toString();
    const page = found.pages[ruleId];
    const cache = this.cacheFolder();
    if (page === undefined || !cache) return undefined;
    const known = this.written.get(ruleId);
    if (known) return known;
    const file = path.join(cache, `rule-pages-${found.version}`, `${ruleId}.md`);
    try {
      if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== page) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, page);
      }
    } catch {
      return undefined;
    }
    const uri = pathToFileURL(file).toString();
    this.written.set(ruleId, uri);
    return uri;
  }

  /** The rule's page in Markdown, or undefined. */
  page(ruleId: string): string | undefined {
    const found = this.locate();
    if (!found) return undefined;
    if (!('dir' in found)) return found.pages[ruleId];
    try {
      return fs.readFileSync(path.join(found.dir, `${ruleId}.md`), 'utf8');
    } catch {
      return undefined;
    }
  }

  private locate() {
    if (this.found !== undefined) return this.found;
    this.found = null;
    for (let dir = this.from, up = 0; up < 6; up++, dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'docs', 'rules');
      if (fs.existsSync(path.join(candidate, 'utf8-bom.md'))) return (this.found = { dir: candidate });
    }
    try {
      const packed = JSON.parse(fs.readFileSync(path.join(this.from, RULE_PAGES_FILE), 'utf8')) as { version: string; pages: Record<string, string> };
      this.found = { version: String(packed.version).replace(/[^\w.-]/g, '_'), pages: packed.pages };
    } catch {
      // neither: no links
    }
    return this.found;
  }
}

const installed = new RuleDocs(__dirname, () => userCacheFolder());

/** A file: URI of the rule's page, or undefined when the pages are missing. */
export function ruleDocsUri(ruleId: string): string | undefined {
  return installed.uri(ruleId);
}

/** The rule's page in Markdown, or undefined. */
export function ruleDocsPage(ruleId: string): string | undefined {
  return installed.page(ruleId);
}
