// Quick fixes (kind `quickfix`) built from the current diagnostics' data, a
// suppression comment for any diagnostic, and `source.fixAll.kallithea`, which
// applies every safe fix.

import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic as LspDiagnostic,
  type AnnotatedTextEdit,
  type Command,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintEnvironment } from '../../core/model/deployment';
import type { Diagnostic, Fix } from '../../core/analysis/diagnostics';
import { fixAll, fixesFor } from '../../core/analysis/fixes';
import type { ConfigModel } from '../../core/model/model';
import type { RuleSetting } from '../../core/analysis/diagnostics';
import { CLIENT_COMMANDS, FIX_ALL_KIND, SERVER_COMMANDS } from '../../shared/names';
import { ALL_FEATURES, type ClientFeatures } from '../client-features';
import { comparePositions, skipSpace } from '../../core/syntax/text';
import { toLspDiagnostic } from './diagnostics';


export interface CodeActionInputs {
  doc: TextDocument;
  model: ConfigModel;
  env: LintEnvironment;
  /** The diagnostics computed for this exact document version. */
  current: Diagnostic[];
  rules: Record<string, RuleSetting>;
  /** What the client takes: code-action literals or only commands, change annotations. */
  features?: ClientFeatures;
}

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
}


/** Ranges that overlap or touch: a cursor inside (or at either end of) a diagnostic counts. */
function touches(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

/**
 * Fixes for the server's own current diagnostics at the requested range, whatever
 * the client echoes back (clients send stale ranges, or no `source` or `data`), and
 * for nothing elsewhere; fix-all stays a source action.
 */
export function codeActions(params: CodeActionParams, inputs: CodeActionInputs): (CodeAction | Command)[] {
  const { doc, model, env, current } = inputs;
  const features = inputs.features ?? ALL_FEATURES;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const uri = doc.uri;
  const eol = model.parsed.lines.dominantEol();

  if (wants(only, CodeActionKind.QuickFix)) {
    for (const diag of current.filter((d) => touches(d.range, params.range))) {
      const lsp = toLspDiagnostic(uri, diag, features);
      for (const fix of fixesFor(model, diag, env)) {
        // A fix with nothing an editor can do (the byte order mark is not in the editor's text) is for the CLI.
        if (!fix.edits.length && !fix.show) continue;
        const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [lsp], isPreferred: fix.preferred };
        if (fix.edits.length) action.edit = fixEdit(doc, fix, features.changeAnnotations);
        if (fix.show) action.command = { title: fix.title, command: CLIENT_COMMANDS.showDocument, arguments: [fix.show] };
        actions.push(action);
      }
      actions.push(suppressAction(uri, model, diag, lsp, eol));
    }
    if (actions.length && current.some((d) => fixesFor(model, d, env).some((f) => f.safe))) {
      const all = fixAllAction(doc, model, env, inputs.rules, CodeActionKind.QuickFix);
      if (all) actions.push({ ...all, title: 'Fix all safe Kallithea INI problems in this file' });
    }
  }
  if (only && wants(only, FIX_ALL_KIND) && only.some((k) => k.startsWith(CodeActionKind.SourceFixAll) || k === CodeActionKind.Source)) {
    const all = fixAllAction(doc, model, env, inputs.rules, FIX_ALL_KIND);
    if (all) actions.push(all);
  }
  return features.codeActionLiterals ? actions : actions.map(asCommand);
}

/** The same action for a client that only runs commands: its edit goes through the server's applyEdit command. */
function asCommand(action: CodeAction): Command {
  if (action.edit) return { title: action.title, command: SERVER_COMMANDS.applyEdit, arguments: [action.edit] };
  return { title: action.title, command: action.command?.command ?? '', arguments: action.command?.arguments };
}

const CONFIRM = 'kallithea.needsConfirmation';

/** A fix's edit; one that needs confirmation is annotated so that the editor previews it before applying. */
function fixEdit(doc: TextDocument, fix: Fix, annotate = false): WorkspaceEdit {
  if (!fix.needsConfirmation || !annotate) return { changes: { [doc.uri]: fix.edits as TextEdit[] } };
  return {
    documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: fix.edits.map((e): AnnotatedTextEdit => ({ ...e, annotationId: CONFIRM })) }],
    changeAnnotations: { [CONFIRM]: { label: fix.title, needsConfirmation: true, description: 'Review the changes before they are applied.' } },
  };
}

function suppressAction(uri: string, model: ConfigModel, diag: Diagnostic, lsp: LspDiagnostic, eol: string): CodeAction {
  const line = diag.range.start.line;
  const text = line < model.parsed.lines.length ? model.parsed.lines.text(line) : '';
  const indent = text.slice(0, skipSpace(text));
  return {
    title: `Suppress "${diag.rule}" on this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [lsp],
    edit: { changes: { [uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}# kallithea-ini: disable-next-line ${diag.rule}${eol}` }] } },
  };
}

/** One edit covering what fix-all changes (common prefix and suffix left alone). */
export function fixAllEdit(doc: TextDocument, model: ConfigModel, env: LintEnvironment, rules: CodeActionInputs['rules']): TextEdit | undefined {
  const before = doc.getText();
  const { text: after, applied } = fixAll(before, { filePath: model.filePath }, { rules, env });
  if (applied === 0 || after === before) return undefined;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) {
    endB--;
    endA--;
  }
  return { range: { start: doc.positionAt(start), end: doc.positionAt(endB) }, newText: after.slice(start, endA) };
}

function fixAllAction(doc: TextDocument, model: ConfigModel, env: LintEnvironment, rules: CodeActionInputs['rules'], kind: string): CodeAction | undefined {
  const edit = fixAllEdit(doc, model, env, rules);
  if (!edit) return undefined;
  return { title: 'Fix all safe Kallithea INI problems', kind, edit: { changes: { [doc.uri]: [edit] } } };
}
