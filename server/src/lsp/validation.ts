// When documents are linted: right after the messages already queued are handled
// (so a burst of keystrokes costs one lint). Big files are linted rule by rule with
// pauses, so that hover, completion and further edits are handled meanwhile, and a
// lint whose document has changed since is dropped at its next pause: a newer
// version always wins, and nothing is ever published for an older one. No timer
// holds a lint back, since dropping a stale one costs at most one rule's time.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lintAgain, lintFileInSteps, type LintOptions, type OpenedFile } from '../core/analysis/analysis';
import type { LintEnvironment } from '../core/model/deployment';
import type { DocumentStates, ValidationResult } from './documents';

/** Above this many lines a lint runs in steps. */
export const STEPPED_LINES = 5_000;

export interface ValidatorHooks {
  /** The current document for a URI (undefined once closed). */
  get(uri: string): TextDocument | undefined;
  /** The file as read, with its lint options and environment; undefined when it is not a Kallithea config. */
  prepare(doc: TextDocument): { file: OpenedFile; options: LintOptions; env: LintEnvironment } | undefined;
  publish(doc: TextDocument, result: ValidationResult | undefined): void;
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

export class Validator {
  private readonly timers = new Map<string, NodeJS.Immediate>();

  constructor(
    private readonly states: DocumentStates,
    private readonly hooks: ValidatorHooks,
  ) {}

  /** Lint soon; a later call for the same document replaces this one. */
  schedule(uri: string): void {
    this.cancel(uri);
    if (!this.hooks.get(uri)) return;
    this.timers.set(
      uri,
      setImmediate(() => {
        this.timers.delete(uri);
        void this.run(uri);
      }),
    );
  }

  cancel(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending) clearImmediate(pending);
    this.timers.delete(uri);
  }

  /** The diagnostics of the current version, linting now (synchronously) if needed. */
  now(doc: TextDocument): ValidationResult | undefined {
    const cached = this.states.result(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const prepared = this.hooks.prepare(doc);
    if (!prepared) return undefined;
    const linted = lintAgain(prepared.file, prepared.options, this.states.record(doc.uri));
    const result = { version: doc.version, diagnostics: linted.diagnostics, env: prepared.env };
    this.states.setResult(doc.uri, result, linted.record);
    return result;
  }

  private async run(uri: string): Promise<void> {
    const doc = this.hooks.get(uri);
    if (!doc) return;
    const version = doc.version;
    const prepared = this.hooks.prepare(doc);
    if (!prepared) {
      this.states.setResult(uri, undefined);
      this.hooks.publish(doc, undefined);
      return;
    }
    const stale = () => this.hooks.get(uri)?.version !== version;
    const previous = this.states.record(uri);
    const linted =
      // The parse's own line count: asking the document for its count would make it index every line too.
      (prepared.file.model?.parsed.lines.length ?? 0) > STEPPED_LINES
        ? await lintFileInSteps(prepared.file, prepared.options, previous, pause, stale)
        : lintAgain(prepared.file, prepared.options, previous);
    if (!linted || stale()) return; // a newer version is on its way and will publish
    const result = { version, diagnostics: linted.diagnostics, env: prepared.env };
    this.states.setResult(uri, result, linted.record);
    this.hooks.publish(doc, result);
  }
}
