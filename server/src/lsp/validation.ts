// When documents are linted. Small files are linted right after the messages
// already queued are handled (so a burst of keystrokes costs one lint); big files
// wait a little (as long as their last lint took), are linted rule by rule with
// pauses so that hover and completion are answered meanwhile, and a lint whose
// document has changed since is dropped: a newer version always wins, and nothing
// is ever published for an older one.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lintFile, lintFileInSteps, type LintOptions, type OpenedFile } from '../core/analysis/analysis';
import type { LintEnvironment } from '../core/model/deployment';
import type { DocumentStates, ValidationResult } from './documents';

/** Above this many lines a lint runs in steps and after a delay. */
export const STEPPED_LINES = 5_000;
const MAX_DELAY_MS = 300;

export interface ValidatorHooks {
  /** The current document for a URI (undefined once closed). */
  get(uri: string): TextDocument | undefined;
  /** The file as read, with its lint options and environment; undefined when it is not a Kallithea config. */
  prepare(doc: TextDocument): { file: OpenedFile; options: LintOptions; env: LintEnvironment } | undefined;
  publish(doc: TextDocument, result: ValidationResult | undefined): void;
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

export class Validator {
  private readonly timers = new Map<string, { immediate?: NodeJS.Immediate; timeout?: NodeJS.Timeout }>();

  constructor(
    private readonly states: DocumentStates,
    private readonly hooks: ValidatorHooks,
  ) {}

  /** Lint soon; a later call for the same document replaces this one. */
  schedule(uri: string): void {
    this.cancel(uri);
    const doc = this.hooks.get(uri);
    if (!doc) return;
    const big = doc.lineCount > STEPPED_LINES;
    const delay = big ? Math.min(MAX_DELAY_MS, this.states.lastLintMs(uri) ?? 50) : 0;
    const run = () => {
      this.timers.delete(uri);
      void this.run(uri);
    };
    this.timers.set(uri, delay === 0 ? { immediate: setImmediate(run) } : { timeout: setTimeout(run, delay) });
  }

  cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (!t) return;
    if (t.immediate) clearImmediate(t.immediate);
    if (t.timeout) clearTimeout(t.timeout);
    this.timers.delete(uri);
  }

  /** The diagnostics of the current version, linting now (synchronously) if needed. */
  now(doc: TextDocument): ValidationResult | undefined {
    const cached = this.states.result(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const prepared = this.hooks.prepare(doc);
    if (!prepared) return undefined;
    const result = { version: doc.version, diagnostics: lintFile(prepared.file, prepared.options), env: prepared.env };
    this.states.setResult(doc.uri, result);
    return result;
  }

  private async run(uri: string): Promise<void> {
    const doc = this.hooks.get(uri);
    if (!doc) return;
    const version = doc.version;
    const started = performance.now();
    const prepared = this.hooks.prepare(doc);
    if (!prepared) {
      this.states.setResult(uri, undefined);
      this.hooks.publish(doc, undefined);
      return;
    }
    const stale = () => this.hooks.get(uri)?.version !== version;
    const diagnostics =
      doc.lineCount > STEPPED_LINES ? await lintFileInSteps(prepared.file, prepared.options, pause, stale) : lintFile(prepared.file, prepared.options);
    if (!diagnostics || stale()) return; // a newer version is on its way and will publish
    const result = { version, diagnostics, env: prepared.env };
    this.states.setResult(uri, result, performance.now() - started);
    this.hooks.publish(doc, result);
  }
}
