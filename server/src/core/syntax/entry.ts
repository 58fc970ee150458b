// The parser's entries. A file has many lines and most are never reported, so an
// entry keeps its positions as numbers and makes its ranges when asked.

import type { Delimiter, Entry, Section, ValuePart } from './parser';
import { lineRange, type Range } from './text';

/**
 * An entry as the parser makes it: positions kept as numbers, ranges made when
 * someone asks for them (most lines are never reported, and a file has many lines).
 */
export class ParsedEntry implements Entry {
  delimiter: Delimiter = '=';
  readonly parts: ValuePart[] = [];
  value = '';
  duplicateOf?: Entry;
  private endLine: number;
  private endChar: number;

  constructor(
    readonly index: number,
    readonly section: Section,
    readonly key: string,
    private readonly line: number,
    private readonly keyStart: number,
    private readonly keyEnd: number,
    private readonly delim: number,
    private readonly valueStart: number,
    valueEnd: number,
  ) {
    this.endLine = line;
    this.endChar = valueEnd;
  }

  /** The value continues on later lines and ends at this position. */
  endAt(line: number, character: number): void {
    this.endLine = line;
    this.endChar = character;
  }

  get keyRange(): Range {
    return lineRange(this.line, this.keyStart, this.keyEnd);
  }

  get delimiterRange(): Range {
    return lineRange(this.line, this.delim, this.delim + 1);
  }

  get valueRange(): Range {
    return { start: { line: this.line, character: this.valueStart }, end: { line: this.endLine, character: this.endChar } };
  }

  get range(): Range {
    return { start: { line: this.line, character: this.keyStart }, end: { line: this.endLine, character: this.endChar } };
  }
}

