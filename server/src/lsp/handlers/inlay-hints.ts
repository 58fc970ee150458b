// LSP glue for inlay hints: the core's hints on the requested lines, as LSP InlayHints.

import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver/node';
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
