// Runs Python's configparser (through test/differential/configparser_oracle.py)
// on a batch of files and returns what it read.

import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from './paths';

export type GetResult = { ok: string } | { error: 'syntax' | 'missing' | 'depth' | string };

export interface OracleResult {
  file: string;
  readError: string | null;
  detail?: string;
  sections?: string[];
  raw?: Record<string, Record<string, string>>;
  interpolated?: Record<string, Record<string, GetResult>>;
}

const SCRIPT = path.join(ROOT, 'test', 'differential', 'configparser_oracle.py');

export function python(): string {
  return process.env.PYTHON ?? 'python3';
}

export function runOracle(files: string[]): OracleResult[] {
  const results: OracleResult[] = [];
  // Batches keep the command line short.
  for (let i = 0; i < files.length; i += 200) {
    const out = execFileSync(python(), [SCRIPT, ...files.slice(i, i + 200)], { maxBuffer: 1 << 30, encoding: 'utf8' });
    results.push(...(JSON.parse(out).results as OracleResult[]));
  }
  return results;
}

/** Does Python's configparser load this text (as a file) without error? */
export function pythonLoads(text: string, file: string): OracleResult {
  require('node:fs').writeFileSync(file, text, 'utf8');
  return runOracle([file])[0];
}
