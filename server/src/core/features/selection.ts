// Selection ranges (expand selection): from what is under the cursor outwards. In a
// value: the %(name)s reference, the value (all its lines), the whole entry with its
// continuation lines, the section. On a key: the key, the entry, the section. On a
// header: its name, the header, the section.

import type { ConfigModel } from '../model/model';
import { targetAt } from '../syntax/positions';
import { comparePositions, containsPosition, type Position, type Range } from '../syntax/text';
import { sectionRange } from './navigation';

/** The ranges around the position, innermost first; each contains the one before. */
export function selectionRanges(model: ConfigModel, pos: Position): Range[] {
  const parsed = model.parsed;
  const owner = parsed.ownerAt(pos.line);
  const section = !owner ? undefined : 'key' in owner ? owner.section : owner;
  const target = targetAt(parsed, pos);
  const chain: Range[] = [];
  if (target?.kind === 'section') chain.push(target.section.nameRange, target.section.headerRange);
  else if (target?.kind === 'key') chain.push(target.entry.keyRange, target.entry.range);
  else if (target) {
    if (target.kind === 'reference') chain.push(target.range);
    chain.push(target.entry.valueRange, target.entry.range);
  }
  if (section) chain.push(sectionRange(model, section));
  // Nested and growing: a range that does not contain the previous one, or adds nothing, is dropped.
  const out: Range[] = [];
  for (const r of chain) {
    const last = out[out.length - 1];
    if (!containsPosition(r, pos) && !last) continue;
    if (last && (!contains(r, last) || same(r, last))) continue;
    out.push(r);
  }
  return out;
}

const contains = (outer: Range, inner: Range) => comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
const same = (a: Range, b: Range) => comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;
