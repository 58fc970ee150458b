// The parser's sections: positions kept as numbers, ranges made when asked (a big
// file has thousands of sections and few are ever reported).

import type { LineTable } from './lines';
import type { Entry, Section } from './nodes';
import type { ParsedConfig } from './parser';
import { lineRange, type Range } from './text';

export class ParsedSection implements Section {
  lastLine: number;
  duplicateOf?: Section = undefined;
  entryCount = 0;
  /** The position of its last `use` line among the file's entries, or -1 (the reader notes it: a section's kind hangs on it). */
  lastUse = -1;

  constructor(
    readonly name: string,
    readonly index: number,
    readonly line: number,
    /** Column of the '['. */
    readonly column: number,
    /** The file the section belongs to (its entries reach the text through it). */
    readonly parsed: ParsedConfig,
    /** Where the section's entries start among the file's (they are contiguous). */
    readonly firstEntry: number,
  ) {
    this.lastLine = line;
  }

  // No array per section: a big file has tens of thousands of sections, and most are never asked for their entries.
  get entries(): Entry[] {
    const out: Entry[] = [];
    for (let i = 0; i < this.entryCount; i++) out.push(this.parsed.entry(this.firstEntry + i));
    return out;
  }

  entry(i: number): Entry {
    return this.parsed.entry(this.firstEntry + i);
  }

  get source(): LineTable {
    return this.parsed.lines;
  }

  get headerRange(): Range {
    return lineRange(this.line, this.column, this.column + this.name.length + 2);
  }

  get nameRange(): Range {
    return lineRange(this.line, this.column + 1, this.column + 1 + this.name.length);
  }
}
