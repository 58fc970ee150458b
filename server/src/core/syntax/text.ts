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

/** Index of the first non-whitespace character in [from, to), or `to`. */
export function firstNonSpace(s: string, from: number, to: number): number {
  let i = from;
  while (i < to && isPySpace(s.charCodeAt(i))) i++;
  return i;
}

/** One past the last non-whitespace character in [from, to), or `from`. */
export function lastNonSpace(s: string, from: number, to: number): number {
  let i = to;
  while (i > from && isPySpace(s.charCodeAt(i - 1))) i--;
  return i;
}

/** Python's str.strip(). */
export function pyStrip(s: string): string {
  const start = skipSpace(s);
  return s.slice(start, skipSpaceBack(s, s.length, start));
}

export function range(line: number, start: number, endLine: number, end: number): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

export function lineRange(line: number, start: number, end: number): Range {
  return range(line, start, line, end);
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function containsPosition(r: Range, p: Position): boolean {
  return comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
}
