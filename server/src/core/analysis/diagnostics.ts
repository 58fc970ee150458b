// What the core reports, with no dependency on LSP: the server and the CLI each
// turn these into their own shapes.

import type { Deployment, LintEnvironment } from '../model/deployment';
import type { ConfigModel } from '../model/model';
import type { Range } from '../syntax/text';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** Where each rule's page lives; the pages are docs/rules/<id>.md in the repository. */
export const DOCS_BASE = 'https://github.com/kallithea-ini/kallithea-ini/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return DOCS_BASE + ruleId + '.md';
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** An editor command a fix can run instead of (or after) its edits, e.g. to open a generated file. */
export interface FixCommand {
  title: string;
  command: string;
  arguments?: unknown[];
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  command?: FixCommand;
  /** The fix to offer first. */
  preferred?: boolean;
  /** Safe to apply without a person looking (fix-all, `--fix`). */
  safe?: boolean;
  /** A large change the editor should preview before applying it (LSP change annotations). */
  needsConfirmation?: boolean;
}

export interface RelatedLocation {
  range: Range;
  message: string;
}

export interface Diagnostic {
  rule: string;
  severity: Severity;
  range: Range;
  message: string;
  /** Structured facts the rule's fixes are built from; never parsed from the message. */
  data?: unknown;
  related?: RelatedLocation[];
  /** Faded (unneeded) or struck through (deprecated) in an editor. */
  tags?: ('unnecessary' | 'deprecated')[];
  /**
   * True only since an upgrade: the line was right for an older release (a key it
   * read, a key it did not require). In a file written for such a release these
   * findings are gathered into one `legacy-config` diagnostic.
   */
  versionOnly?: boolean;
}

export interface Report {
  range: Range;
  message: string;
  data?: unknown;
  related?: RelatedLocation[];
  tags?: ('unnecessary' | 'deprecated')[];
  /** Overrides the rule's default severity for this finding (e.g. an error only for typed keys). */
  severity?: Severity;
  versionOnly?: boolean;
}

export interface RuleContext {
  model: ConfigModel;
  /** Settings and the other instances of the same site. */
  env: LintEnvironment;
  /** Facts about the deployment, computed once per lint on first use. */
  readonly deployment: Deployment;
  report(finding: Report): void;
}

export interface FixContext {
  model: ConfigModel;
  env: LintEnvironment;
  /** Fresh random hex digits, for fixes that create secrets (a new value each time a fix is built). */
  randomHex: (digits: number) => string;
  /** The line break to use for inserted lines. */
  eol: string;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** One line, shown in the README table and the docs page. */
  description: string;
  check(ctx: RuleContext): void;
  /** Fixes for one of this rule's diagnostics, built from its data and range. */
  fix?(ctx: FixContext, diagnostic: Diagnostic): Fix[];
  /**
   * Runs once every rule has reported, to gather other rules' findings into this
   * rule's own (legacy-config folds the version-only ones). Returns the new list.
   */
  gather?(model: ConfigModel, diagnostics: Diagnostic[]): Diagnostic[];
}
