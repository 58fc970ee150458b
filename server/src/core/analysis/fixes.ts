// Fixes for diagnostics, and "fix all", which repeats until nothing safe is left
// (bounded, so it always ends).

import { EMPTY_ENVIRONMENT, type LintEnvironment } from '../model/deployment';
import type { ModelOptions } from '../model/model';
import { ConfigModel } from '../model/model';
import { applyEdits, collide } from '../edits/apply';
import { secureRandomHex } from '../edits/secrets';
import { upgradeEdits } from '../edits/upgrade';
import { findRule } from '../rules';
import { lint, type LintOptions } from './analysis';
import type { Diagnostic, Fix, TextEdit } from './diagnostics';

export { applyEdits, offsetAt } from '../edits/apply';
export { secureRandomHex };

export function fixesFor(model: ConfigModel, diagnostic: Diagnostic, env: LintEnvironment = EMPTY_ENVIRONMENT, randomHex = secureRandomHex): Fix[] {
  const rule = findRule(diagnostic.rule);
  if (!rule?.fix) return [];
  // The one place a diagnostic meets its rule's data type: the rule made the data, so it has that type.
  return rule.fix({ model, env, eol: model.parsed.lines.dominantEol(), randomHex }, diagnostic as Diagnostic & { data: unknown });
}

/** Choose the safe fixes whose edits do not collide with each other. */
export function safeFixEdits(model: ConfigModel, diagnostics: Diagnostic[], env?: LintEnvironment): { edits: TextEdit[]; fixes: number; dropBom: boolean } {
  const edits: TextEdit[] = [];
  let fixes = 0;
  let dropBom = false;
  for (const d of diagnostics) {
    const fix = fixesFor(model, d, env).find((f) => f.safe && (f.edits.length > 0 || f.dropBom));
    if (!fix || fix.edits.some((e) => edits.some((c) => collide(c, e)))) continue;
    edits.push(...fix.edits);
    dropBom ||= !!fix.dropBom;
    fixes++;
  }
  return { edits, fixes, dropBom };
}

export interface FixAllResult {
  text: string;
  /** How many fixes were applied. */
  applied: number;
}

/** Apply every safe fix, re-linting between rounds, until none is left. `model`: the text's model when the caller has it. */
export function fixAll(text: string, modelOptions: ModelOptions = {}, lintOptions: LintOptions = {}, model?: ConfigModel): FixAllResult {
  let current = text;
  let applied = 0;
  for (let round = 0; round < 10; round++) {
    if (round > 0 || !model) model = ConfigModel.fromText(current, modelOptions);
    const { edits, fixes, dropBom } = safeFixEdits(model, lint(model, lintOptions), lintOptions.env);
    if (edits.length === 0 && !dropBom) break;
    const bom = model.parsed.bom && !dropBom ? '\ufeff' : '';
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
  const model = ConfigModel.fromText(text, modelOptions);
  const { edits, changes, refused } = upgradeEdits(model, model.parsed.lines.dominantEol(), randomHex);
  if (edits.length === 0) return { text, changes: [], refused };
  return { text: (model.parsed.bom ? '\ufeff' : '') + applyEdits(model.parsed, edits), changes };
}
