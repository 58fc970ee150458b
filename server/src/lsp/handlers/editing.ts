// Editing requests: formatting (whole document and range), document links, document
// highlight and selection ranges, each mapped onto the core for an open Kallithea
// document. Links to files are offered only when the file exists (checked here, on
// the host, for the paths the core resolved).

import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { DocumentHighlightKind, type Connection, type DocumentHighlight, type DocumentLink, type SelectionRange, type TextEdit } from 'vscode-languageserver/node';
import { formatEdits } from '../../core/features/format';
import { documentLinks } from '../../core/features/links';
import { highlights } from '../../core/features/navigation';
import { selectionRanges } from '../../core/features/selection';
import type { ConfigModel } from '../../core/model/model';

const exists = (path: string) => {
  try {
    fs.statSync(path);
    return true;
  } catch {
    return false;
  }
};

export function registerEditingHandlers(connection: Connection, modelFor: (uri: string) => ConfigModel | undefined): void {
  connection.onDocumentFormatting((p): TextEdit[] => {
    const model = modelFor(p.textDocument.uri);
    return model ? formatEdits(model.parsed) : [];
  });
  connection.onDocumentRangeFormatting((p): TextEdit[] => {
    const model = modelFor(p.textDocument.uri);
    return model ? formatEdits(model.parsed, p.range) : [];
  });
  connection.onDocumentLinks((p): DocumentLink[] => {
    const model = modelFor(p.textDocument.uri);
    if (!model) return [];
    return documentLinks(model, exists).map((l) => ({ range: l.range, target: l.kind === 'file' ? pathToFileURL(l.target).toString() : l.target, tooltip: l.kind === 'file' ? l.target : undefined }));
  });
  connection.onDocumentHighlight((p): DocumentHighlight[] => {
    const model = modelFor(p.textDocument.uri);
    return model ? highlights(model, p.position).map((h) => ({ range: h.range, kind: h.defines ? DocumentHighlightKind.Write : DocumentHighlightKind.Read })) : [];
  });
  connection.onSelectionRanges((p): SelectionRange[] => {
    const model = modelFor(p.textDocument.uri);
    return p.positions.map((pos) => {
      const ranges = model ? selectionRanges(model, pos) : [];
      let parent: SelectionRange | undefined;
      for (const range of ranges.reverse()) parent = { range, parent };
      return parent ?? { range: { start: pos, end: pos } };
    });
  });
}
