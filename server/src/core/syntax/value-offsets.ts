// Offsets inside an entry's value (which joins its continuation lines with '\n')
// mapped back to document positions, for diagnostics on part of a value.

import { factOf } from './facts';
import type { Entry } from './parser';
import { range, type Range } from './text';

// Where each part starts inside entry.value, so that long multi-line values map offsets in O(log n).
const partStarts = factOf((entry: Entry) => {
  const starts: number[] = [];
  let at = 0;
  for (const part of entry.parts) {
    starts.push(at);
    at += part.text.length + 1; // the '\n' that joins parts
  }
  return starts;
});

/** Map an offset inside entry.value back to a document position. */
export function valueOffsetToPosition(entry: Entry, offset: number): { line: number; character: number } {
  const parts = entry.parts;
  if (parts.length === 1) {
    const p = parts[0];
    return { line: p.line, character: p.character + Math.min(Math.max(offset, 0), p.text.length) };
  }
  const starts = partStarts(entry);
  // The last part that starts at or before the offset.
  let lo = 0;
  let hi = parts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  const part = parts[lo];
  return { line: part.line, character: part.character + Math.min(Math.max(offset - starts[lo], 0), part.text.length) };
}

export function valueSpanRange(entry: Entry, from: number, to: number): Range {
  const a = valueOffsetToPosition(entry, from);
  const b = valueOffsetToPosition(entry, to);
  return range(a.line, a.character, b.line, b.character);
}
