// Turning the core's diagnostics into LSP diagnostics and publishing them.

import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Connection,
  type Diagnostic as LspDiagnostic,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { docsUrl, type Diagnostic, type Severity } from '../core/diagnostics';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const SOURCE = 'kallithea-ini';

/** What travels in an LSP diagnostic's `data`: the rule's own facts, for its fixes. */
export interface DiagnosticData {
  rule: string;
  data?: unknown;
}

export function toLspDiagnostic(uri: string, d: Diagnostic): LspDiagnostic {
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.rule,
    codeDescription: { href: docsUrl(d.rule) },
    source: SOURCE,
    message: d.message,
    relatedInformation: d.related?.map((r) => ({ location: { uri, range: r.range }, message: r.message })),
    tags: d.tags?.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated)),
    data: { rule: d.rule, data: d.data } satisfies DiagnosticData,
  };
}

export function publish(connection: Connection, doc: TextDocument, diagnostics: Diagnostic[]): void {
  void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: diagnostics.map((d) => toLspDiagnostic(doc.uri, d)) });
}
