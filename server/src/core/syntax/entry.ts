// The parser's entries. A file has many lines and most are never reported, so an
// entry keeps few numbers and works out the rest when asked: its ranges, where its
// delimiter and value start, its value's parts, and its value.

import type { Delimiter, Entry, Section, ValuePart } from './nodes';
import type { ParsedConfig } from './parser';
import { isPySpace, lineRange, type Range } from './text';

export class ParsedEntry implements Entry {
  /** The last line that contributes text to the value. */
  lastLine: number;
  private endChar: number;
  private valueText?: string = undefined;

  constructor(
    private readonly parsed: ParsedConfig,
    readonly index: number,
    readonly section: Section,
    readonly key: string,
    readonly line: number,
    private readonly keyStart: number,
    valueEnd: number,
  ) {
    this.lastLine = line;
    this.endChar = valueEnd;
  }

  /** The first entry of the same key in the section, when this one repeats it (rare, so kept by the file, not here). */
  get duplicateOf(): Entry | undefined {
    return this.parsed.duplicateOf(this.index);
  }

  /** The reader found a continuation line with text, ending at this column. */
  extendTo(line: number, character: number): void {
    this.lastLine = line;
    this.endChar = character;
  }

  /** Column of the delimiter: the first character after the key and its spaces. */
  get delimiterColumn(): number {
    const { text, lines } = this.parsed;
    const offset = lines.offset(this.line);
    let i = offset + this.keyStart + this.key.length;
    while (isPySpace(text.charCodeAt(i))) i++;
    return i - offset;
  }

  /** Column of the value's first character on the key's line (its end when the line has no value text). */
  get valueStart(): number {
    const { text, lines } = this.parsed;
    const offset = lines.offset(this.line);
    const end = this.lastLine === this.line ? offset + this.endChar : lines.end(this.line);
    const afterDelimiter = offset + this.delimiterColumn + 1;
    let i = afterDelimiter;
    while (i < end && isPySpace(text.charCodeAt(i))) i++;
    // Only spaces after the delimiter: Python's value starts (empty) right after it.
    return (i === end && this.lastLine !== this.line ? afterDelimiter : i) - offset;
  }

  get delimiter(): Delimiter {
    return this.parsed.text.charCodeAt(this.parsed.lines.offset(this.line) + this.delimiterColumn) === 0x3a ? ':' : '=';
  }

  get value(): string {
    if (this.valueText !== undefined) return this.valueText;
    if (this.lastLine === this.line) {
      const offset = this.parsed.lines.offset(this.line);
      return (this.valueText = this.parsed.text.slice(offset + this.valueStart, offset + this.endChar));
    }
    // configparser's '\n'.join(parts).rstrip(): the trailing blank parts are already gone.
    let value = '';
    for (const part of this.parts) value += (part.line === this.line ? '' : '\n') + part.text;
    return (this.valueText = value);
  }

  get parts(): ValuePart[] {
    // A one-line value's single part is cheap to make and most are asked for once: only longer values keep theirs.
    if (this.lastLine === this.line) return [{ line: this.line, character: this.valueStart, text: this.value }];
    return this.parsed.partsOf(this);
  }

  get keyRange(): Range {
    return lineRange(this.line, this.keyStart, this.keyStart + this.key.length);
  }

  get delimiterRange(): Range {
    const at = this.delimiterColumn;
    return lineRange(this.line, at, at + 1);
  }

  get valueRange(): Range {
    return { start: { line: this.line, character: this.valueStart }, end: { line: this.lastLine, character: this.endChar } };
  }

  get range(): Range {
    return { start: { line: this.line, character: this.keyStart }, end: { line: this.lastLine, character: this.endChar } };
  }
}
