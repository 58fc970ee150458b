// The file's lines as offsets into its text: two numbers per line instead of an
// object and a string, so that a 100,000-line file costs under a megabyte here and
// a line's text is made only when someone asks for it.

/** Lines split the way Python's text-mode reading does: at \n, \r\n or a lone \r. */
export class LineTable {
  /** How many lines; the text after the last break is a line of its own, possibly empty. */
  readonly length: number;

  private constructor(
    /** The whole text the offsets refer to. */
    readonly source: string,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    count: number,
  ) {
    this.length = count;
  }

  static of(text: string): LineTable {
    const n = text.length;
    let capacity = 16;
    let starts = new Int32Array(capacity);
    let ends = new Int32Array(capacity);
    let count = 0;
    const push = (start: number, end: number) => {
      if (count === capacity) {
        capacity *= 2;
        const s = new Int32Array(capacity);
        s.set(starts);
        starts = s;
        const e = new Int32Array(capacity);
        e.set(ends);
        ends = e;
      }
      starts[count] = start;
      ends[count] = end;
      count++;
    };
    let start = 0;
    if (text.indexOf('\r') < 0) {
      // Most files end their lines with '\n' alone: let the engine's search find them.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
        push(start, i);
        start = i + 1;
      }
    } else {
      for (let i = 0; i < n; ) {
        const c = text.charCodeAt(i);
        if (c === 10 || c === 13) {
          push(start, i);
          i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
          start = i;
        } else {
          i++;
        }
      }
    }
    push(start, n);
    return new LineTable(text, starts, ends, count);
  }

  /** The line's text without its line break. */
  text(line: number): string {
    return this.source.slice(this.starts[line], this.ends[line]);
  }

  /** Offset of the line's first character in the whole text. */
  offset(line: number): number {
    return this.starts[line];
  }

  /** Offset just past the line's last character (before its line break). */
  end(line: number): number {
    return this.ends[line];
  }

  /** The line's length in UTF-16 code units, without its line break. */
  width(line: number): number {
    return this.ends[line] - this.starts[line];
  }

  /** The line break that ends the line: '\n', '\r\n', '\r', or '' for the last line. */
  eol(line: number): string {
    return line + 1 < this.length ? this.source.slice(this.ends[line], this.starts[line + 1]) : '';
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
      const width = this.starts[l + 1] - this.ends[l];
      if (width === 2) crlf++;
      else if (this.source.charCodeAt(this.ends[l]) === 10) lf++;
      else cr++;
    }
    if (crlf > lf && crlf >= cr) return '\r\n';
    if (cr > lf && cr > crlf) return '\r';
    return '\n';
  }
}
