// Shortcuts for core tests: lint a text, apply one of a diagnostic's fixes, and
// check the result with Python's configparser.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DeploymentSettings, LintEnvironment } from '../../server/src/core/model/deployment';
import type { Diagnostic } from '../../server/src/core/analysis/diagnostics';
import { applyEdits, fixesFor } from '../../server/src/core/analysis/fixes';
import { analyze, type AnalysisOptions } from '../../server/src/core/analysis/analysis';
import { ConfigModel } from '../../server/src/core/model/model';
import { RULES } from '../../server/src/core/rules';
import { runOracle, type OracleResult } from './oracle';

export const FILE = '/srv/kallithea/my.ini';

export function model(text: string, filePath = FILE): ConfigModel {
  return ConfigModel.fromText(text, { filePath });
}

/** The text through the analysis entry point the server and the CLI use: its model and its diagnostics. */
export function analyzed(text: string, filePath = FILE, options: AnalysisOptions = {}): { model: ConfigModel; diagnostics: Diagnostic[] } {
  const { file, diagnostics } = analyze({ text, filePath }, { maxFileSize: Infinity, ...options });
  return { model: file.model!, diagnostics };
}

/** Every diagnostic of the text, through the analysis entry point the server and the CLI use. */
export function lintText(text: string, options: AnalysisOptions = {}): Diagnostic[] {
  return analyze({ text, filePath: FILE }, options).diagnostics;
}

export function only(text: string, rule: string, options: AnalysisOptions = {}): Diagnostic[] {
  return lintText(text, options).filter((d) => d.rule === rule);
}

/** A lint environment with other configs (path and text) as instances of the same site. */
export function environment(peers: { path: string; text: string }[] = [], settings: DeploymentSettings = {}): LintEnvironment {
  return { settings, peers: peers.map((p) => ({ path: p.path, model: model(p.text, p.path) })) };
}

/** Apply fix number `index` of the diagnostic to the text. */
export function applyFix(text: string, diagnostic: Diagnostic, index = 0, env?: LintEnvironment): string {
  const m = model(text);
  const fixes = fixesFor(m, diagnostic, env);
  if (!fixes[index]) throw new Error(`no fix #${index} for ${diagnostic.rule}`);
  return (m.parsed.bom ? '\ufeff' : '') + applyEdits(m.parsed, fixes[index].edits);
}

/** What Python's configparser makes of the text, written to a temporary file. */
export function python(text: string): OracleResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kallithea-py-'));
  try {
    const file = path.join(dir, 'my.ini');
    fs.writeFileSync(file, text, 'utf8');
    return runOracle([file])[0];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The interpolated value Python reads for section/key, or throws with what went wrong. */
export function pythonValue(text: string, section: string, key: string): string {
  const r = python(text);
  if (r.readError) throw new Error(`Python refuses the file: ${r.readError} ${r.detail}`);
  const got = r.interpolated?.[section]?.[key];
  if (!got) throw new Error(`Python has no ${section}.${key}`);
  if ('error' in got) throw new Error(`Python fails on ${section}.${key}: ${got.error}`);
  return got.ok;
}

export function lines(...l: string[]): string {
  return l.join('\n') + '\n';
}

/** Fix titles offered for a diagnostic. */
export function fixTitles(text: string, diagnostic: Diagnostic, env?: LintEnvironment): string[] {
  return fixesFor(model(text), diagnostic, env).map((f) => f.title);
}

/** Python loads the text and the app section's key reads as `expected`. */
export function assertPythonReads(text: string, section: string, key: string, expected: string): void {
  const got = pythonValue(text, section, key);
  if (got !== expected) throw new Error(`Python reads ${section}.${key} as ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
}

/** The rules about how Python reads the file (as opposed to what Kallithea makes of it), from their categories. */
export const PARSE_RULES = RULES.filter((r) => r.category === 'file' || r.category === 'syntax').map((r) => r.id);

export function parseLevel(text: string): Diagnostic[] {
  return lintText(text).filter((d) => PARSE_RULES.includes(d.rule));
}

/** A complete, clean [app:main] (with [alembic]) that raises nothing; tests add the lines they are about. */
export const CLEAN_APP = [
  '[alembic]',
  'script_location = kallithea:alembic',
  '[app:main]',
  'use = egg:kallithea',
  'cache_dir = /srv/d',
  'index_dir = /srv/d/index',
  'cut_off_limit = 256000',
  'commit_parse_limit = 25',
  'app_instance_uuid = 9f8e7d6c5b4a39281706f5e4d3c2b1a0',
  'session.secret = 0123456789abcdef0123456789abcdef',
  'sqlalchemy.url = postgresql://k@db.internal/k',
  'beaker.cache.regions = long_term,long_term_file',
  'beaker.cache.long_term.type = file',
  'beaker.cache.long_term_file.type = file',
];
