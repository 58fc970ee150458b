// Text helpers that follow Python's rules rather than JavaScript's, because the
// configs are read by Python: "whitespace" is what str.isspace() says, and lines
// end at \n, \r\n or a lone \r (Python's universal newlines, which is also what
// LSP counts as a line break).

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 code unit offset in the line, as LSP wants. */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextLine {
  /** The line's text without its line break. */
  text: string;
  /** The line break that ends it: '\n', '\r\n', '\r', or '' for the last line. */
  eol: string;
  /** Offset of the line's first character in the whole text. */
  offset: number;
}

/** True for exactly the characters Python's str.isspace() accepts. */
export function isPySpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code >= 0x1c && code <= 0x1f);
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** Index of the first non-whitespace character at or after `from`, or `s.length`. */
export function skipSpace(s: string, from = 0): number {
  let i = from;
  while (i < s.length && isPySpace(s.charCodeAt(i))) i++;
  return i;
}

/** One past the last non-whitespace character before `to`, or `from`. */
export function skipSpaceBack(s: string, to = s.length, from = 0): number {
  let i = to;
  while (i > from && isPySpace(s.charCodeAt(i - 1))) i--;
  return i;
}

/** Python's str.strip(). */
export function pyStrip(s: string): string {
  const start = skipSpace(s);
  return s.slice(start, skipSpaceBack(s, s.length, start));
}

/** Split text into lines the way Python's text-mode file reading does. */
export function splitLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  const n = text.length;
  if (text.indexOf('\r') < 0) {
    // Most files end their lines with '\n' alone: let the engine's search find them.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      lines.push({ text: text.slice(start, i), eol: '\n', offset: start });
      start = i + 1;
    }
    lines.push({ text: text.slice(start), eol: '', offset: start });
    return lines;
  }
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      const eolLen = c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      lines.push({ text: text.slice(start, i), eol: text.substr(i, eolLen), offset: start });
      i += eolLen;
      start = i;
    } else {
      i++;
    }
  }
  // The text after the last break is a line of its own, possibly empty. An empty
  // last line is what an editor shows after a final newline.
  lines.push({ text: text.slice(start), eol: '', offset: start });
  return lines;
}

export function range(line: number, start: number, endLine: number, end: number): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

export function lineRange(line: number, start: number, end: number): Range {
  return range(line, start, line, end);
}

/** The most common line break in the text, for edits that add lines. */
export function dominantEol(lines: TextLine[]): string {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (const l of lines) {
    if (l.eol === '\r\n') crlf++;
    else if (l.eol === '\n') lf++;
    else if (l.eol === '\r') cr++;
  }
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf && cr > crlf) return '\r';
  return '\n';
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function containsPosition(r: Range, p: Position): boolean {
  return comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
}
