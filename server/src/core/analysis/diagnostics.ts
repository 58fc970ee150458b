// What the core reports, with no dependency on LSP: the server and the CLI each
// turn these into their own shapes.

import type { Deployment, LintEnvironment } from '../model/deployment';
import type { ConfigModel } from '../model/model';
import type { Focus } from '../syntax/focus';
import type { Range } from '../syntax/text';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** The severities, most severe first. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** What a user may set a rule to: a severity, or off. */
export type RuleSetting = Severity | 'off';
export const RULE_SETTINGS: readonly RuleSetting[] = [...SEVERITIES, 'off'];

/** Accepts the spellings users type (any case, `info`); undefined for anything else. */
export function parseRuleSetting(text: string): RuleSetting | undefined {
  const v = text.toLowerCase();
  const normalized = v === 'info' ? 'information' : v;
  return (RULE_SETTINGS as readonly string[]).includes(normalized) ? (normalized as RuleSetting) : undefined;
}

/**
 * What a rule is about, for the README's table and `--list-rules`:
 * - file: the file as a whole (its size, its encoding, a check that failed on it);
 * - syntax: how Python's configparser reads the text;
 * - deployment: scaling out, web servers, databases, brokers;
 * - security: secrets, debug, cookies, mail and proxies;
 * - startup: settings that stop Kallithea, a command or a feature from working;
 * - values: keys and values Kallithea and its libraries read (types, names, leftovers).
 */
export type RuleCategory = 'file' | 'syntax' | 'deployment' | 'security' | 'startup' | 'values';
export const RULE_CATEGORIES: readonly RuleCategory[] = ['file', 'syntax', 'deployment', 'security', 'startup', 'values'];

export interface TextEdit {
  range: Range;
  newText: string;
}

/** Text a fix shows the user in a new editor instead of changing the file (e.g. web-server lines to copy). */
export interface FixDocument {
  /** The editor language: nginx, apache... */
  language: string;
  content: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  show?: FixDocument;
  /** The fix to offer first. */
  preferred?: boolean;
  /** Safe to apply without a person looking (fix-all, `--fix`). */
  safe?: boolean;
  /** A large change the editor should preview before applying it (LSP change annotations). */
  needsConfirmation?: boolean;
  /**
   * Also remove the byte order mark. Editors do not show the mark in the text they
   * send, so no text edit can remove it: the CLI's `--fix` does, when it rewrites the file.
   */
  dropBom?: boolean;
}

export interface RelatedLocation {
  range: Range;
  message: string;
}

export interface Diagnostic<Data = unknown> {
  rule: string;
  severity: Severity;
  range: Range;
  message: string;
  /** Structured facts the rule's fixes are built from; never parsed from the message. */
  data?: Data;
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

interface ReportBase {
  range: Range;
  message: string;
  related?: RelatedLocation[];
  tags?: ('unnecessary' | 'deprecated')[];
  /** Overrides the rule's default severity for this finding (e.g. an error only for typed keys). */
  severity?: Severity;
  versionOnly?: boolean;
}

/** A finding; `data` is required when the rule's fixes need it (its Data type does not admit undefined). */
export type Report<Data = undefined> = ReportBase & (undefined extends Data ? { data?: Data } : { data: Data });

/** A rule whose check threw, for the internal-error rule to report. */
export interface RuleFailure {
  rule: string;
  message: string;
}

export interface RuleContext<Data = undefined> {
  model: ConfigModel;
  /**
   * The part of the file to look at: the whole file, except for a section-scoped
   * rule in an incremental analysis, which sees only the sections that changed.
   */
  focus: Focus;
  /** Settings and the other instances of the same site. */
  env: LintEnvironment;
  /** Facts about the deployment, computed once per lint on first use. */
  readonly deployment: Deployment;
  /** The rules that have failed on this file so far. */
  readonly failures: readonly RuleFailure[];
  report(finding: Report<Data>): void;
}

/** What the rules that look at the file before it is parsed see: its text as read and the analysis options. */
export interface SourceFile {
  /** The text; starts with U+FEFF when the file starts with a byte order mark. */
  text: string;
  /** Absolute path of the file, for `%(here)s`, the project file and the instances. */
  filePath?: string;
  /** False when the bytes were not valid UTF-8 (the text then holds replacement characters). */
  validUtf8?: boolean;
}

export interface SourceContext<Data = undefined> {
  source: SourceFile;
  /** Above this many characters the file is not parsed (the `maxFileSize` setting). */
  maxFileSize: number;
  report(finding: Report<Data>): void;
}

/** A rule of any data type, as the rule list holds them. */
export type AnyRule = Rule<any>;

export interface FixContext {
  model: ConfigModel;
  env: LintEnvironment;
  /** Fresh random hex digits, for fixes that create secrets (a new value each time a fix is built). */
  randomHex: (digits: number) => string;
  /** The line break to use for inserted lines. */
  eol: string;
}

/**
 * One rule: its metadata (the single source of the README's table, the docs pages'
 * headers, `--list-rules` and SARIF), its check, and its fixes. `Data` is what its
 * findings carry for its fixes.
 */
export interface Rule<Data = undefined> {
  id: string;
  category: RuleCategory;
  severity: Severity;
  /** One line of Markdown: the README's table, `--list-rules`, SARIF. */
  description: string;
  /** Looks at the parsed file. */
  check?(ctx: RuleContext<Data>): void;
  /**
   * 'section': what the rule reports in a section depends only on that section's
   * text, the other sections of the same name, [DEFAULT], the list of section
   * names, the file's path and the rule settings (never on `env` or `deployment`),
   * and it looks only at `ctx.focus`. An incremental analysis then reuses its
   * findings in the sections an edit did not change. Positions in its `data` are
   * fields named `line` or `...Line`, so that they move with their section.
   * Anything else is 'file' (the default): run on the whole file every time.
   */
  scope?: 'file' | 'section';
  /** With scope 'section' or `reads`: its messages name a line, so its findings are looked for again when lines move. */
  mentionsLines?: boolean;
  /** With scope 'section': the app settings it also reads; when the value of one changes, it looks at every section again. */
  readsAppSettings?: readonly string[];
  /**
   * With scope 'file': the sections it reads (by name; besides the list of names).
   * An incremental analysis runs it again only when one of them changed, and
   * otherwise keeps its findings. Such a rule never reads `env` or `deployment`.
   */
  reads?: (sectionName: string) => boolean;
  /**
   * Looks at the file before it is parsed (size, encoding); returning 'stop' leaves
   * the file unparsed, with only these findings.
   */
  checkSource?(ctx: SourceContext<Data>): 'stop' | void;
  /** Fixes for one of this rule's diagnostics, built from its data and range. */
  fix?(ctx: FixContext, diagnostic: Diagnostic<Data> & { data: Data }): Fix[];
  /**
   * Runs once every rule has reported, to gather other rules' findings into this
   * rule's own (legacy-config folds the version-only ones). Returns the new list.
   */
  gather?(model: ConfigModel, diagnostics: Diagnostic[]): Diagnostic[];
}
