// What the parser makes: the shapes of a file as configparser reads it.

import type { LineTable } from './lines';
import type { Range } from './text';

export type Delimiter = '=' | ':';

/** One piece of a value, as Python appends it: a stripped line, or '' for a kept blank line. */
export interface ValuePart {
  line: number;
  character: number;
  text: string;
}

export interface Entry {
  /** Position among all entries of the file, for per-entry caches. */
  readonly index: number;
  readonly section: Section;
  /** The key as Python stores it: text before the first delimiter, right-stripped, case kept. */
  readonly key: string;
  /** The key's line. */
  readonly line: number;
  /** The last line that contributes text to the value (the key's line when the value has one line). */
  readonly lastLine: number;
  readonly keyRange: Range;
  readonly delimiter: Delimiter;
  readonly delimiterRange: Range;
  /** First part is the text after the delimiter on the key's line; the rest are continuation lines. */
  readonly parts: ValuePart[];
  /** The raw value exactly as configparser returns it with raw=True. */
  readonly value: string;
  /** From the value's first character to its last one (empty, just after the delimiter, when the value is empty). */
  readonly valueRange: Range;
  /** The key's line through the last line that contributes text to the value. */
  readonly range: Range;
  /** Set when a key of the same name already appeared in this section (Python's strict mode refuses the file). */
  readonly duplicateOf?: Entry;
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
  /** The section's entries, in order (a new array at each call: they are a run of the file's entries). */
  readonly entries: Entry[];
  /** The position of its first entry among the file's (a section's entries are contiguous). */
  readonly firstEntry: number;
  /** The position of its last `use` line among the file's entries, or -1. */
  readonly lastUse: number;
  /** How many entries the section has. */
  readonly entryCount: number;
  /** The i-th entry of the section (0 <= i < entryCount). */
  entry(i: number): Entry;
  /** The last line before the next section header (or the end of the file). */
  lastLine: number;
  /** Set when a section of the same name was already opened ([DEFAULT] may repeat; Python merges it). */
  duplicateOf?: Section;
  /** The file's lines (shared by all sections), for edits that must reproduce text around an entry. */
  source: LineTable;
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
