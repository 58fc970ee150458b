// Turning the core's diagnostics into LSP diagnostics and publishing them.

import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Connection,
  type Diagnostic as LspDiagnostic,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ALL_FEATURES, type ClientFeatures } from '../client-features';
import type { Diagnostic, Severity } from '../../core/analysis/diagnostics';
import { ruleDocsUri } from '../../host/rule-docs';

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

/** An LSP diagnostic with only the fields the client declared it takes. */
export function toLspDiagnostic(uri: string, d: Diagnostic, features: ClientFeatures = ALL_FEATURES): LspDiagnostic {
  const out: LspDiagnostic = {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.rule,
    source: SOURCE,
    message: d.message,
  };
  if (features.diagnosticData) out.data = { rule: d.rule, data: d.data } satisfies DiagnosticData;
  const docs = features.codeDescription ? ruleDocsUri(d.rule) : undefined;
  if (docs) out.codeDescription = { href: docs };
  if (d.related?.length) {
    if (features.relatedInformation) out.relatedInformation = d.related.map((r) => ({ location: { uri, range: r.range }, message: r.message }));
    // Without related information the places still reach the user, as lines of the message.
    else out.message += d.related.map((r) => `\n  line ${r.range.start.line + 1}: ${r.message}`).join('');
  }
  if (features.diagnosticTags && d.tags?.length) out.tags = d.tags.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  return out;
}

export function publish(connection: Connection, doc: TextDocument, diagnostics: Diagnostic[], features: ClientFeatures = ALL_FEATURES): void {
  void connection.sendDiagnostics({
    uri: doc.uri,
    ...(features.diagnosticVersion ? { version: doc.version } : {}),
    diagnostics: diagnostics.map((d) => toLspDiagnostic(doc.uri, d, features)),
  });
}
