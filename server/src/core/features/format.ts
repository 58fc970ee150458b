// The formatter: conservative by design. It normalises three things and nothing else:
// the spacing around the delimiter of a key line (`key = value`, `key: value`),
// whitespace at the end of lines, and the blank lines between sections (one). Every
// change is one Python cannot see: configparser right-strips keys and strips values
// and lines, and drops blank lines at the end of a value. It never touches
// indentation (it decides what continues a value), continuation lines, blank lines
// inside a value, [uwsgi] (read by uWSGI's own parser), or lines Python refuses; it
// never reorders, adds or drops a line other than a blank one between sections, and
// keeps every line ending. Formatting its own output changes nothing.

import type { TextEdit } from '../analysis/diagnostics';
import type { ParsedConfig } from '../syntax/parser';
import { LineKind } from '../syntax/nodes';
import type { Range } from '../syntax/text';
import { applyEdits } from '../edits/apply';

const TRAILING = /[ \t\f\v]+$/;

/** The edits that format the whole file, or only the lines a range touches. */
export function formatEdits(parsed: ParsedConfig, range?: Range): TextEdit[] {
  const first = range ? range.start.line : 0;
  const last = range ? Math.min(range.end.line, parsed.lines.length - 1) : parsed.lines.length - 1;
  const spacing = sectionSpacing(parsed, first, last);
  const edits: TextEdit[] = [...spacing.edits];
  const insideValue = valueLines(parsed);
  const keyLines = new Map(parsed.entries.map((e) => [e.line, e]));
  for (let line = first; line <= last; line++) {
    const kind = parsed.lineKinds[line];
    if (kind === LineKind.Continuation || insideValue.has(line) || spacing.removed.has(line)) continue;
    const text = parsed.lines.text(line);
    const entry = kind === LineKind.Entry ? keyLines.get(line) : undefined;
    if (entry?.section.name === 'uwsgi') continue;
    if (entry) {
      const keyEnd = entry.keyRange.end.character;
      const first = entry.parts[0];
      const valueOnLine = first.line === line && first.text !== '';
      const end = valueOnLine ? first.character : text.length;
      const wanted = (entry.delimiter === '=' ? ' =' : ':') + (valueOnLine ? ' ' : '');
      if (text.slice(keyEnd, end) !== wanted) edits.push({ range: { start: { line, character: keyEnd }, end: { line, character: end } }, newText: wanted });
      if (!valueOnLine) continue;
    }
    const trailing = TRAILING.exec(text);
    if (trailing) edits.push({ range: { start: { line, character: trailing.index }, end: { line, character: text.length } }, newText: '' });
  }
  return edits;
}

/** Blank (or comment) lines that lie inside a value: between an entry's key line and its last line. */
function valueLines(parsed: ParsedConfig): Set<number> {
  const lines = new Set<number>();
  for (const e of parsed.entries) for (let l = e.line + 1; l <= e.lastLine; l++) if (parsed.lineKinds[l] === LineKind.Blank) lines.add(l);
  return lines;
}

/**
 * One blank line before each section header but the first (before the comment block
 * right above the header, which belongs to it): extra blank lines go, a missing one is
 * added. Only where the whole gap lies in the formatted lines.
 */
function sectionSpacing(parsed: ParsedConfig, first: number, last: number): { edits: TextEdit[]; removed: Set<number> } {
  const edits: TextEdit[] = [];
  const removed = new Set<number>();
  for (const section of parsed.sections) {
    let lead = section.line;
    while (lead > 0 && parsed.lineKinds[lead - 1] === LineKind.Comment) lead--;
    let gapStart = lead;
    while (gapStart > 0 && parsed.lineKinds[gapStart - 1] === LineKind.Blank) gapStart--;
    // The first section (and anything at the very top of the file) needs no blank line above it.
    if (gapStart === 0 || gapStart < first || lead > last) continue;
    const blanks = lead - gapStart;
    if (blanks === 1) continue;
    const eol = parsed.lines.eol(gapStart - 1) || parsed.lines.dominantEol();
    if (blanks === 0) {
      // After a line without a line break (none but the last has one missing) nothing is inserted: it cannot happen before a header.
      edits.push({ range: { start: { line: lead, character: 0 }, end: { line: lead, character: 0 } }, newText: eol });
    } else {
      edits.push({ range: { start: { line: gapStart + 1, character: 0 }, end: { line: lead, character: 0 } }, newText: '' });
      for (let l = gapStart + 1; l < lead; l++) removed.add(l);
    }
  }
  return { edits, removed };
}

/** The whole text formatted (its byte order mark kept). */
export function formatText(parsed: ParsedConfig): string {
  const edits = formatEdits(parsed);
  return (parsed.bom ? '\ufeff' : '') + (edits.length ? applyEdits(parsed, edits) : parsed.text);
}
