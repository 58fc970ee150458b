// Finding and reading Kallithea configs on disk: one folder walk for the CLI and
// for the language server's workspace index.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { isKallitheaConfig } from '../core/model/detect';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '__pycache__', '.venv', 'venv']);

export type FileFilter = (file: string) => { listed: boolean; excluded: boolean };

/** Every .ini file under a folder, in a stable order, skipping tool and VCS folders (a generator: a caller may stop early). */
export function* iniFilesUnder(dir: string): Generator<string> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) yield* iniFilesUnder(full);
    } else if (e.isFile() && e.name.toLowerCase().endsWith('.ini')) yield full;
  }
}

/** .ini files under a folder that are Kallithea configs (or listed in `files`), in a stable order, skipping the excluded. */
export function findConfigs(dir: string, filter: FileFilter = () => ({ listed: false, excluded: false })): string[] {
  const found: string[] = [];
  for (const file of iniFilesUnder(dir)) {
    const { listed, excluded } = filter(file);
    if (excluded) continue;
    const text = readConfig(file);
    if (text && (listed || isKallitheaConfig(text.text))) found.push(file);
  }
  return found;
}

export interface ReadResult {
  text: string;
  /** False when the bytes are not valid UTF-8 (Python's loader would fail on them). */
  validUtf8: boolean;
}

export function readConfig(file: string): ReadResult | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  return decodeConfig(bytes);
}

/** The text of a config's bytes, and whether they are valid UTF-8. */
export function decodeConfig(bytes: Uint8Array): ReadResult {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), validUtf8: true };
  } catch {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), validUtf8: false };
  }
}
