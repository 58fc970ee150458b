// The reading itself: one pass over the lines of a file, with Python's bookkeeping,
// filling a ParsedConfig (see parser.ts for what is read and why).

import { KeyInterner } from './interner';
import { LineKind, type Section } from './nodes';
import { NO_OWNER, sectionOwner } from './owners';
import type { ParsedConfig } from './parser';
import { ParsedSection } from './section';
import { firstNonSpace, lastNonSpace, lineRange } from './text';

// Up to this many keys in a section, a repeated key is found by a scan.
const LINEAR_KEY_SEARCH = 16;

/** The reading itself: one pass over the lines, with Python's bookkeeping. */
export function read(parsed: ParsedConfig): void {
  const { text, lines, lineKinds, owners, sections, invalidLines, orphanLines, entryKeys, entryLastLines } = parsed;
  // The owner code of the current section (lines before the first header have none).
  let currentOwner = NO_OWNER;
  // Python's bookkeeping: which names were added during this read (strict mode).
  const sectionsByName = new Map<string, Section>();
  const emptyKeySections = new Set<string>();
  const keys = KeyInterner.shared(lines.length);

  let current: ParsedSection | undefined;
  // The earlier sections of the current name (when it repeats) and, for a long section, its keys by name.
  let keysOfName: ParsedSection[] | undefined;
  let keyIndex: Map<string, number> | undefined;
  // Entries are numbers here (see parser.ts): the first earlier entry of the key, or -1.
  const earlierKey = (key: string): number => {
    if (keyIndex) return keyIndex.get(key) ?? -1;
    if (!keysOfName) {
      const from = current!.firstEntry;
      for (let i = from; i < from + current!.entryCount; i++) if (entryKeys[i] === key) return i;
      return -1;
    }
    for (const s of keysOfName) for (let i = s.firstEntry; i < s.firstEntry + s.entryCount; i++) if (entryKeys[i] === key) return parsed.firstOf(i);
    return -1;
  };
  // The entry whose value continuation lines extend (Python's `optname`), or -1.
  let open = -1;
  let indentLevel = 0;
  // The next '=' and ':' at or after the line being read (-1: none left), so that
  // finding a line's delimiter never searches past it twice.
  let nextEq = -2;
  let nextColon = -2;

  const finish = (before: number) => {
    if (open >= 0) parsed.releaseTrailingBlanks(open, before);
    open = -1;
  };

  for (let ln = 0; ln < lines.length; ln++) {
    const lineStart = lines.offset(ln);
    const lineEnd = lines.end(ln);
    const start = firstNonSpace(text, lineStart, lineEnd);

    if (start === lineEnd) {
      // Blank: kept inside a value as an empty line (configparser's empty_lines_in_values).
      owners[ln] = open >= 0 ? open : currentOwner;
      continue; // LineKind.Blank is 0
    }
    const end = lastNonSpace(text, start, lineEnd);
    const column = start - lineStart;

    const first = text.charCodeAt(start);
    if (first === 0x23 /* # */ || first === 0x3b /* ; */) {
      // A full-line comment, even when indented; it neither ends nor extends a value.
      lineKinds[ln] = LineKind.Comment;
      owners[ln] = open >= 0 ? open : currentOwner;
      continue;
    }

    if (open >= 0 && column > indentLevel) {
      lineKinds[ln] = LineKind.Continuation;
      owners[ln] = open;
      entryLastLines[open] = ln;
      continue;
    }

    indentLevel = column;
    const header = first === 0x5b /* [ */ ? lastCloseBracket(text, start + 2, end) : -1;
    if (header >= 0) {
      finish(ln);
      const name = text.slice(start + 1, header);
      const section = new ParsedSection(name, sections.length, ln, column, parsed, parsed.entryCount);
      const earlier = sectionsByName.get(name);
      if (earlier) section.duplicateOf = earlier;
      else sectionsByName.set(name, section);
      if (current) current.lastLine = ln - 1;
      current = section;
      // Python keeps one key table per name: a repeated section adds to the first one's.
      keysOfName = earlier ? [...(sections.filter((s) => s.name === name) as ParsedSection[]), section] : undefined;
      keyIndex = undefined;
      sections.push(section);
      lineKinds[ln] = LineKind.Section;
      owners[ln] = currentOwner = sectionOwner(section.index);
      continue;
    }

    if (!current) {
      lineKinds[ln] = LineKind.Orphan;
      orphanLines.push(ln);
      continue;
    }

    if (nextEq !== -1 && nextEq < start) nextEq = text.indexOf('=', start);
    if (nextColon !== -1 && nextColon < start) nextColon = text.indexOf(':', start);
    const eq = nextEq >= 0 && nextEq < end ? nextEq : -1;
    const colon = nextColon >= 0 && nextColon < end ? nextColon : -1;
    const delim = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
    if (delim < 0) {
      // Python notes the error and reads on without forgetting the previous key:
      // a more indented line after this one still continues that key's value.
      lineKinds[ln] = LineKind.Invalid;
      owners[ln] = currentOwner;
      invalidLines.push({ line: ln, range: lineRange(ln, column, end - lineStart), reason: 'no-delimiter' });
      continue;
    }
    finish(ln);
    const keyEnd = lastNonSpace(text, start, delim);
    if (keyEnd === start) {
      // Python records the error but still stores the value under the empty key
      // (so a second one in the section is a repeated key) and keeps no continuation for it.
      lineKinds[ln] = LineKind.Invalid;
      owners[ln] = currentOwner;
      const repeated = emptyKeySections.has(current.name);
      emptyKeySections.add(current.name);
      invalidLines.push({ line: ln, range: lineRange(ln, column, end - lineStart), reason: 'empty-key', repeated });
      continue;
    }
    const key = keys.intern(text, start, keyEnd);
    const earlier = earlierKey(key);
    const entry = parsed.addEntry(current, key, ln);
    if (key === 'use') current.lastUse = entry;
    if (earlier >= 0) parsed.setDuplicate(entry, earlier);
    current.entryCount++;
    if (keyIndex) {
      if (earlier < 0) keyIndex.set(key, entry);
    } else if (current.entryCount > LINEAR_KEY_SEARCH) {
      // Past a few keys a table beats a scan of the section.
      keyIndex = new Map();
      for (const s of keysOfName ?? [current]) for (let i = s.firstEntry; i < s.firstEntry + s.entryCount; i++) if (parsed.firstOf(i) === i && !keyIndex.has(entryKeys[i])) keyIndex.set(entryKeys[i], i);
    }
    lineKinds[ln] = LineKind.Entry;
    owners[ln] = entry;
    open = entry;
  }
  finish(lines.length);
  if (current) current.lastLine = lines.length - 1;
}

/** The last ']' of a '[' line at or after `from` (so that the name has a character), or -1. */
function lastCloseBracket(text: string, from: number, end: number): number {
  for (let i = end - 1; i >= from; i--) if (text.charCodeAt(i) === 0x5d) return i;
  return -1;
}
