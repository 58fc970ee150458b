// Runs the rules over a model and applies the user's severity settings.

import type { Diagnostic, Rule, Severity } from './diagnostics';
import type { ConfigModel } from './model';
import { RULES } from './rules';
import { comparePositions } from './text';

export type RuleSetting = Severity | 'off';

export interface LintOptions {
  /** Per-rule severity, or 'off' (the `kallithea.rules` setting). */
  rules?: Record<string, RuleSetting>;
}

export function lint(model: ConfigModel, options: LintOptions = {}, rules: readonly Rule[] = RULES): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    const setting = options.rules?.[rule.id];
    if (setting === 'off') continue;
    try {
      rule.check({
        model,
        report(finding) {
          diagnostics.push({
            rule: rule.id,
            severity: setting ?? finding.severity ?? rule.severity,
            range: finding.range,
            message: finding.message,
            data: finding.data,
            related: finding.related,
            tags: finding.tags,
          });
        },
      });
    } catch (err) {
      // A rule bug must not hide every other diagnostic; say which rule failed.
      diagnostics.push({
        rule: 'internal-error',
        severity: 'hint',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        message: `The check "${rule.id}" failed on this file (${(err as Error).message}). Please report it.`,
      });
    }
  }
  diagnostics.sort((a, b) => comparePositions(a.range.start, b.range.start) || a.rule.localeCompare(b.rule));
  return diagnostics;
}
