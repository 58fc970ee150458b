// LSP glue for the editor features: hover, completion, symbols, folding,
// definition, references and rename. Each maps one request onto the core.

import {
  CompletionItemKind,
  FoldingRangeKind,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  type CompletionItem,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type Location,
  type Range,
  type Connection,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { secureRandomHex } from '../../core/edits/secrets';
import { ALL_FEATURES, type ClientFeatures } from '../client-features';
import { registerEditingHandlers } from './editing';
import { complete, type CompletionKind } from '../../core/features/completion';
import { hover } from '../../core/features/hover';
import { markdownToPlainText } from '../../core/features/markdown';
import { snippetAsPlainText } from '../../core/features/snippets';
import type { ConfigModel } from '../../core/model/model';
import { definition, documentSymbols, foldingRanges, prepareRename, references, rename, type SymbolNode } from '../../core/features/navigation';
import type { Position } from '../../core/syntax/text';

export function onHover(model: ConfigModel, pos: Position, markdown = true): Hover | null {
  const h = hover(model, pos);
  if (!h) return null;
  return { contents: markdown ? { kind: MarkupKind.Markdown, value: h.markdown } : { kind: MarkupKind.PlainText, value: markdownToPlainText(h.markdown) }, range: h.range };
}

const KINDS: Record<CompletionKind, CompletionItemKind> = {
  section: CompletionItemKind.Module,
  key: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  reference: CompletionItemKind.Variable,
  snippet: CompletionItemKind.Snippet,
};

export function onCompletion(model: ConfigModel, pos: Position, snippets: boolean, features: ClientFeatures = ALL_FEATURES): CompletionItem[] {
  return complete(model, pos, { snippets, hex: secureRandomHex }).map((item) => {
    // Without snippet support a client would insert "${1:file}" as it is: send the text a user would end up with.
    const snippet = item.snippet && features.snippets;
    const out: CompletionItem = {
      label: item.label,
      kind: KINDS[item.kind],
      detail: item.detail,
      documentation: item.documentation
        ? features.markdownDocs
          ? { kind: MarkupKind.Markdown, value: item.documentation }
          : { kind: MarkupKind.PlainText, value: markdownToPlainText(item.documentation) }
        : undefined,
      textEdit: { range: item.range, newText: item.snippet && !snippet ? snippetAsPlainText(item.insertText) : item.insertText },
      insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      sortText: item.sortText,
      preselect: item.preselect,
      filterText: item.kind === 'section' ? item.label : undefined,
    };
    if (features.labelDetails && item.detail) out.labelDetails = { description: item.kind };
    return out;
  });
}

function toSymbol(node: SymbolNode): DocumentSymbol {
  return {
    name: node.name,
    kind: node.kind === 'section' ? SymbolKind.Namespace : SymbolKind.Property,
    detail: node.detail,
    range: node.range,
    selectionRange: node.selectionRange,
    children: node.children?.map(toSymbol),
  };
}

export function onDocumentSymbol(model: ConfigModel): DocumentSymbol[] {
  return documentSymbols(model).map(toSymbol);
}

export function onFoldingRanges(model: ConfigModel): FoldingRange[] {
  return foldingRanges(model).map((f) => ({ startLine: f.startLine, endLine: f.endLine, kind: f.kind === 'comment' ? FoldingRangeKind.Comment : undefined }));
}

export function onDefinition(model: ConfigModel, uri: string, pos: Position): Location | null {
  const range = definition(model, pos);
  return range ? { uri, range } : null;
}

export function onReferences(model: ConfigModel, uri: string, pos: Position, includeDeclaration: boolean): Location[] {
  return references(model, pos, includeDeclaration).map((range) => ({ uri, range }));
}

export function onPrepareRename(model: ConfigModel, pos: Position): { range: Range; placeholder: string } | null {
  return prepareRename(model, pos) ?? null;
}

export function onRename(model: ConfigModel, uri: string, pos: Position, newName: string): WorkspaceEdit | null {
  const edits = rename(model, pos, newName);
  return edits ? { changes: { [uri]: edits } } : null;
}

/** Wire the editor requests to the handlers above, for the open Kallithea documents (`modelFor`). */
export function registerEditorHandlers(
  connection: Connection,
  modelFor: (uri: string) => ConfigModel | undefined,
  options: () => { features: ClientFeatures; snippets: boolean },
): void {
  connection.onHover((p, token) => {
    const model = token.isCancellationRequested ? undefined : modelFor(p.textDocument.uri);
    return model ? onHover(model, p.position, options().features.markdownHover) : null;
  });
  connection.onCompletion((p, token) => {
    const model = token.isCancellationRequested ? undefined : modelFor(p.textDocument.uri);
    return model ? onCompletion(model, p.position, options().snippets, options().features) : [];
  });
  connection.onDocumentSymbol((p) => {
    const model = modelFor(p.textDocument.uri);
    return model ? onDocumentSymbol(model) : [];
  });
  connection.onFoldingRanges((p) => {
    const model = modelFor(p.textDocument.uri);
    return model ? onFoldingRanges(model) : [];
  });
  connection.onDefinition((p) => {
    const model = modelFor(p.textDocument.uri);
    return model ? onDefinition(model, p.textDocument.uri, p.position) : null;
  });
  connection.onReferences((p) => {
    const model = modelFor(p.textDocument.uri);
    return model ? onReferences(model, p.textDocument.uri, p.position, p.context.includeDeclaration) : [];
  });
  connection.onPrepareRename((p) => {
    const model = modelFor(p.textDocument.uri);
    return model ? onPrepareRename(model, p.position) : null;
  });
  connection.onRenameRequest((p) => {
    const model = modelFor(p.textDocument.uri);
    return model ? onRename(model, p.textDocument.uri, p.position, p.newName) : null;
  });
  registerEditingHandlers(connection, modelFor);
}
