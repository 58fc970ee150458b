// The one entry point for analysis, used by the language server, the CLI, the
// tests and the benchmark. A file is read in two steps:
//   openFile: the rules that look at the text as read (size, encoding), then one parse;
//   lintFile: every other rule on that parse, the user's severities, the gathering
//             rules, and the file's suppression comments.
// analyze() does both. A host keeps the opened file for as long as the text does
// not change, so each version of a file is parsed once.

import { EMPTY_ENVIRONMENT, describeDeployment, type Deployment, type LintEnvironment } from '../model/deployment';
import { ConfigModel } from '../model/model';
import { parse, type ParsedConfig } from '../syntax/parser';
import { reparse } from '../syntax/splice';
import { comparePositions } from '../syntax/text';
import { DEFAULT_MAX_FILE_SIZE } from '../../shared/names';
import { RULES } from '../rules';
import { internalError } from '../rules/internal-error';
import type { AnyRule, Diagnostic, Report, RuleContext, RuleFailure, RuleSetting, SourceFile } from './diagnostics';
import { planRun, settingsKey, wholeFile, type LintRecord } from './incremental';
import { Focus } from '../syntax/focus';
import { applySuppressions, UNUSED_SUPPRESSION } from './suppression';

export type { RuleSetting, LintRecord };

export interface LintOptions {
  /** Per-rule severity, or 'off' (the `kallithea.rules` setting). */
  rules?: Record<string, RuleSetting>;
  /** Deployment settings and the other instances of the same site. */
  env?: LintEnvironment;
}

export interface AnalysisOptions extends LintOptions {
  /** Above this many characters a file is not parsed (the `maxFileSize` setting; default 8 MB). */
  maxFileSize?: number;
  /** The parse of the document's previous version: only the sections an edit touched are read again. */
  previous?: ParsedConfig;
}

/** A file as read: the findings about its text, and its model unless a rule stopped the analysis. */
export interface OpenedFile {
  source: SourceFile;
  model?: ConfigModel;
  sourceFindings: Diagnostic[];
}

/** Step 1: the rules that read the text as it is, then the one parse of this version. */
export function openFile(source: SourceFile, options: AnalysisOptions = {}, rules: readonly AnyRule[] = RULES): OpenedFile {
  const sourceFindings: Diagnostic[] = [];
  let stopped = false;
  for (const rule of rules) {
    if (!rule.checkSource) continue;
    // A rule turned off still decides whether the file is parsed (the size limit protects the editor); only its finding goes.
    const setting = options.rules?.[rule.id];
    const verdict = rule.checkSource({
      source,
      maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
      report: (finding: Report<unknown>) => {
        if (setting !== 'off') sourceFindings.push(toDiagnostic(rule, setting, finding));
      },
    });
    if (verdict === 'stop') stopped = true;
  }
  const parsed = stopped ? undefined : options.previous ? reparse(source.text, options.previous) : parse(source.text);
  const model = parsed && new ConfigModel(parsed, { filePath: source.filePath });
  return { source, model, sourceFindings };
}

/** Step 2: every rule on the parsed file. A file left unparsed has only its source findings. */
export function lintFile(file: OpenedFile, options: LintOptions = {}, rules: readonly AnyRule[] = RULES): Diagnostic[] {
  if (!file.model) return [...file.sourceFindings];
  // Nothing is kept for a next lint: no record to make.
  const run = startRun(file.model, options, rules, undefined, false);
  for (const rule of rules) run.step(rule);
  return run.finish(file.sourceFindings).diagnostics;
}

/** What a lint gives: the diagnostics, and what the next lint of the same document can reuse. */
export interface LintResult {
  diagnostics: Diagnostic[];
  /** Undefined for a file left unparsed. */
  record?: LintRecord;
}

/**
 * lintFile() for a new version of a document whose previous version gave `previous`:
 * the same diagnostics, with the section-scoped rules looking only at the sections
 * that changed (see incremental.ts).
 */
export function lintAgain(file: OpenedFile, options: LintOptions, previous: LintRecord | undefined, rules: readonly AnyRule[] = RULES): LintResult {
  if (!file.model) return { diagnostics: [...file.sourceFindings] };
  const run = startRun(file.model, options, rules, previous);
  for (const rule of rules) run.step(rule);
  return run.finish(file.sourceFindings);
}

/**
 * The same as lintAgain(), rule by rule, yielding between rules (`pause`) so that
 * other requests are served meanwhile; undefined as soon as `cancelled()` says a
 * newer version of the document has arrived.
 */
export async function lintFileInSteps(
  file: OpenedFile,
  options: LintOptions,
  previous: LintRecord | undefined,
  pause: () => Promise<void>,
  cancelled: () => boolean,
  rules: readonly AnyRule[] = RULES,
): Promise<LintResult | undefined> {
  if (!file.model) return { diagnostics: [...file.sourceFindings] };
  const run = startRun(file.model, options, rules, previous);
  for (const rule of rules) {
    await pause();
    if (cancelled()) return undefined;
    run.step(rule);
  }
  return run.finish(file.sourceFindings);
}

/** Both steps for one text: what the CLI, the tests and the benchmark call. */
export function analyze(source: SourceFile, options: AnalysisOptions = {}, rules: readonly AnyRule[] = RULES): { file: OpenedFile; diagnostics: Diagnostic[] } {
  const file = openFile(source, options, rules);
  return { file, diagnostics: lintFile(file, options, rules) };
}

/** The rules on a model built elsewhere (fix-all rounds, tests of one rule). */
export function lint(model: ConfigModel, options: LintOptions = {}, rules: readonly AnyRule[] = RULES): Diagnostic[] {
  return lintFile({ source: { text: model.parsed.text, filePath: model.filePath }, model, sourceFindings: [] }, options, rules);
}

function toDiagnostic(rule: AnyRule, setting: RuleSetting | undefined, finding: Report<unknown>): Diagnostic {
  return {
    rule: rule.id,
    severity: setting && setting !== 'off' ? setting : (finding.severity ?? rule.severity),
    range: finding.range,
    message: finding.message,
    data: finding.data,
    related: finding.related,
    tags: finding.tags,
    versionOnly: finding.versionOnly,
  };
}

/**
 * What a rule sees while it runs. A class, not an object literal: a literal with
 * getters gets a hidden class of its own each run, which V8's transition tree keeps,
 * and a young-generation collection then keeps the whole run (the model included)
 * until the next full collection: a quarter of a lint's time went to copying them.
 */
class RunContext implements RuleContext<unknown> {
  rule: AnyRule = internalError;
  setting: RuleSetting | undefined;
  /** The running rule's findings are kept while its sections do not change, so it must not read the environment. */
  reusable = false;
  focus: Focus;
  readonly failures: RuleFailure[] = [];
  readonly diagnostics: Diagnostic[] = [];
  readonly fresh: Diagnostic[] = [];
  private deploymentFacts: Deployment | undefined;

  constructor(
    readonly model: ConfigModel,
    private readonly environment: LintEnvironment,
  ) {
    this.focus = Focus.whole(model.parsed);
  }

  get env(): LintEnvironment {
    if (this.reusable) throw new Error(`${this.rule.id} has its findings kept while its sections do not change, so it must not read the environment`);
    return this.environment;
  }

  get deployment(): Deployment {
    if (this.reusable) throw new Error(`${this.rule.id} has its findings kept while its sections do not change, so it must not read the deployment`);
    return (this.deploymentFacts ??= describeDeployment(this.model, this.environment));
  }

  /** A field, not a method: rules take it out of the context (`check({ model, report })`). */
  readonly report = (finding: Report<unknown>): void => {
    (this.reusable ? this.fresh : this.diagnostics).push(toDiagnostic(this.rule, this.setting, finding));
  };
}

function startRun(model: ConfigModel, options: LintOptions, rules: readonly AnyRule[], previous: LintRecord | undefined, keep = true) {
  const plan = keep ? planRun(model, settingsKey(options.rules), rules, previous) : wholeFile(model.parsed);
  // One context for the whole run (a small file is linted on every keystroke): only the rule changes.
  const ctx = new RunContext(model, options.env ?? EMPTY_ENVIRONMENT);
  const { diagnostics, fresh, failures } = ctx;
  let reportedFailures = false;
  const step = (next: AnyRule) => {
    const check = next.check;
    if (!check) return;
    const setting = options.rules?.[next.id];
    if (setting === 'off') return;
    if (next === internalError) reportedFailures = true;
    if (plan.skips(next)) return;
    ctx.rule = next;
    ctx.setting = setting;
    ctx.reusable = next.scope === 'section' || next.reads !== undefined;
    ctx.focus = plan.focusFor(next);
    try {
      check(ctx);
    } catch (err) {
      // A rule bug must not hide every other diagnostic: the internal-error rule says which rule failed.
      failures.push({ rule: next.id, message: (err as Error).message });
    }
  };
  const finish = (sourceFindings: readonly Diagnostic[]): LintResult => {
    if (failures.length && !reportedFailures) step(internalError);
    const record = plan.record?.(fresh, failures.length > 0);
    // One order whatever was reused, so that gathering sees the same list as in a full lint.
    let gathered = [...diagnostics, ...fresh, ...plan.reused].sort(byPosition);
    for (const rule of rules) if (rule.gather && options.rules?.[rule.id] !== 'off') gathered = rule.gather(model, gathered);
    const unused = options.rules?.[UNUSED_SUPPRESSION] ?? rules.find((r) => r.id === UNUSED_SUPPRESSION)?.severity ?? 'off';
    const kept = applySuppressions(model.parsed, gathered, unused);
    kept.sort(byPosition);
    return { diagnostics: [...sourceFindings, ...kept], record };
  };
  return { step, finish };
}

/** Position, then rule, then the rest: a total order, so a lint that reuses findings lists them as a full one does. */
function byPosition(a: Diagnostic, b: Diagnostic): number {
  return (
    comparePositions(a.range.start, b.range.start) ||
    a.rule.localeCompare(b.rule) ||
    comparePositions(a.range.end, b.range.end) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
