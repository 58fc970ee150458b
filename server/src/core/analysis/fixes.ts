// Applying fixes to text: offsets from positions, non-overlapping edit sets, and
// "fix all" that repeats until nothing safe is left (bounded, so it always ends).

import { randomBytes } from 'node:crypto';
import { EMPTY_ENVIRONMENT, type LintEnvironment } from '../model/deployment';
import type { Diagnostic, Fix, TextEdit } from './diagnostics';
import { lint, type LintOptions } from './lint';
import { ConfigModel, type ModelOptions } from '../model/model';
import { parse, type ParsedConfig } from '../syntax/parser';
import { findRule } from '../rules';
import { upgradeEdits } from '../edits/upgrade';
import { comparePositions, dominantEol, type Position } from '../syntax/text';

/** Secrets come from the operating system's secure random source, never from a fixed value. */
export function secureRandomHex(digits: number): string {
  return randomBytes(Math.ceil(digits / 2)).toString('hex').slice(0, digits);
}

export function fixesFor(model: ConfigModel, diagnostic: Diagnostic, env: LintEnvironment = EMPTY_ENVIRONMENT, randomHex = secureRandomHex): Fix[] {
  const rule = findRule(diagnostic.rule);
  if (!rule?.fix) return [];
  return rule.fix({ model, env, eol: dominantEol(model.parsed.lines), randomHex }, diagnostic);
}

export function offsetAt(parsed: ParsedConfig, pos: Position): number {
  const line = parsed.lines[Math.min(Math.max(pos.line, 0), parsed.lines.length - 1)];
  return line.offset + Math.min(Math.max(pos.character, 0), line.text.length);
}

/** Apply edits (given against the same text) from last to first. Overlapping edits are an error. */
export function applyEdits(parsed: ParsedConfig, edits: TextEdit[]): string {
  const sorted = edits
    .map((e, i) => ({ e, i, start: offsetAt(parsed, e.range.start), end: offsetAt(parsed, e.range.end) }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  let out = '';
  let pos = 0;
  for (const { e, start, end } of sorted) {
    if (start < pos) throw new Error('overlapping edits');
    out += parsed.text.slice(pos, start) + e.newText;
    pos = end;
  }
  return out + parsed.text.slice(pos);
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two inserts at one point may both apply; a range touching another's end may not overlap it.
  return comparePositions(a.range.start, b.range.end) < 0 && comparePositions(b.range.start, a.range.end) < 0;
}

/** Choose the safe fixes whose edits do not collide with each other. */
export function safeFixEdits(model: ConfigModel, diagnostics: Diagnostic[], env?: LintEnvironment): { edits: TextEdit[]; fixes: number } {
  const edits: TextEdit[] = [];
  let fixes = 0;
  for (const d of diagnostics) {
    const fix = fixesFor(model, d, env).find((f) => f.safe && f.edits.length > 0);
    if (!fix || fix.edits.some((e) => edits.some((c) => collide(c, e)))) continue;
    edits.push(...fix.edits);
    fixes++;
  }
  return { edits, fixes };
}

/** Edits collide when they overlap, or when both insert inside a line at the same point (their order would matter). */
function collide(a: TextEdit, b: TextEdit): boolean {
  if (overlaps(a, b)) return true;
  const aInsert = comparePositions(a.range.start, a.range.end) === 0;
  const bInsert = comparePositions(b.range.start, b.range.end) === 0;
  return aInsert && bInsert && a.range.start.character > 0 && comparePositions(a.range.start, b.range.start) === 0;
}

export interface FixAllResult {
  text: string;
  /** How many fixes were applied. */
  applied: number;
}

/** Apply every safe fix, re-linting between rounds, until none is left. */
export function fixAll(text: string, modelOptions: ModelOptions = {}, lintOptions: LintOptions = {}): FixAllResult {
  let current = text;
  let applied = 0;
  for (let round = 0; round < 10; round++) {
    const model = new ConfigModel(parse(current), modelOptions);
    const { edits, fixes } = safeFixEdits(model, lint(model, lintOptions), lintOptions.env);
    if (edits.length === 0) break;
    const bom = model.parsed.bom ? '\ufeff' : '';
    const next = bom + applyEdits(model.parsed, edits);
    if (next === current) break;
    applied += fixes;
    current = next;
  }
  return { text: current, applied };
}

export interface UpgradeTextResult {
  text: string;
  /** One line per change, in words. */
  changes: string[];
  /** Why the file was left alone (not a Kallithea config). */
  refused?: string;
}

/** The whole file upgraded to Kallithea 0.7 (see upgrade.ts); the text unchanged when there is nothing to do. */
export function upgradeText(text: string, modelOptions: ModelOptions = {}, randomHex = secureRandomHex): UpgradeTextResult {
  const model = new ConfigModel(parse(text), modelOptions);
  const { edits, changes, refused } = upgradeEdits(model, dominantEol(model.parsed.lines), randomHex);
  if (edits.length === 0) return { text, changes: [], refused };
  return { text: (model.parsed.bom ? '\ufeff' : '') + applyEdits(model.parsed, edits), changes };
}
