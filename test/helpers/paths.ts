// Where tests find things: the repository, its fixtures, the built bundles, and
// the shared corpus of generated Kallithea configs (present on project machines and in CI).

import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
export const EXAMPLES = path.join(ROOT, 'examples');
export const DIST = path.join(ROOT, 'dist');
export const CORPUS = path.resolve(ROOT, process.env.KALLITHEA_CORPUS ?? path.join('..', 'shared', 'corpus', 'kallithea-0.7'));

/** The corpus files, or [] when the corpus is absent; CI sets KALLITHEA_CORPUS_REQUIRED=1 so that absence fails. */
export function corpusFiles(): string[] {
  if (!fs.existsSync(CORPUS)) {
    if (process.env.KALLITHEA_CORPUS_REQUIRED === '1') throw new Error(`The corpus is required but missing at ${CORPUS}`);
    return [];
  }
  return fs
    .readdirSync(CORPUS)
    .filter((f) => f.endsWith('.ini'))
    .sort()
    .map((f) => path.join(CORPUS, f));
}

export function iniFilesIn(dir: string): string[] {
  const out: string[] = [];
  for (const name of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, name.name);
    if (name.isDirectory()) out.push(...iniFilesIn(full));
    else if (name.name.endsWith('.ini')) out.push(full);
  }
  return out.sort();
}

export function readText(file: string): string {
  return fs.readFileSync(file, 'utf8');
}
