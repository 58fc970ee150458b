// Reading a new version of a text from the parse of the previous one: only the
// sections an edit touched are read again. Python reads a line that starts with '['
// as a section header whatever came before it, and starts afresh after it, so the
// lines from the last such header above the edit to the first one below it can be
// read on their own; the rest of the parse is copied, moved by the lines and
// entries the edit added or removed. When a section read again shares its name with
// one outside (Python merges them, and repeated keys reach across), the whole text
// is read instead. An edit inside a value or a comment that leaves its line read as
// before (keepsShape) needs no reading at all: the previous parse is copied as it is.
// test/unit/splice.test.ts compares the result with a full reading.

import { ParsedConfig } from './parser';
import { ParsedSection } from './section';
import { NO_OWNER } from './owners';
import { LineKind, type InvalidLine, type Section } from './nodes';
import { firstNonSpace } from './text';

/** Where the texts of two versions differ: [start, oldEnd) in the old one became [start, newEnd) in the new one. */
function changedRange(a: string, b: string): { start: number; oldEnd: number; newEnd: number } {
  const max = Math.min(a.length, b.length);
  // Compared a block at a time: the engine compares strings faster than a loop over characters.
  const BLOCK = 4096;
  let start = 0;
  while (start + BLOCK <= max && a.substring(start, start + BLOCK) === b.substring(start, start + BLOCK)) start += BLOCK;
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let same = 0;
  const room = max - start;
  while (same + BLOCK <= room && a.substring(a.length - same - BLOCK, a.length - same) === b.substring(b.length - same - BLOCK, b.length - same)) same += BLOCK;
  while (same < room && a.charCodeAt(a.length - same - 1) === b.charCodeAt(b.length - same - 1)) same++;
  return { start, oldEnd: a.length - same, newEnd: b.length - same };
}

/** A header at the start of its line ('[' in column 0): read the same whatever precedes it. */
function freshStart(parsed: ParsedConfig, section: Section): boolean {
  return parsed.text.charCodeAt(parsed.lines.offset(section.line)) === 0x5b;
}

/**
 * The parse of `input`, a new version of the text `previous` is the parse of: only
 * the sections an edit touched are read (or the whole text, when that is needed).
 * The parser itself knows nothing of this, so what only detects configs (the VS Code
 * client) does not carry it.
 */
export function reparse(input: string, previous: ParsedConfig): ParsedConfig {
  return new ParsedConfig(input, (next) => spliceParse(next, previous, (text) => new ParsedConfig(text)));
}

/**
 * Fill `next` (just made for the new text, its arrays sized, nothing read) from
 * `previous` and a reading of the changed sections alone. False when the whole text
 * must be read instead; `next` is then untouched.
 */
function spliceParse(next: ParsedConfig, previous: ParsedConfig, readAlone: (text: string) => ParsedConfig): boolean {
  if (previous.bom !== next.bom) return false;
  const change = changedRange(previous.text, next.text);
  // Typing inside a value or a comment leaves every line read as it was: nothing is read again.
  if (shapeKept(previous, next.text, change)) {
    copyShape(next, previous);
    return true;
  }
  const old = previous.sections;
  // The first section to read again: the last fresh header on a line above the change.
  const firstChangedLine = previous.lines.length > 0 ? lineAt(previous, change.start) : 0;
  // (-1: none, the reading starts at the top.)
  let k0 = -1;
  for (let k = old.length - 1; k >= 0; k--) {
    if (old[k].line < firstChangedLine && freshStart(previous, old[k])) {
      k0 = k;
      break;
    }
  }
  // The first section not read again: the first fresh header after the change, with the
  // line break before it unchanged too (so that it starts a line in the new text as well).
  let k1 = old.length;
  for (let k = k0 + 1; k < old.length; k++) {
    if (previous.lines.offset(old[k].line) > change.oldEnd && freshStart(previous, old[k])) {
      k1 = k;
      break;
    }
  }
  const startLine = k0 < 0 ? 0 : old[k0].line;
  const firstSection = k0 < 0 ? 0 : k0;
  const oldEndLine = k1 < old.length ? old[k1].line : previous.lines.length;
  const lineDelta = next.lines.length - previous.lines.length;
  const endLine = oldEndLine + lineDelta;
  // Sections read again must not share a name with one that is not.
  const outside = new Set<string>();
  for (let k = 0; k < old.length; k++) if (k < firstSection || k >= k1) outside.add(old[k].name);
  for (let k = firstSection; k < k1; k++) if (outside.has(old[k].name)) return false;
  const { lines } = next;
  const regionText = next.text.slice(lines.offset(startLine), endLine < lines.length ? lines.offset(endLine) : next.text.length);
  // Read alone, a text that starts with U+FEFF would lose it as a byte order mark.
  if (regionText.charCodeAt(0) === 0xfeff) return false;
  const region = readAlone(regionText);
  for (const s of region.sections) if (outside.has(s.name)) return false;

  const e0 = k0 < 0 ? 0 : old[k0].firstEntry;
  const e1 = k1 < old.length ? old[k1].firstEntry : previous.entryCount;
  const regionLines = endLine - startLine;
  const entryDelta = e0 + region.entryCount - e1;
  const sectionDelta = firstSection + region.sections.length - k1;

  // Lines: kinds and owners.
  next.lineKinds.set(previous.lineKinds.subarray(0, startLine), 0);
  next.lineKinds.set(region.lineKinds.subarray(0, regionLines), startLine);
  next.lineKinds.set(previous.lineKinds.subarray(oldEndLine), endLine);
  const owners = next.owners;
  owners.set(previous.owners.subarray(0, startLine), 0);
  for (let l = 0; l < regionLines; l++) owners[startLine + l] = moveOwner(region.owners[l], e0, firstSection);
  for (let l = oldEndLine; l < previous.lines.length; l++) owners[l + lineDelta] = moveOwner(previous.owners[l], entryDelta, sectionDelta);

  // Entries.
  const keys = next.entryKeys;
  for (let i = 0; i < e0; i++) keys.push(previous.entryKeys[i]);
  for (let i = 0; i < region.entryCount; i++) keys.push(region.entryKeys[i]);
  for (let i = e1; i < previous.entryCount; i++) keys.push(previous.entryKeys[i]);
  next.entryLines.set(previous.entryLines.subarray(0, e0), 0);
  next.entryLastLines.set(previous.entryLastLines.subarray(0, e0), 0);
  next.entrySections.set(previous.entrySections.subarray(0, e0), 0);
  for (let i = 0; i < region.entryCount; i++) {
    next.entryLines[e0 + i] = region.entryLines[i] + startLine;
    next.entryLastLines[e0 + i] = region.entryLastLines[i] + startLine;
    next.entrySections[e0 + i] = region.entrySections[i] + firstSection;
  }
  for (let i = e1; i < previous.entryCount; i++) {
    next.entryLines[i + entryDelta] = previous.entryLines[i] + lineDelta;
    next.entryLastLines[i + entryDelta] = previous.entryLastLines[i] + lineDelta;
    next.entrySections[i + entryDelta] = previous.entrySections[i] + sectionDelta;
  }
  next.entryCount = e0 + region.entryCount + previous.entryCount - e1;
  // Repeated keys, in entry order; one repeats a key of its own section or of one of the same name.
  const repeats = previous.repeatedEntries();
  for (const index of repeats) if (index < e0) next.setDuplicate(index, previous.firstOf(index));
  for (const index of region.repeatedEntries()) next.setDuplicate(index + e0, region.firstOf(index) + e0);
  for (const index of repeats) {
    if (index < e1) continue;
    const first = previous.firstOf(index);
    next.setDuplicate(index + entryDelta, first < e0 ? first : first + entryDelta);
  }

  // Sections: new objects (a section belongs to its parse), with the first of each name.
  const firstOfName = new Map<string, Section>();
  const add = (from: Section, line: number, firstEntry: number, lastLine: number, lastUse: number) => addSection(next, firstOfName, from, line, firstEntry, lastLine, lastUse);
  for (let k = 0; k < firstSection; k++) add(old[k], old[k].line, old[k].firstEntry, old[k].lastLine, old[k].lastUse);
  for (const s of region.sections) {
    // Read alone, the region's last section runs to the end of its text; in the file, to the line before the next header.
    const lastLine = Math.min(s.lastLine + startLine, endLine - 1);
    add(s, s.line + startLine, s.firstEntry + e0, lastLine, s.lastUse < 0 ? -1 : s.lastUse + e0);
  }
  for (let k = k1; k < old.length; k++) add(old[k], old[k].line + lineDelta, old[k].firstEntry + entryDelta, old[k].lastLine + lineDelta, old[k].lastUse < 0 ? -1 : old[k].lastUse + entryDelta);

  // Lines Python cannot read, and lines before the first header.
  const move = (invalid: InvalidLine, by: number): InvalidLine => ({
    ...invalid,
    line: invalid.line + by,
    range: { start: { line: invalid.range.start.line + by, character: invalid.range.start.character }, end: { line: invalid.range.end.line + by, character: invalid.range.end.character } },
  });
  for (const invalid of previous.invalidLines) if (invalid.line < startLine) next.invalidLines.push(invalid);
  for (const invalid of region.invalidLines) if (invalid.line < regionLines) next.invalidLines.push(move(invalid, startLine));
  for (const invalid of previous.invalidLines) if (invalid.line >= oldEndLine) next.invalidLines.push(move(invalid, lineDelta));
  for (const line of previous.orphanLines) if (line < startLine) next.orphanLines.push(line);
  for (const line of region.orphanLines) if (line < regionLines) next.orphanLines.push(line + startLine);
  return true;
}

/** A copy of `from` as the next section of `next`, at the given place. */
function addSection(next: ParsedConfig, firstOfName: Map<string, Section>, from: Section, line: number, firstEntry: number, lastLine: number, lastUse: number): void {
  const section = new ParsedSection(from.name, next.sections.length, line, (from as ParsedSection).column, next, firstEntry);
  section.entryCount = from.entryCount;
  section.lastLine = lastLine;
  section.lastUse = lastUse;
  const first = firstOfName.get(from.name);
  if (first) section.duplicateOf = first;
  else firstOfName.set(from.name, section);
  next.sections.push(section);
}

/**
 * True when the edit changed the text inside one line, after what decides how Python
 * reads that line: after the delimiter of a key line (not one that starts with '[',
 * which a ']' could turn into a header), after the first character of a continuation
 * line or of a comment. The line is then read as before, and so is every other one.
 */
export function keepsShape(previous: ParsedConfig, text: string): boolean {
  return previous.bom === (text.charCodeAt(0) === 0xfeff) && shapeKept(previous, previous.bom ? text.slice(1) : text, changedRange(previous.text, previous.bom ? text.slice(1) : text));
}

function shapeKept(previous: ParsedConfig, text: string, change: { start: number; oldEnd: number; newEnd: number }): boolean {
  const old = previous.text;
  for (let i = change.start; i < change.oldEnd; i++) if (isBreak(old.charCodeAt(i))) return false;
  for (let i = change.start; i < change.newEnd; i++) if (isBreak(text.charCodeAt(i))) return false;
  if (previous.lines.length === 0) return false;
  const line = lineAt(previous, change.start);
  const from = previous.lines.offset(line);
  const to = previous.lines.end(line);
  const first = firstNonSpace(old, from, to);
  if (first === to || change.start <= first || change.oldEnd > to) return false;
  const kind = previous.lineKinds[line];
  if (kind === LineKind.Comment || kind === LineKind.Continuation) return true;
  if (kind !== LineKind.Entry || old.charCodeAt(first) === 0x5b /* [ */) return false;
  // The delimiter the reader found on the key line, as the entry knows it.
  return change.start > from + previous.peekEntry(previous.owners[line]).delimiterRange.start.character;
}

function isBreak(c: number): boolean {
  return c === 10 || c === 13;
}

/** `next` read as `previous` was, line for line (see keepsShape). */
function copyShape(next: ParsedConfig, previous: ParsedConfig): void {
  next.lineKinds.set(previous.lineKinds);
  next.owners.set(previous.owners);
  for (let i = 0; i < previous.entryCount; i++) next.entryKeys.push(previous.entryKeys[i]);
  next.entryLines.set(previous.entryLines);
  next.entryLastLines.set(previous.entryLastLines);
  next.entrySections.set(previous.entrySections);
  next.entryCount = previous.entryCount;
  for (const index of previous.repeatedEntries()) next.setDuplicate(index, previous.firstOf(index));
  const firstOfName = new Map<string, Section>();
  for (const s of previous.sections) addSection(next, firstOfName, s, s.line, s.firstEntry, s.lastLine, s.lastUse);
  // A loop, not a spread: a big file may hold more of these than a call takes arguments.
  for (const invalid of previous.invalidLines) next.invalidLines.push(invalid);
  for (const line of previous.orphanLines) next.orphanLines.push(line);
}

function moveOwner(owner: number, entries: number, sections: number): number {
  if (owner === NO_OWNER) return owner;
  return owner >= 0 ? owner + entries : owner - sections; // a section is SECTION_BASE - index
}

/** The line holding text offset `at`. */
function lineAt(parsed: ParsedConfig, at: number): number {
  let lo = 0;
  let hi = parsed.lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (parsed.lines.offset(mid) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

