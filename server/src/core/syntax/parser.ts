// A lossless, error-tolerant reader for Kallithea .ini files that reproduces what
// Python 3's configparser.ConfigParser (as PasteDeploy configures it: strict,
// '=' and ':' delimiters, full-line '#'/';' comments only, continuation lines by
// indentation with blank lines kept, optionxform = str) reads from the same text.
// It never throws: where Python would stop, it records the fact and reads on, so
// that every problem in the file can be reported at once.

import { ParsedEntry } from './entry';
import { skipSpace, skipSpaceBack, splitLines, lineRange, type Range, type TextLine } from './text';

export type Delimiter = '=' | ':';

/** One piece of a value, as Python appends it: a stripped line, or '' for a kept blank line. */
export interface ValuePart {
  line: number;
  character: number;
  text: string;
}

export interface Entry {
  /** Position among all entries of the file, for per-entry caches. */
  index: number;
  section: Section;
  /** The key as Python stores it: text before the first delimiter, right-stripped, case kept. */
  key: string;
  keyRange: Range;
  delimiter: Delimiter;
  delimiterRange: Range;
  /** First part is the text after the delimiter on the key's line; the rest are continuation lines. */
  parts: ValuePart[];
  /** The raw value exactly as configparser returns it with raw=True. */
  value: string;
  /** From the value's first character to its last one (empty, just after the delimiter, when the value is empty). */
  valueRange: Range;
  /** The key's line through the last line that contributes text to the value. */
  range: Range;
  /** Set when a key of the same name already appeared in this section (Python's strict mode refuses the file). */
  duplicateOf?: Entry;
}

export interface Section {
  /** The name as Python reads it: everything between the '[' and the last ']' of the line. */
  name: string;
  /** Position among the sections of the file, for per-section caches. */
  index: number;
  line: number;
  /** From '[' to the last ']'. */
  headerRange: Range;
  nameRange: Range;
  entries: Entry[];
  /** The last line before the next section header (or the end of the file). */
  lastLine: number;
  /** Set when a section of the same name was already opened ([DEFAULT] may repeat; Python merges it). */
  duplicateOf?: Section;
  /** The file's lines (shared by all sections), for edits that must reproduce text around an entry. */
  source: TextLine[];
}

export interface Comment {
  line: number;
  range: Range;
  /** The comment's text, prefix included, without surrounding whitespace. */
  text: string;
}

export type InvalidReason = 'no-delimiter' | 'empty-key';

export interface InvalidLine {
  line: number;
  range: Range;
  reason: InvalidReason;
  /** For an empty key: the section already had one (Python stores '' as a key, so a second is a repeated key). */
  repeated?: boolean;
}

export const enum LineKind {
  Blank = 0,
  Comment = 1,
  Section = 2,
  Entry = 3,
  Continuation = 4,
  Invalid = 5,
  /** A line before the first section header that Python cannot place. */
  Orphan = 6,
}

export interface ParsedConfig {
  /** The text the positions refer to (without a leading byte order mark). */
  text: string;
  lines: TextLine[];
  lineKinds: Uint8Array;
  /** The section, entry or nothing that each line belongs to. */
  lineOwners: (Section | Entry | undefined)[];
  /** The text began with a UTF-8 byte order mark, which Python's loader does not skip. */
  bom: boolean;
  sections: Section[];
  entries: Entry[];
  comments: Comment[];
  invalidLines: InvalidLine[];
  /** Lines with content before the first section header; Python fails on the first. */
  orphanLines: number[];
}

export const DEFAULT_SECTION = 'DEFAULT';

export function parse(input: string): ParsedConfig {
  const bom = input.charCodeAt(0) === 0xfeff;
  const text = bom ? input.slice(1) : input;
  const lines = splitLines(text);
  const lineKinds = new Uint8Array(lines.length);
  const lineOwners: (Section | Entry | undefined)[] = new Array(lines.length);
  const sections: Section[] = [];
  const entries: Entry[] = [];
  const comments: Comment[] = [];
  const invalidLines: InvalidLine[] = [];
  const orphanLines: number[] = [];

  // Python's bookkeeping: which names were added during this read (strict mode).
  const sectionsByName = new Map<string, Section>();
  const keysBySection = new Map<string, Map<string, Entry>>();
  const emptyKeySections = new Set<string>();

  let current: Section | undefined;
  let currentKeys: Map<string, Entry> | undefined;
  // The entry whose value continuation lines extend (Python's `optname`).
  let open: Entry | undefined;
  let indentLevel = 0;

  for (let ln = 0; ln < lines.length; ln++) {
    const s = lines[ln].text;
    const start = skipSpace(s);
    const end = skipSpaceBack(s, s.length, start);

    if (start === end) {
      // Blank: kept inside a value as an empty line (configparser's empty_lines_in_values).
      lineKinds[ln] = LineKind.Blank;
      if (open) {
        open.parts.push({ line: ln, character: start, text: '' });
        lineOwners[ln] = open;
      } else {
        lineOwners[ln] = current;
      }
      continue;
    }

    const first = s.charCodeAt(start);
    if (first === 0x23 /* # */ || first === 0x3b /* ; */) {
      // A full-line comment, even when indented; it neither ends nor extends a value.
      lineKinds[ln] = LineKind.Comment;
      lineOwners[ln] = open ?? current;
      comments.push({ line: ln, range: lineRange(ln, start, end), text: s.slice(start, end) });
      continue;
    }

    if (open && start > indentLevel) {
      lineKinds[ln] = LineKind.Continuation;
      lineOwners[ln] = open;
      open.parts.push({ line: ln, character: start, text: s.slice(start, end) });
      continue;
    }

    indentLevel = start;
    const header = s.charCodeAt(start) === 0x5b /* [ */ ? s.lastIndexOf(']', end - 1) : -1;
    if (header > start + 1) {
      finishEntry(open, lineOwners);
      open = undefined;
      const name = s.slice(start + 1, header);
      const section: Section = {
        name,
        index: sections.length,
        line: ln,
        headerRange: lineRange(ln, start, header + 1),
        nameRange: lineRange(ln, start + 1, header),
        entries: [],
        lastLine: ln,
        source: lines,
      };
      const earlier = sectionsByName.get(name);
      if (earlier) section.duplicateOf = earlier;
      else sectionsByName.set(name, section);
      let keys = keysBySection.get(name);
      if (!keys) keysBySection.set(name, (keys = new Map()));
      if (current) current.lastLine = ln - 1;
      current = section;
      currentKeys = keys;
      sections.push(section);
      lineKinds[ln] = LineKind.Section;
      lineOwners[ln] = section;
      continue;
    }

    if (!current) {
      lineKinds[ln] = LineKind.Orphan;
      orphanLines.push(ln);
      continue;
    }

    const delim = findDelimiter(s, start, end);
    if (delim < 0) {
      // Python notes the error and reads on without forgetting the previous key:
      // a more indented line after this one still continues that key's value.
      lineKinds[ln] = LineKind.Invalid;
      lineOwners[ln] = current;
      invalidLines.push({ line: ln, range: lineRange(ln, start, end), reason: 'no-delimiter' });
      continue;
    }
    finishEntry(open, lineOwners);
    open = undefined;
    const keyEnd = skipSpaceBack(s, delim, start);
    if (keyEnd === start) {
      // Python records the error but still stores the value under the empty key
      // (so a second one in the section is a repeated key) and keeps no continuation for it.
      lineKinds[ln] = LineKind.Invalid;
      lineOwners[ln] = current;
      const repeated = emptyKeySections.has(current.name);
      emptyKeySections.add(current.name);
      invalidLines.push({ line: ln, range: lineRange(ln, start, end), reason: 'empty-key', repeated });
      continue;
    }
    const valueStart = Math.min(skipSpace(s, delim + 1), end);
    const entry = new ParsedEntry(entries.length, current, s.slice(start, keyEnd), ln, start, keyEnd, delim, valueStart, end);
    entry.delimiter = s.charCodeAt(delim) === 0x3a ? ':' : '=';
    entry.parts.push({ line: ln, character: valueStart, text: s.slice(valueStart, end) });
    const earlier = currentKeys!.get(entry.key);
    if (earlier) entry.duplicateOf = earlier;
    else currentKeys!.set(entry.key, entry);
    current.entries.push(entry);
    entries.push(entry);
    lineKinds[ln] = LineKind.Entry;
    lineOwners[ln] = entry;
    open = entry;
  }
  finishEntry(open, lineOwners);
  if (current) current.lastLine = lines.length - 1;

  return { text, lines, lineKinds, lineOwners, bom, sections, entries, comments, invalidLines, orphanLines };
}

/** The first '=' or ':' between start and end, as configparser's OPTCRE finds it. */
function findDelimiter(s: string, start: number, end: number): number {
  // Two searches by the engine beat a loop over the characters of every key.
  const eq = s.indexOf('=', start);
  const colon = s.indexOf(':', start);
  const first = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
  return first >= 0 && first < end ? first : -1;
}

/** Join the parts as configparser does ('\n'.join(...).rstrip()) and fix the value's range. */
function finishEntry(entry: Entry | undefined, lineOwners: (Section | Entry | undefined)[]): void {
  if (!entry) return;
  const parts = entry.parts;
  let last = parts.length - 1;
  while (last > 0 && parts[last].text === '') last--;
  let value = parts[0].text;
  for (let i = 1; i <= last; i++) value += '\n' + parts[i].text;
  entry.value = value;
  const lastPart = parts[last];
  if (last > 0) (entry as ParsedEntry).endAt(lastPart.line, lastPart.character + lastPart.text.length);
  // Blank lines after the value belong to the section again, not to the entry.
  for (let i = last + 1; i < parts.length; i++) lineOwners[parts[i].line] = entry.section;
  parts.length = last + 1;
}
