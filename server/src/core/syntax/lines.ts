// The file's lines as offsets into its text: one number per line instead of an
// object and a string, so that a 100,000-line file costs 400 KB here and a line's
// text is made only when someone asks for it.

/** Lines split the way Python's text-mode reading does: at \n, \r\n or a lone \r. */
export class LineTable {
  /** How many lines; the text after the last break is a line of its own, possibly empty. */
  readonly length: number;

  private constructor(
    /** The whole text the offsets refer to. */
    readonly source: string,
    /** Each line's first offset, and one more entry: the text's length plus one, as if a break followed the last line. */
    private readonly starts: Int32Array,
  ) {
    this.length = starts.length - 1;
  }

  static of(text: string): LineTable {
    const n = text.length;
    const crlfOrCr = text.indexOf('\r') >= 0;
    // Counted first, so that the table is made once at its exact size.
    let count = 1;
    if (!crlfOrCr) for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
    else for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) count++;
    }
    const starts = new Int32Array(count + 1);
    let line = 1;
    if (!crlfOrCr) {
      // Most files end their lines with '\n' alone: let the engine's search find them.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[line++] = i + 1;
    } else {
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts[line++] = i + 1;
      }
    }
    starts[count] = n + 1;
    return new LineTable(text, starts);
  }

  /** The line's text without its line break. */
  text(line: number): string {
    return this.source.slice(this.starts[line], this.end(line));
  }

  /** Offset of the line's first character in the whole text. */
  offset(line: number): number {
    return this.starts[line];
  }

  /** Offset just past the line's last character (before its line break). */
  end(line: number): number {
    const next = this.starts[line + 1];
    if (line + 1 === this.length) return next - 1;
    // The break is '\n', '\r' or '\r\n': one character, or two for a '\n' after a '\r'.
    return next >= 2 && this.source.charCodeAt(next - 1) === 10 && this.source.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
  }

  /** The line's length in UTF-16 code units, without its line break. */
  width(line: number): number {
    return this.end(line) - this.starts[line];
  }

  /** The line break that ends the line: '\n', '\r\n', '\r', or '' for the last line. */
  eol(line: number): string {
    return line + 1 < this.length ? this.source.slice(this.end(line), this.starts[line + 1]) : '';
  }

  /** The line's text, each line in turn (for the few callers that want them all). */
  *texts(): IterableIterator<string> {
    for (let l = 0; l < this.length; l++) yield this.text(l);
  }

  /** The most common line break, for edits that add lines. */
  dominantEol(): string {
    let crlf = 0;
    let lf = 0;
    let cr = 0;
    for (let l = 0; l + 1 < this.length; l++) {
      const width = this.starts[l + 1] - this.end(l);
      if (width === 2) crlf++;
      else if (this.source.charCodeAt(this.end(l)) === 10) lf++;
      else cr++;
    }
    if (crlf > lf && crlf >= cr) return '\r\n';
    if (cr > lf && cr > crlf) return '\r';
    return '\n';
  }
}
