// What is under the cursor: a section header, a key, a value, or a %(name)s
// reference inside a value. Hover, definition, references and rename all ask here.

import { scanPercents, type PercentToken } from './percents';
import type { Entry, ParsedConfig, Section } from './parser';
import { valueOffsetToPosition } from './value-offsets';
import { comparePositions, containsPosition, type Position, type Range } from './text';

export type Target =
  | { kind: 'section'; section: Section }
  | { kind: 'key'; entry: Entry }
  | { kind: 'reference'; entry: Entry; token: PercentToken; range: Range }
  | { kind: 'value'; entry: Entry; offset: number };

const isEntry = (o: Section | Entry | undefined): o is Entry => !!o && 'key' in o;

/** The value offset at a position, if the position is inside the entry's value text. */
export function valueOffsetAt(entry: Entry, pos: Position): number | undefined {
  let offset = 0;
  for (const part of entry.parts) {
    if (part.line === pos.line && pos.character >= part.character && pos.character <= part.character + part.text.length) return offset + pos.character - part.character;
    offset += part.text.length + 1;
  }
  return undefined;
}

export function referenceRanges(entry: Entry): { token: PercentToken; range: Range }[] {
  if (!entry.value.includes('%(')) return [];
  return scanPercents(entry.value)
    .filter((t) => t.kind === 'reference')
    .map((token) => ({ token, range: { start: valueOffsetToPosition(entry, token.offset), end: valueOffsetToPosition(entry, token.offset + token.length) } }));
}

export function targetAt(parsed: ParsedConfig, pos: Position): Target | undefined {
  const owner = parsed.ownerAt(pos.line);
  if (!owner) return undefined;
  if (!isEntry(owner)) {
    return owner.line === pos.line && containsPosition(owner.headerRange, pos) ? { kind: 'section', section: owner } : undefined;
  }
  const entry = owner;
  if (pos.line === entry.keyRange.start.line && comparePositions(pos, entry.keyRange.end) <= 0 && pos.character >= entry.keyRange.start.character) return { kind: 'key', entry };
  const offset = valueOffsetAt(entry, pos);
  if (offset === undefined) return undefined;
  for (const ref of referenceRanges(entry)) {
    if (offset >= ref.token.offset && offset <= ref.token.offset + ref.token.length) return { kind: 'reference', entry, token: ref.token, range: ref.range };
  }
  return { kind: 'value', entry, offset };
}
