// Structure and navigation: document symbols (sections and their keys), folding,
// and definition / references / rename for %(name)s, `get LOCAL = GLOBAL` targets
// and the logging name lists.

import { baseKey } from '../catalog';
import { displayValue, isSecretKey } from '../catalog/display';
import { definitionOf, mentionsIn, nameMentions, sectionName, type NameKind } from '../model/logging-names';
import type { ConfigModel } from '../model/model';
import { LineKind, type Entry, type Section } from '../syntax/parser';
import { referenceRanges, targetAt, valueOffsetAt } from '../syntax/positions';
import { comparePositions, containsPosition, lineRange, type Position, type Range } from '../syntax/text';

export interface SymbolNode {
  name: string;
  kind: 'section' | 'key';
  detail?: string;
  range: Range;
  selectionRange: Range;
  children?: SymbolNode[];
}

export function documentSymbols(model: ConfigModel): SymbolNode[] {
  const parsed = model.parsed;
  return parsed.sections.map((section) => {
    const kind = model.sectionKind(section.name);
    return {
      name: `[${section.name}]`,
      kind: 'section',
      range: sectionRange(model, section),
      selectionRange: section.headerRange,
      children: section.entries.map((e) => ({
        name: e.key,
        kind: 'key',
        detail: displayValue(e.value, isSecretKey(kind, baseKey(e.key).name), 60),
        range: e.range,
        selectionRange: e.keyRange,
      })),
    };
  });
}

function lastContentLine(model: ConfigModel, section: Section): number {
  let l = section.lastLine;
  while (l > section.line && (model.parsed.lineKinds[l] === LineKind.Blank || model.parsed.lineKinds[l] === LineKind.Comment)) l--;
  return l;
}

export interface Fold {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'region';
}

export function foldingRanges(model: ConfigModel): Fold[] {
  const parsed = model.parsed;
  const folds: Fold[] = [];
  for (const section of parsed.sections) {
    const end = lastContentLine(model, section);
    if (end > section.line) folds.push({ startLine: section.line, endLine: end });
  }
  for (const entry of parsed.entries) if (entry.range.end.line > entry.range.start.line) folds.push({ startLine: entry.range.start.line, endLine: entry.range.end.line });
  let start = -1;
  for (let l = 0; l <= parsed.lines.length; l++) {
    const isComment = l < parsed.lines.length && parsed.lineKinds[l] === LineKind.Comment;
    if (isComment && start < 0) start = l;
    if (!isComment && start >= 0) {
      if (l - 1 > start) folds.push({ startLine: start, endLine: l - 1, kind: 'comment' });
      start = -1;
    }
  }
  return folds.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

/** What a position names: a key definition (an entry), or a logging section. */
type Symbol = { kind: 'entry'; entry: Entry } | { kind: 'logging'; nameKind: NameKind; name: string; section?: Section };

function loggingMentionAt(model: ConfigModel, pos: Position) {
  const owner = model.parsed.ownerAt(pos.line);
  return owner && 'key' in owner ? mentionsIn(owner).find((m) => containsPosition(m.range, pos)) : undefined;
}

function symbolAt(model: ConfigModel, pos: Position): { symbol: Symbol; range: Range } | undefined {
  const mention = loggingMentionAt(model, pos);
  if (mention) return { symbol: { kind: 'logging', nameKind: mention.kind, name: mention.name, section: definitionOf(model.parsed, mention.kind, mention.name) }, range: mention.range };
  const target = targetAt(model.parsed, pos);
  if (!target) return undefined;
  if (target.kind === 'section') {
    const named = sectionName(target.section);
    if (!named) return undefined;
    const section = definitionOf(model.parsed, named.kind, named.name) ?? target.section;
    return { symbol: { kind: 'logging', nameKind: named.kind, name: named.name, section }, range: target.section.nameRange };
  }
  if (target.kind === 'key') return { symbol: { kind: 'entry', entry: target.entry }, range: target.entry.keyRange };
  if (target.kind === 'reference') {
    const binding = model.lookup(target.entry.section.name, target.token.name!);
    return binding?.entry ? { symbol: { kind: 'entry', entry: binding.entry }, range: target.range } : undefined;
  }
  const { prefix } = baseKey(target.entry.key);
  if (prefix === 'get') {
    const name = target.entry.value.trim();
    const global = model.context(target.entry.section.name).globalConf.get(name);
    return global?.entry ? { symbol: { kind: 'entry', entry: global.entry }, range: target.entry.valueRange } : undefined;
  }
  return undefined;
}

export function definition(model: ConfigModel, pos: Position): Range | undefined {
  const found = symbolAt(model, pos);
  if (!found) return undefined;
  if (found.symbol.kind === 'entry') return found.symbol.entry.keyRange;
  return found.symbol.section?.headerRange;
}

interface Occurrence {
  range: Range;
  /** The text to put there when renaming to `n`. */
  rename: (n: string) => string;
  /** The place that defines the name (a key, a logging section's header), not a use of it. */
  defines?: boolean;
}

/** Every place that names the symbol: its definition first. */
function occurrences(model: ConfigModel, symbol: Symbol): Occurrence[] {
  const parsed = model.parsed;
  if (symbol.kind === 'logging') {
    const out: Occurrence[] = [];
    const prefix = `${symbol.nameKind}_`;
    for (const s of parsed.sections) {
      const named = sectionName(s);
      if (named?.kind === symbol.nameKind && named.name === symbol.name) {
        const at = s.name.lastIndexOf(prefix) + prefix.length;
        const start = s.nameRange.start.character + at;
        out.push({ range: lineRange(s.line, start, s.nameRange.end.character), rename: (n) => n, defines: true });
      }
    }
    for (const m of nameMentions(parsed)) if (m.kind === symbol.nameKind && m.name === symbol.name) out.push({ range: m.range, rename: (n) => n });
    return out;
  }
  const target = symbol.entry;
  const { name } = baseKey(target.key);
  const prefix = baseKey(target.key).prefix;
  const keyStart = target.keyRange.start.character + (prefix ? target.key.length - name.length : 0);
  const out: Occurrence[] = [{ range: lineRange(target.keyRange.start.line, keyStart, target.keyRange.end.character), rename: (n) => n, defines: true }];
  for (const entry of parsed.entries) {
    for (const ref of referenceRanges(entry)) {
      if (ref.token.name !== name || model.lookup(entry.section.name, name)?.entry !== target) continue;
      const start = { line: ref.range.start.line, character: ref.range.start.character + 2 };
      const end = { line: ref.range.end.line, character: ref.range.end.character - 2 };
      out.push({ range: { start, end }, rename: (n) => n });
    }
    if (baseKey(entry.key).prefix === 'get' && entry.value.trim() === name && /^(app|application|server|filter):/.test(entry.section.name)) {
      if (model.context(entry.section.name).globalConf.get(name)?.entry === target) {
        const part = entry.parts[0];
        const at = part.text.indexOf(name);
        out.push({ range: lineRange(part.line, part.character + at, part.character + at + name.length), rename: (n) => n });
      }
    }
  }
  return out;
}

export function references(model: ConfigModel, pos: Position, includeDeclaration = true): Range[] {
  const found = symbolAt(model, pos);
  if (!found) return [];
  const all = occurrences(model, found.symbol).map((o) => o.range);
  return includeDeclaration ? all : all.slice(1);
}

/** Document highlight: every place that names what is at the position, the definition marked as written. */
export function highlights(model: ConfigModel, pos: Position): { range: Range; defines: boolean }[] {
  const found = symbolAt(model, pos);
  return found ? occurrences(model, found.symbol).map((o) => ({ range: o.range, defines: !!o.defines })) : [];
}

/** A section from its header to its last line with content. */
export function sectionRange(model: ConfigModel, section: Section): Range {
  const lastLine = Math.max(section.line, lastContentLine(model, section));
  return { start: section.headerRange.start, end: { line: lastLine, character: model.parsed.lines.text(lastLine).length } };
}

export interface RenameEdit {
  range: Range;
  newText: string;
}

/** The range and current name to rename at a position, or undefined when nothing there can be renamed. */
export function prepareRename(model: ConfigModel, pos: Position): { range: Range; placeholder: string } | undefined {
  const found = symbolAt(model, pos);
  if (!found) return undefined;
  const occ = occurrences(model, found.symbol);
  const here = occ.find((o) => containsPosition(o.range, pos)) ?? occ[0];
  if (!here) return undefined;
  const placeholder = found.symbol.kind === 'entry' ? baseKey(found.symbol.entry.key).name : found.symbol.name;
  return { range: here.range, placeholder };
}

export function rename(model: ConfigModel, pos: Position, newName: string): RenameEdit[] | undefined {
  if (!/^[^\s=:%()\[\],;#]+$/.test(newName)) return undefined;
  const found = symbolAt(model, pos);
  if (!found) return undefined;
  return occurrences(model, found.symbol)
    .map((o) => ({ range: o.range, newText: o.rename(newName) }))
    .sort((a, b) => comparePositions(a.range.start, b.range.start));
}

export { valueOffsetAt };
