// The parser's sections: positions kept as numbers, ranges made when asked (a big
// file has thousands of sections and few are ever reported).

import type { LineTable } from './lines';
import type { Entry, Section } from './nodes';
import type { ParsedConfig } from './parser';
import { lineRange, type Range } from './text';

export class ParsedSection implements Section {
  readonly entries: Entry[] = [];
  lastLine: number;
  duplicateOf?: Section = undefined;

  constructor(
    readonly name: string,
    readonly index: number,
    readonly line: number,
    /** Column of the '['. */
    private readonly column: number,
    /** The file the section belongs to (its entries reach the text through it). */
    readonly parsed: ParsedConfig,
  ) {
    this.lastLine = line;
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
