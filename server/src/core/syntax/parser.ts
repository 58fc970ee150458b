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
import type { ParsedSection } from './section';
import { read } from './reader';
import { LineTable } from './lines';
import { LineKind, type Comment, type Entry, type InvalidLine, type Section, type ValuePart } from './nodes';
import { NO_OWNER, SECTION_BASE, sectionOwner } from './owners';
import { firstNonSpace, lastNonSpace, lineRange } from './text';

export * from './nodes';

export const DEFAULT_SECTION = 'DEFAULT';


/** A file as configparser reads it. Never changed once built, so facts about it can be cached. */
export class ParsedConfig {
  /** The text began with a UTF-8 byte order mark, which Python's loader does not skip. */
  readonly bom: boolean;
  /** The text the positions refer to (without a leading byte order mark). */
  readonly text: string;
  readonly lines: LineTable;
  readonly lineKinds: Uint8Array;
  readonly sections: Section[] = [];
  // The entries, by position: numbers and shared key strings, no object each. Most
  // entries of a big file are never asked for; entry(i) makes one when asked.
  readonly entryKeys: string[] = [];
  readonly entryLines: Int32Array;
  /** The last line that contributes text to each entry's value (the reader moves it down). */
  readonly entryLastLines: Int32Array;
  readonly entrySections: Int32Array;
  entryCount = 0;
  private entryObjects: (ParsedEntry | undefined)[] = [];
  private allEntries?: Entry[];
  readonly invalidLines: InvalidLine[] = [];
  /** Lines with content before the first section header; Python fails on the first. */
  readonly orphanLines: number[] = [];
  /** Each line's owner (see owners.ts); filled by the reader. */
  readonly owners: Int32Array;
  private commentList?: Comment[];
  // Rare facts kept here rather than on every entry: repeated keys, and the values on several lines.
  private readonly repeated = new Map<number, number>();
  private readonly multilineValues = new Map<number, string>();
  private lastParts?: { entry: ParsedEntry; parts: ValuePart[] } = undefined;

  /** True when only the sections an edit touched were read, the rest copied from the previous parse. */
  readonly spliced: boolean;

  /**
   * `fill`: fills the parse another way (splice.ts, from the previous version's parse)
   * and says whether it did; when it did not, or without it, the text is read.
   */
  constructor(input: string, fill?: (parsed: ParsedConfig) => boolean) {
    this.bom = input.charCodeAt(0) === 0xfeff;
    this.text = this.bom ? input.slice(1) : input;
    this.lines = LineTable.of(this.text);
    this.lineKinds = new Uint8Array(this.lines.length);
    this.owners = new Int32Array(this.lines.length).fill(NO_OWNER);
    // A file has at most one entry per line.
    this.entryLines = new Int32Array(this.lines.length);
    this.entryLastLines = new Int32Array(this.lines.length);
    this.entrySections = new Int32Array(this.lines.length);
    this.spliced = fill?.(this) ?? false;
    if (!this.spliced) read(this);
  }

  /** Every entry, in order (made on first use: the whole-file walks of a full analysis ask for them). */
  get entries(): Entry[] {
    if (!this.allEntries) {
      const objects = this.entryObjects;
      for (let i = 0; i < this.entryCount; i++) objects[i] ??= this.makeEntry(i);
      this.allEntries = objects as Entry[];
    }
    return this.allEntries;
  }

  /** The i-th entry of the file (the same object each time). */
  entry(i: number): Entry {
    return (this.entryObjects[i] ??= this.makeEntry(i));
  }

  /**
   * The i-th entry for a look that keeps nothing of it: the object entry(i) keeps
   * if there is one, else a new one that is not kept (a walk over thousands of lines
   * then leaves no object behind for the lines it found nothing on).
   */
  peekEntry(i: number): Entry {
    return this.entryObjects[i] ?? this.makeEntry(i);
  }

  private makeEntry(i: number): ParsedEntry {
    return new ParsedEntry(i, this.sections[this.entrySections[i]] as ParsedSection, this.entryKeys[i], this.entryLines[i], this.entryLastLines[i]);
  }

  /** Called by the reader only: a new entry of `section` on line `line`; its position. */
  addEntry(section: Section, key: string, line: number): number {
    const i = this.entryCount++;
    this.entryKeys.push(key);
    this.entryLines[i] = line;
    this.entryLastLines[i] = line;
    this.entrySections[i] = section.index;
    return i;
  }

  /** The first entry of a key that entry i repeats, else i itself (by position). */
  firstOf(i: number): number {
    return this.repeated.size === 0 ? i : (this.repeated.get(i) ?? i);
  }

  /** The section, entry or nothing that a line belongs to. */
  ownerAt(line: number): Section | Entry | undefined {
    const o = this.owners[line];
    if (o === undefined || o === NO_OWNER) return undefined;
    return o >= 0 ? this.entry(o) : this.sections[SECTION_BASE - o];
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
      while (this.lines.offset(line + 1) <= at) line++; // `at` is never on a line break: the searched text has none
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

  /** The earlier entry a repeated key repeats. */
  duplicateOf(index: number): Entry | undefined {
    const first = this.firstOf(index);
    return first === index ? undefined : this.entry(first);
  }

  /** The positions of the entries that repeat a key, in order (few: Python refuses the file). */
  repeatedEntries(): number[] {
    return [...this.repeated.keys()];
  }

  /** Called by the reader (and splice.ts) only: entry `index` repeats the key of entry `earlier` (the first of that key). */
  setDuplicate(index: number, earlier: number): void {
    this.repeated.set(index, earlier);
  }

  /** The value of an entry on several lines: configparser's '\n'.join(parts) (trailing blank parts are already gone); made once. */
  multilineValue(entry: ParsedEntry): string {
    let value = this.multilineValues.get(entry.index);
    if (value === undefined) this.multilineValues.set(entry.index, (value = this.partsOf(entry).map((p) => p.text).join('\n')));
    return value;
  }

  /**
   * The parts of a value on several lines, as Python appends them (see
   * ParsedEntry.parts). Only the last entry's are kept: callers ask again and again
   * about one value (each reference in it, say), and keeping every value's parts
   * would cost memory on big files.
   */
  partsOf(entry: ParsedEntry): ValuePart[] {
    if (this.lastParts?.entry !== entry) this.lastParts = { entry, parts: this.readParts(entry) };
    return this.lastParts.parts;
  }

  private readParts(entry: ParsedEntry): ValuePart[] {
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
   * The entries with `char` (or any text without a line break) somewhere on their lines (key, value or a comment
   * inside the value), in order: the engine's search finds the few lines with a
   * rare character faster than a look at every value. Only lines [fromLine, toLine)
   * when given, and only the entries `accept` takes (by position, before any object is made).
   * With `keep` false the objects are made for the caller only (peekEntry): compare them by index.
   */
  entriesWithChar(char: string, fromLine = 0, toLine = this.lines.length, accept?: (entry: number) => boolean, keep = true): Entry[] {
    const out: Entry[] = [];
    const { text, lines } = this;
    if (fromLine >= toLine) return out;
    const stop = lines.end(toLine - 1);
    let line = fromLine;
    let last = -1;
    for (let at = text.indexOf(char, lines.offset(fromLine)); at >= 0 && at < stop; at = text.indexOf(char, at + 1)) {
      while (lines.offset(line + 1) <= at) line++; // `at` is never on a line break: the searched text has none
      const owner = this.owners[line];
      const kind = this.lineKinds[line];
      if (owner >= 0 && owner !== last && (kind === LineKind.Entry || kind === LineKind.Continuation)) {
        last = owner;
        if (!accept || accept(owner)) out.push(keep ? this.entry(owner) : this.peekEntry(owner));
      }
      // One hit per line is enough.
      at = Math.max(at, lines.end(line));
    }
    return out;
  }

  /** Called by the reader only: trailing blank lines after a value belong to the section again. */
  releaseTrailingBlanks(entry: number, before: number): void {
    const toSection = sectionOwner(this.entrySections[entry]);
    for (let l = this.entryLastLines[entry] + 1; l < before; l++) {
      if (this.owners[l] === entry && this.lineKinds[l] === LineKind.Blank) this.owners[l] = toSection;
    }
  }
}

export function parse(input: string): ParsedConfig {
  return new ParsedConfig(input);
}
