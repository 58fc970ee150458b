// `.kallithea-ini.json`: one configuration for every editor, the CLI and CI. It
// holds the `kallithea.*` settings without the prefix, plus `exclude`. This module
// reads its text (pure: finding the file is the hosts' job) and says precisely
// what is wrong with it, so a typo never silently changes what the checks see.

import { parseRuleSetting, RULE_SETTINGS } from '../analysis/diagnostics';
import type { Range } from '../syntax/text';

export const PROJECT_FILE = '.kallithea-ini.json';

export interface ProjectFileError {
  message: string;
  range: Range;
}

export interface ProjectFile {
  /** Absolute path of the file. */
  path: string;
  /** The settings it holds, as a `kallithea` settings object (instance globs made absolute). */
  settings: Record<string, unknown>;
  /** Globs of files and folders the CLI's folder search and the workspace scan skip (absolute). */
  exclude: string[];
  errors: ProjectFileError[];
}

type Check = (value: unknown) => string | undefined;

const isStringArray = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The keys and what each must be; the JSON Schema in schemas/ says the same (a test compares them). */
export const PROJECT_KEYS: Record<string, Check> = {
  $schema: (v) => (typeof v === 'string' ? undefined : 'must be a string'),
  files: (v) => (isStringArray(v) ? undefined : 'must be a list of file names or globs'),
  exclude: (v) => (isStringArray(v) ? undefined : 'must be a list of globs'),
  rules: (v) =>
    v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((s) => typeof s === 'string' && parseRuleSetting(s) !== undefined)
      ? undefined
      : `must map rule ids to one of ${RULE_SETTINGS.join(', ')}`,
  deployment: (v) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return 'must be an object with workerProcesses, behindProxy, instances and databaseMaxConnections';
    const d = v as Record<string, unknown>;
    for (const key of Object.keys(d))
      if (!['workerProcesses', 'behindProxy', 'instances', 'databaseMaxConnections'].includes(key)) return `has no key "${key}" (it takes workerProcesses, behindProxy, instances and databaseMaxConnections)`;
    if (d.workerProcesses !== undefined && !(Number.isInteger(d.workerProcesses) && (d.workerProcesses as number) >= 1)) return 'workerProcesses must be a whole number from 1';
    if (d.behindProxy !== undefined && typeof d.behindProxy !== 'boolean') return 'behindProxy must be true or false';
    if (d.databaseMaxConnections !== undefined && !(Number.isInteger(d.databaseMaxConnections) && (d.databaseMaxConnections as number) >= 1)) return 'databaseMaxConnections must be a whole number from 1';
    if (d.instances !== undefined && !(Array.isArray(d.instances) && d.instances.every(isStringArray))) return 'instances must be a list of lists of globs';
    return undefined;
  },
  sharedDataDir: (v) => (typeof v === 'string' ? undefined : 'must be a folder path'),
  staticFilesPath: (v) => (typeof v === 'string' ? undefined : 'must be a folder path'),
  maxFileSize: (v) => (typeof v === 'number' && v > 0 ? undefined : 'must be a number of bytes above 0'),
  inlayHints: (v) =>
    v && typeof v === 'object' && !Array.isArray(v) && Object.entries(v).every(([k, x]) => k === 'enabled' && typeof x === 'boolean') ? undefined : 'must be {"enabled": true or false}',
};

function dirname(p: string): string {
  const i = p.replace(/\\/g, '/').lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

/** A glob relative to the project file's folder, made absolute (absolute ones and `**` ones stay). */
function anchor(dir: string, glob: string): string {
  if (glob.startsWith('/') || /^[A-Za-z]:[\\/]/.test(glob) || glob.startsWith('**')) return glob;
  return `${dir.replace(/\/$/, '')}/${glob.replace(/^\.\//, '')}`;
}

/** Where in the text a key's value starts, for a precise diagnostic. */
function rangeOfKey(text: string, key: string): Range {
  const at = text.indexOf(JSON.stringify(key));
  return rangeAt(text, at < 0 ? 0 : at, at < 0 ? 0 : JSON.stringify(key).length);
}

function rangeAt(text: string, offset: number, length: number): Range {
  const before = text.slice(0, offset).split('\n');
  const line = before.length - 1;
  const character = before[line].length;
  return { start: { line, character }, end: { line, character: character + length } };
}

export function parseProjectFile(text: string, path: string): ProjectFile {
  const dir = dirname(path);
  const empty: ProjectFile = { path, settings: {}, exclude: [], errors: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const m = /position (\d+)/.exec((err as Error).message);
    const at = m ? Number(m[1]) : 0;
    empty.errors.push({ message: `${PROJECT_FILE} is not valid JSON (${(err as Error).message}); its settings are ignored.`, range: rangeAt(text, at, 1) });
    return empty;
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    empty.errors.push({ message: `${PROJECT_FILE} must hold one JSON object of settings; its settings are ignored.`, range: rangeAt(text, 0, 1) });
    return empty;
  }
  const settings: Record<string, unknown> = {};
  const errors: ProjectFileError[] = [];
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const check = PROJECT_KEYS[key];
    const problem = check ? check(value) : `is not a setting of ${PROJECT_FILE} (it takes ${Object.keys(PROJECT_KEYS).filter((k) => k !== '$schema').join(', ')})`;
    if (problem) {
      errors.push({ message: `"${key}" ${problem}; the key is ignored.`, range: rangeOfKey(text, key) });
      continue;
    }
    if (key !== '$schema' && key !== 'exclude') settings[key] = value;
  }
  const deployment = settings.deployment as { instances?: string[][] } | undefined;
  if (deployment?.instances) settings.deployment = { ...deployment, instances: deployment.instances.map((g) => g.map((glob) => anchor(dir, glob))) };
  const exclude = ((raw as { exclude?: unknown }).exclude !== undefined && !errors.some((e) => e.message.startsWith('"exclude"')) ? ((raw as { exclude: string[] }).exclude ?? []) : []).map((g) => anchor(dir, g));
  return { path, settings, exclude, errors };
}

/**
 * Settings layers merged in order of precedence (later wins): defaults < project
 * file < initializationOptions < workspace/configuration. A null, empty or missing
 * layer changes nothing; `deployment` and `rules` merge key by key.
 */
export function mergeSettingLayers(...layers: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const layer of layers) {
    if (!layer || typeof layer !== 'object' || Array.isArray(layer)) continue;
    for (const [key, value] of Object.entries(layer as Record<string, unknown>)) {
      if (unset(value)) continue;
      // Rule severities and deployment facts combine entry by entry: a client that sets one rule keeps the project's others.
      if ((key === 'deployment' || key === 'rules') && typeof value === 'object' && !Array.isArray(value)) {
        const merged = { ...((out[key] as object | undefined) ?? {}) } as Record<string, unknown>;
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (!unset(v)) merged[k] = v;
        out[key] = merged;
      } else out[key] = value;
    }
  }
  return out;
}

/**
 * Editors answer with every setting, defaults included (VS Code sends `files: []`,
 * `rules: {}`, `sharedDataDir: ""`): an empty value means "not set here" and leaves
 * what a lower layer (the project file) says.
 */
function unset(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value as object).length === 0;
}
