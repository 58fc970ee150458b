// LSP glue for inlay hints: the core's hints on the requested lines, as LSP InlayHints.

import { InlayHintKind, type Connection, type InlayHint, type Range } from 'vscode-languageserver/node';
import { inlayHints } from '../../core/features/inlay-hints';
import type { LintEnvironment } from '../../core/model/deployment';
import type { ConfigModel } from '../../core/model/model';

export function onInlayHints(model: ConfigModel, range: Range, env: LintEnvironment): InlayHint[] {
  return inlayHints(model, range.start.line, range.end.line, env).map((h) => ({
    position: h.position,
    label: h.label,
    kind: h.kind === 'value' ? InlayHintKind.Type : InlayHintKind.Parameter,
    tooltip: h.tooltip,
    paddingLeft: true,
  }));
}

/** Answer textDocument/inlayHint for the documents `hinted` gives a model for (open Kallithea configs with hints on). */
export function registerInlayHints(connection: Connection, hinted: (uri: string) => { model: ConfigModel; env: LintEnvironment } | undefined): void {
  connection.languages.inlayHint.on((params) => {
    const target = hinted(params.textDocument.uri);
    return target ? onInlayHints(target.model, params.range, target.env) : [];
  });
}
