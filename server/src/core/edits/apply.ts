// Applying text edits: offsets from positions, edits applied last to first, and
// the collision test that decides which fixes can be applied together.

import type { TextEdit } from '../analysis/diagnostics';
import type { ParsedConfig } from '../syntax/parser';
import { comparePositions, type Position } from '../syntax/text';

export function offsetAt(parsed: ParsedConfig, pos: Position): number {
  const line = Math.min(Math.max(pos.line, 0), parsed.lines.length - 1);
  return parsed.lines.offset(line) + Math.min(Math.max(pos.character, 0), parsed.lines.width(line));
}

/** Apply edits (given against the same text) from last to first. Overlapping edits are an error. */
export function applyEdits(parsed: ParsedConfig, edits: TextEdit[]): string {
  const sorted = edits
    .map((e, i) => ({ e, i, start: offsetAt(parsed, e.range.start), end: offsetAt(parsed, e.range.end) }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  let out = '';
  let pos = 0;
  for (const { e, start, end } of sorted) {
    if (start < pos) throw new Error('overlapping edits');
    out += parsed.text.slice(pos, start) + e.newText;
    pos = end;
  }
  return out + parsed.text.slice(pos);
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two inserts at one point may both apply; a range touching another's end may not overlap it.
  return comparePositions(a.range.start, b.range.end) < 0 && comparePositions(b.range.start, a.range.end) < 0;
}

/** Edits collide when they overlap, or when both insert inside a line at the same point (their order would matter). */
export function collide(a: TextEdit, b: TextEdit): boolean {
  if (overlaps(a, b)) return true;
  const aInsert = comparePositions(a.range.start, a.range.end) === 0;
  const bInsert = comparePositions(b.range.start, b.range.end) === 0;
  return aInsert && bInsert && a.range.start.character > 0 && comparePositions(a.range.start, b.range.start) === 0;
}
