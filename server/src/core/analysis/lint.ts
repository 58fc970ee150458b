// Runs the rules over a model, applies the user's severity settings and the
// file's suppression comments.

import { describeDeployment, EMPTY_ENVIRONMENT, type Deployment, type LintEnvironment } from '../model/deployment';
import type { Diagnostic, Rule, RuleContext, Severity } from './diagnostics';
import type { ConfigModel } from '../model/model';
import { RULES } from '../rules';
import { applySuppressions, UNUSED_SUPPRESSION } from './suppression';
import { comparePositions } from '../syntax/text';

export type RuleSetting = Severity | 'off';

export interface LintOptions {
  /** Per-rule severity, or 'off' (the `kallithea.rules` setting). */
  rules?: Record<string, RuleSetting>;
  /** Deployment settings and the other instances of the same site. */
  env?: LintEnvironment;
}

export function lint(model: ConfigModel, options: LintOptions = {}, rules: readonly Rule[] = RULES): Diagnostic[] {
  const run = startLint(model, options, rules);
  for (const rule of rules) run.step(rule);
  return run.finish();
}

/**
 * The same as lint(), rule by rule, yielding between rules (`pause`) so that other
 * requests are served meanwhile; returns undefined as soon as `cancelled()` says a
 * newer version of the document has arrived.
 */
export async function lintInSteps(
  model: ConfigModel,
  options: LintOptions,
  pause: () => Promise<void>,
  cancelled: () => boolean,
  rules: readonly Rule[] = RULES,
): Promise<Diagnostic[] | undefined> {
  const run = startLint(model, options, rules);
  for (const rule of rules) {
    await pause();
    if (cancelled()) return undefined;
    run.step(rule);
  }
  return run.finish();
}

function startLint(model: ConfigModel, options: LintOptions, rules: readonly Rule[]) {
  const diagnostics: Diagnostic[] = [];
  const env = options.env ?? EMPTY_ENVIRONMENT;
  let deployment: Deployment | undefined;
  const step = (rule: Rule) => {
    const setting = options.rules?.[rule.id];
    if (setting === 'off') return;
    const ctx: RuleContext = {
      model,
      env,
      get deployment() {
        return (deployment ??= describeDeployment(model, env));
      },
      report(finding) {
        diagnostics.push({
          rule: rule.id,
          severity: setting ?? finding.severity ?? rule.severity,
          range: finding.range,
          message: finding.message,
          data: finding.data,
          related: finding.related,
          tags: finding.tags,
          versionOnly: finding.versionOnly,
        });
      },
    };
    try {
      rule.check(ctx);
    } catch (err) {
      // A rule bug must not hide every other diagnostic; say which rule failed.
      diagnostics.push({
        rule: 'internal-error',
        severity: 'hint',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        message: `The check "${rule.id}" failed on this file (${(err as Error).message}). Please report it.`,
      });
    }
  };
  const finish = () => {
    let gathered = diagnostics;
    for (const rule of rules) if (rule.gather && options.rules?.[rule.id] !== 'off') gathered = rule.gather(model, gathered);
    const unused = options.rules?.[UNUSED_SUPPRESSION] ?? rules.find((r) => r.id === UNUSED_SUPPRESSION)?.severity ?? 'off';
    const kept = applySuppressions(model.parsed, gathered, unused);
    kept.sort((a, b) => comparePositions(a.range.start, b.range.start) || a.rule.localeCompare(b.rule));
    return kept;
  };
  return { step, finish };
}
