// Suppression comments, on lines of their own (Python only knows whole-line comments):
//   # kallithea-ini: disable-next-line RULE[, RULE]
//   # kallithea-ini: disable RULE ... # kallithea-ini: enable RULE
//   # kallithea-ini: disable-file [RULE]
// Without rule names they cover every rule. A directive that hides nothing is
// reported as `unused-suppression`, so stale ones do not pile up.

import { unusedSuppression } from '../rules/unused-suppression';
import type { Diagnostic, Severity } from './diagnostics';
import type { ParsedConfig } from '../syntax/parser';
import type { Range } from '../syntax/text';

const DIRECTIVE = /^[#;]+\s*kallithea-ini:\s*(disable-next-line|disable-file|disable|enable)\b(.*)$/;

interface Directive {
  kind: 'disable-next-line' | 'disable-file' | 'disable' | 'enable';
  rules: string[] | 'all';
  line: number;
  range: Range;
  used: Set<string>;
}

function parseDirectives(parsed: ParsedConfig): Directive[] {
  const out: Directive[] = [];
  for (const c of parsed.commentsWith('kallithea-ini')) {
    const m = DIRECTIVE.exec(c.text);
    if (!m) continue;
    const names = m[2].split(/[\s,]+/).filter(Boolean);
    out.push({ kind: m[1] as Directive['kind'], rules: names.length ? names : 'all', line: c.line, range: c.range, used: new Set() });
  }
  return out;
}

const covers = (d: Directive, rule: string) => d.rules === 'all' || d.rules.includes(rule);

export const UNUSED_SUPPRESSION = unusedSuppression.id;

/** Drop suppressed diagnostics and add `unused-suppression` hints (unless that rule is off). */
export function applySuppressions(parsed: ParsedConfig, diagnostics: Diagnostic[], unusedSeverity: Severity | 'off'): Diagnostic[] {
  const directives = parseDirectives(parsed);
  if (directives.length === 0) return diagnostics;
  const kept: Diagnostic[] = [];
  for (const diag of diagnostics) {
    const line = diag.range.start.line;
    let by: Directive | undefined;
    for (const d of directives) {
      if (!covers(d, diag.rule)) continue;
      if (d.kind === 'disable-file' || (d.kind === 'disable-next-line' && d.line + 1 === line)) by = d;
      else if (d.kind === 'disable' && d.line < line && !reenabled(directives, d, diag.rule, line)) by = d;
      if (by) break;
    }
    if (by) by.used.add(diag.rule);
    else kept.push(diag);
  }
  if (unusedSeverity === 'off') return kept;
  for (const d of directives) {
    if (d.kind === 'enable') continue;
    const unused = d.rules === 'all' ? (d.used.size === 0 ? ['all'] : []) : d.rules.filter((r) => !d.used.has(r));
    if (unused.length === 0) continue;
    const what = unused[0] === 'all' ? 'any problem' : unused.map((r) => `"${r}"`).join(', ');
    kept.push({
      rule: UNUSED_SUPPRESSION,
      severity: unusedSeverity,
      range: d.range,
      message: `This suppression comment no longer hides ${what}. Remove it so that it does not hide a future problem.`,
      tags: ['unnecessary'],
      data: { line: d.line, rules: unused, all: d.rules === 'all' || unused.length === d.rules.length },
    });
  }
  return kept;
}

function reenabled(directives: Directive[], disable: Directive, rule: string, line: number): boolean {
  return directives.some((e) => e.kind === 'enable' && e.line > disable.line && e.line < line && covers(e, rule));
}
