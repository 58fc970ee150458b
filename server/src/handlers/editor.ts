// LSP glue for the editor features: hover, completion, symbols, folding,
// definition, references and rename. Each maps one request onto the core.

import { randomBytes } from 'node:crypto';
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
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { complete, type CompletionKind } from '../core/completion';
import { hover } from '../core/hover';
import type { ConfigModel } from '../core/model';
import { definition, documentSymbols, foldingRanges, prepareRename, references, rename, type SymbolNode } from '../core/navigation';
import type { Position } from '../core/text';

export function onHover(model: ConfigModel, pos: Position): Hover | null {
  const h = hover(model, pos);
  return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: h.range } : null;
}

const KINDS: Record<CompletionKind, CompletionItemKind> = {
  section: CompletionItemKind.Module,
  key: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  reference: CompletionItemKind.Variable,
  snippet: CompletionItemKind.Snippet,
};

export function onCompletion(model: ConfigModel, pos: Position, snippets: boolean): CompletionItem[] {
  const hex = (n: number) => randomBytes(Math.ceil(n / 2)).toString('hex').slice(0, n);
  return complete(model, pos, { snippets, hex }).map((item) => ({
    label: item.label,
    kind: KINDS[item.kind],
    detail: item.detail,
    documentation: item.documentation ? { kind: MarkupKind.Markdown, value: item.documentation } : undefined,
    textEdit: { range: item.range, newText: item.insertText },
    insertTextFormat: item.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    sortText: item.sortText,
    preselect: item.preselect,
    filterText: item.kind === 'section' ? item.label : undefined,
  }));
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
