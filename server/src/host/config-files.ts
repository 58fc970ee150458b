// Finding and reading the files the CLI is asked about.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { isKallitheaConfig } from '../core/model/detect';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '__pycache__', '.venv', 'venv']);

export type FileFilter = (file: string) => { listed: boolean; excluded: boolean };

/** .ini files under a folder that are Kallithea configs (or listed in `files`), in a stable order, skipping the excluded. */
export function findConfigs(dir: string, filter: FileFilter = () => ({ listed: false, excluded: false })): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(full);
      } else if (e.isFile() && e.name.toLowerCase().endsWith('.ini')) {
        const { listed, excluded } = filter(full);
        if (excluded) continue;
        const text = readConfig(full);
        if (text && (listed || isKallitheaConfig(text.text))) found.push(full);
      }
    }
  };
  walk(dir);
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
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), validUtf8: true };
  } catch {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), validUtf8: false };
  }
}
