// The parser's entries, as objects. A big file has hundreds of thousands of entries
// and most are never asked about, so the file keeps them as numbers (parser.ts) and
// makes an object only for an entry someone asks for. An object keeps five fields
// and works out the rest from the text when asked: where its key, delimiter and
// value start and end, its ranges, its value and the parts of a value on several lines.

import type { Delimiter, Entry, ValuePart } from './nodes';
import type { ParsedConfig } from './parser';
import type { ParsedSection } from './section';
import { firstNonSpace, lastNonSpace, lineRange, type Range } from './text';

export class ParsedEntry implements Entry {
  constructor(
    readonly index: number,
    readonly section: ParsedSection,
    readonly key: string,
    readonly line: number,
    /** The last line that contributes text to the value (entries are made once the reading is over). */
    readonly lastLine: number,
  ) {}

  private get parsed(): ParsedConfig {
    return this.section.parsed;
  }

  /** The first entry of the same key in the section, when this one repeats it (rare, so kept by the file, not here). */
  get duplicateOf(): Entry | undefined {
    return this.parsed.duplicateOf(this.index);
  }

  /** Column of the key's first character. */
  get keyStart(): number {
    const { text, lines } = this.parsed;
    const offset = lines.offset(this.line);
    return firstNonSpace(text, offset, lines.end(this.line)) - offset;
  }

  /** Column of the delimiter: the first character after the key and its spaces. */
  get delimiterColumn(): number {
    const { text, lines } = this.parsed;
    const offset = lines.offset(this.line);
    return firstNonSpace(text, offset + this.keyStart + this.key.length, lines.end(this.line)) - offset;
  }

  /** Column just past the value's last character on the last line that has any. */
  get endColumn(): number {
    const { text, lines } = this.parsed;
    const offset = lines.offset(this.lastLine);
    return lastNonSpace(text, offset, lines.end(this.lastLine)) - offset;
  }

  /** Column of the value's first character on the key's line (just after the delimiter when the line has no value text). */
  get valueStart(): number {
    const { text, lines } = this.parsed;
    const offset = lines.offset(this.line);
    const afterDelimiter = offset + this.delimiterColumn + 1;
    const start = firstNonSpace(text, afterDelimiter, lines.end(this.line));
    // Only spaces after the delimiter: Python's value starts (empty) right after it.
    return (start === lines.end(this.line) ? afterDelimiter : start) - offset;
  }

  get delimiter(): Delimiter {
    return this.parsed.text.charCodeAt(this.parsed.lines.offset(this.line) + this.delimiterColumn) === 0x3a ? ':' : '=';
  }

  get value(): string {
    if (this.lastLine === this.line) {
      // valueStart and endColumn in one walk along the line: rules ask for values often.
      const { text, lines } = this.parsed;
      const lineEnd = lines.end(this.line);
      const keyStart = firstNonSpace(text, lines.offset(this.line), lineEnd);
      const delimiter = firstNonSpace(text, keyStart + this.key.length, lineEnd);
      const start = firstNonSpace(text, delimiter + 1, lineEnd);
      return start === lineEnd ? '' : text.slice(start, lastNonSpace(text, start, lineEnd));
    }
    return this.parsed.multilineValue(this);
  }

  get parts(): ValuePart[] {
    // Made when asked (and not kept): most entries are never asked, and a big file has many.
    if (this.lastLine === this.line) return [{ line: this.line, character: this.valueStart, text: this.value }];
    return this.parsed.partsOf(this);
  }

  get keyRange(): Range {
    const start = this.keyStart;
    return lineRange(this.line, start, start + this.key.length);
  }

  get delimiterRange(): Range {
    const at = this.delimiterColumn;
    return lineRange(this.line, at, at + 1);
  }

  get valueRange(): Range {
    return { start: { line: this.line, character: this.valueStart }, end: { line: this.lastLine, character: this.endColumn } };
  }

  get range(): Range {
    return { start: { line: this.line, character: this.keyStart }, end: { line: this.lastLine, character: this.endColumn } };
  }
}
