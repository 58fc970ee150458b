// A lossless, error-tolerant reader for Kallithea .ini files that reproduces what
// Python 3's configparser.ConfigParser (as PasteDeploy configures it: strict,
// '=' and ':' delimiters, full-line '#'/';' comments only, continuation lines by
// indentation with blank lines kept, optionxform = str) reads from the same text.
// It never throws: where Python would stop, it records the fact and reads on, so
// that every problem in the file can be reported at once.
//
// It allocates little, because it runs on every keystroke of files up to a
// million lines: lines are offsets into the text (LineTable), each line's kind and
// owner are typed arrays, and entries keep numbers; strings other than keys (a
// value, its parts, a comment's text) and ranges are made when someone asks.

import { ParsedEntry } from './entry';
import { LineTable } from './lines';
import { ParsedSection } from './section';
import { LineKind, type Comment, type Entry, type InvalidLine, type Section, type ValuePart } from './nodes';
import { isPySpace, lineRange } from './text';

export * from './nodes';

export const DEFAULT_SECTION = 'DEFAULT';

// How a line's owner is stored: an entry's index, NO_OWNER, or a section as SECTION_BASE - its index.
const NO_OWNER = -1;
const SECTION_BASE = -2;
// Up to this many keys in a section, a repeated key is found by a scan.
const LINEAR_KEY_SEARCH = 16;

/** A file as configparser reads it. Never changed once built, so facts about it can be cached. */
export class ParsedConfig {
  /** The text began with a UTF-8 byte order mark, which Python's loader does not skip. */
  readonly bom: boolean;
  /** The text the positions refer to (without a leading byte order mark). */
  readonly text: string;
  readonly lines: LineTable;
  readonly lineKinds: Uint8Array;
  readonly sections: Section[] = [];
  readonly entries: Entry[] = [];
  readonly invalidLines: InvalidLine[] = [];
  /** Lines with content before the first section header; Python fails on the first. */
  readonly orphanLines: number[] = [];
  private readonly owners: Int32Array;
  private commentList?: Comment[];

  constructor(input: string) {
    this.bom = input.charCodeAt(0) === 0xfeff;
    this.text = this.bom ? input.slice(1) : input;
    this.lines = LineTable.of(this.text);
    this.lineKinds = new Uint8Array(this.lines.length);
    this.owners = new Int32Array(this.lines.length).fill(NO_OWNER);
    read(this);
  }

  /** The section, entry or nothing that a line belongs to. */
  ownerAt(line: number): Section | Entry | undefined {
    const o = this.owners[line];
    if (o === undefined || o === NO_OWNER) return undefined;
    return o >= 0 ? this.entries[o] : this.sections[SECTION_BASE - o];
  }

  /** The full-line comments, in order (made on first use). */
  get comments(): Comment[] {
    return (this.commentList ??= this.firstComments(Infinity));
  }

  /** The first `limit` full-line comments. */
  firstComments(limit: number): Comment[] {
    const out: Comment[] = [];
    for (let l = 0; l < this.lines.length && out.length < limit; l++) if (this.lineKinds[l] === LineKind.Comment) out.push(this.commentOn(l));
    return out;
  }

  /** The comments whose text contains `word` (found by the engine's search, without making the others). */
  commentsWith(word: string): Comment[] {
    const lines = new Set<number>();
    let line = 0;
    for (let at = this.text.indexOf(word); at >= 0; at = this.text.indexOf(word, at + 1)) {
      while (this.lines.end(line) < at) line++;
      if (this.lineKinds[line] === LineKind.Comment) lines.add(line);
    }
    return [...lines].map((l) => this.commentOn(l));
  }

  private commentOn(line: number): Comment {
    const { text, lines } = this;
    const offset = lines.offset(line);
    const start = firstNonSpace(text, offset, lines.end(line));
    const end = lastNonSpace(text, start, lines.end(line));
    return { line, range: lineRange(line, start - offset, end - offset), text: text.slice(start, end) };
  }

  /** The parts of an entry's value, as Python appends them (see ParsedEntry.parts). */
  partsOf(entry: ParsedEntry): ValuePart[] {
    const { text, lines } = this;
    const offset = lines.offset(entry.line);
    const valueStart = entry.valueStart;
    const firstEnd = lastNonSpace(text, offset + valueStart, lines.end(entry.line)) - offset;
    const parts: ValuePart[] = [{ line: entry.line, character: valueStart, text: text.slice(offset + valueStart, offset + firstEnd) }];
    for (let l = entry.line + 1; l <= entry.lastLine; l++) {
      if (this.owners[l] !== entry.index) continue;
      const kind = this.lineKinds[l];
      if (kind !== LineKind.Blank && kind !== LineKind.Continuation) continue;
      const lineStart = lines.offset(l);
      const start = firstNonSpace(text, lineStart, lines.end(l));
      const end = lastNonSpace(text, start, lines.end(l));
      parts.push({ line: l, character: start - lineStart, text: kind === LineKind.Blank ? '' : text.slice(start, end) });
    }
    return parts;
  }

  /**
   * The entries with `char` somewhere on their lines (key, value or a comment
   * inside the value), in order: the engine's search finds the few lines with a
   * rare character faster than a look at every value.
   */
  entriesWithChar(char: string): Entry[] {
    const out: Entry[] = [];
    const { text, lines } = this;
    let line = 0;
    for (let at = text.indexOf(char); at >= 0; at = text.indexOf(char, at + 1)) {
      while (lines.end(line) < at) line++;
      const owner = this.owners[line];
      const kind = this.lineKinds[line];
      if (owner >= 0 && (kind === LineKind.Entry || kind === LineKind.Continuation) && out[out.length - 1] !== this.entries[owner]) out.push(this.entries[owner]);
      // One hit per line is enough.
      at = Math.max(at, lines.end(line));
    }
    return out;
  }

  /** Called by the reader only. */
  setOwner(line: number, owner: Section | Entry | undefined): void {
    this.owners[line] = owner === undefined ? NO_OWNER : 'key' in owner ? owner.index : SECTION_BASE - owner.index;
  }

  /** Called by the reader only: trailing blank lines after a value belong to the section again. */
  releaseTrailingBlanks(entry: Entry, before: number): void {
    const sectionOwner = SECTION_BASE - entry.section.index;
    for (let l = entry.lastLine + 1; l < before; l++) {
      if (this.owners[l] === entry.index && this.lineKinds[l] === LineKind.Blank) this.owners[l] = sectionOwner;
    }
  }
}

export function parse(input: string): ParsedConfig {
  return new ParsedConfig(input);
}

function firstNonSpace(s: string, from: number, to: number): number {
  let i = from;
  while (i < to && isPySpace(s.charCodeAt(i))) i++;
  return i;
}

function lastNonSpace(s: string, from: number, to: number): number {
  let i = to;
  while (i > from && isPySpace(s.charCodeAt(i - 1))) i--;
  return i;
}

/** The reading itself: one pass over the lines, with Python's bookkeeping. */
function read(parsed: ParsedConfig): void {
  const { text, lines, lineKinds, sections, entries, invalidLines, orphanLines } = parsed;
  // Python's bookkeeping: which names were added during this read (strict mode).
  const sectionsByName = new Map<string, Section>();
  const emptyKeySections = new Set<string>();
  // Keys are few and repeat across sections: one string per distinct key.
  const keyStrings = new Map<string, string>();

  let current: Section | undefined;
  // The earlier sections of the current name (when it repeats) and, for a long section, its keys by name.
  let keysOfName: Section[] | undefined;
  let keyIndex: Map<string, Entry> | undefined;
  const earlierKey = (key: string): Entry | undefined => {
    if (keyIndex) return keyIndex.get(key);
    for (const s of keysOfName ?? [current!]) for (const e of s.entries) if (e.key === key) return e.duplicateOf ?? e;
    return undefined;
  };
  // The entry whose value continuation lines extend (Python's `optname`).
  let open: ParsedEntry | undefined;
  let indentLevel = 0;
  // The next '=' and ':' at or after the line being read (-1: none left), so that
  // finding a line's delimiter never searches past it twice.
  let nextEq = -2;
  let nextColon = -2;

  const finish = (before: number) => {
    if (open) parsed.releaseTrailingBlanks(open, before);
    open = undefined;
  };

  for (let ln = 0; ln < lines.length; ln++) {
    const lineStart = lines.offset(ln);
    const lineEnd = lines.end(ln);
    const start = firstNonSpace(text, lineStart, lineEnd);

    if (start === lineEnd) {
      // Blank: kept inside a value as an empty line (configparser's empty_lines_in_values).
      parsed.setOwner(ln, open ?? current);
      continue; // LineKind.Blank is 0
    }
    const end = lastNonSpace(text, start, lineEnd);
    const column = start - lineStart;

    const first = text.charCodeAt(start);
    if (first === 0x23 /* # */ || first === 0x3b /* ; */) {
      // A full-line comment, even when indented; it neither ends nor extends a value.
      lineKinds[ln] = LineKind.Comment;
      parsed.setOwner(ln, open ?? current);
      continue;
    }

    if (open && column > indentLevel) {
      lineKinds[ln] = LineKind.Continuation;
      parsed.setOwner(ln, open);
      open.extendTo(ln, end - lineStart);
      continue;
    }

    indentLevel = column;
    const header = first === 0x5b /* [ */ ? lastCloseBracket(text, start + 2, end) : -1;
    if (header >= 0) {
      finish(ln);
      const name = text.slice(start + 1, header);
      const section = new ParsedSection(name, sections.length, ln, column, lines);
      const earlier = sectionsByName.get(name);
      if (earlier) section.duplicateOf = earlier;
      else sectionsByName.set(name, section);
      if (current) current.lastLine = ln - 1;
      current = section;
      // Python keeps one key table per name: a repeated section adds to the first one's.
      keysOfName = earlier ? [...sections.filter((s) => s.name === name), section] : undefined;
      keyIndex = undefined;
      sections.push(section);
      lineKinds[ln] = LineKind.Section;
      parsed.setOwner(ln, section);
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
      parsed.setOwner(ln, current);
      invalidLines.push({ line: ln, range: lineRange(ln, column, end - lineStart), reason: 'no-delimiter' });
      continue;
    }
    finish(ln);
    const keyEnd = lastNonSpace(text, start, delim);
    if (keyEnd === start) {
      // Python records the error but still stores the value under the empty key
      // (so a second one in the section is a repeated key) and keeps no continuation for it.
      lineKinds[ln] = LineKind.Invalid;
      parsed.setOwner(ln, current);
      const repeated = emptyKeySections.has(current.name);
      emptyKeySections.add(current.name);
      invalidLines.push({ line: ln, range: lineRange(ln, column, end - lineStart), reason: 'empty-key', repeated });
      continue;
    }
    const sliced = text.slice(start, keyEnd);
    let key = keyStrings.get(sliced);
    if (key === undefined) keyStrings.set(sliced, (key = sliced));
    const entry = new ParsedEntry(parsed, entries.length, current, key, ln, column, end - lineStart);
    const earlier = earlierKey(key);
    if (earlier) entry.duplicateOf = earlier;
    current.entries.push(entry);
    if (keyIndex) {
      if (!earlier) keyIndex.set(key, entry);
    } else if (current.entries.length > LINEAR_KEY_SEARCH) {
      // Past a few keys a table beats a scan of the section.
      keyIndex = new Map();
      for (const s of keysOfName ?? [current]) for (const e of s.entries) if (!e.duplicateOf && !keyIndex.has(e.key)) keyIndex.set(e.key, e);
    }
    entries.push(entry);
    lineKinds[ln] = LineKind.Entry;
    parsed.setOwner(ln, entry);
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
