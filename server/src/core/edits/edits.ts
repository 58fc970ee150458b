// Small edit builders shared by the rules' fixes. Every edit touches only the
// characters it must, so comments, indentation and line breaks survive.

import type { TextEdit } from '../analysis/diagnostics';
import type { Entry, ParsedConfig } from '../syntax/parser';
import { lineRange, skipSpace } from '../syntax/text';

/** Lines of an entry that hold text: its key line and every continuation line with content. */
export function entryTextLines(entry: Entry): number[] {
  const lines: number[] = [entry.line];
  for (const part of entry.parts) if (part.text !== '' && part.line !== entry.line) lines.push(part.line);
  return lines;
}

/** Turn lines into comments by putting '# ' before their first character; the text stays in the file. */
export function commentOutLines(parsed: ParsedConfig, lines: number[]): TextEdit[] {
  return lines.map((line) => {
    const at = skipSpace(parsed.lines.text(line));
    return { range: lineRange(line, at, at), newText: '# ' };
  });
}

export function insertLineBefore(parsed: ParsedConfig, line: number, text: string, eol: string): TextEdit {
  return { range: lineRange(line, 0, 0), newText: text + eol };
}

export function leadingWhitespace(parsed: ParsedConfig, line: number): string {
  const text = parsed.lines.text(line);
  return text.slice(0, skipSpace(text));
}

/**
 * Replace an entry's value with new text. The first line's text is replaced; the
 * continuation lines stay in the file as comments (as do comment lines between
 * them), so that no text is lost. One edit, so that callers can combine it freely.
 */
export function setValueEdit(entry: Entry, value: string): TextEdit {
  const first = entry.parts[0];
  // An empty value leaves no space after the delimiter; otherwise keep one.
  const needsSpace = first.line === entry.delimiterRange.end.line && first.character === entry.delimiterRange.end.character && value !== '';
  const newFirst = (needsSpace ? ' ' : '') + value;
  if (entry.parts.length === 1) return { range: lineRange(first.line, first.character, first.character + first.text.length), newText: newFirst };
  const lines = entry.section.source;
  const end = entry.valueRange.end;
  let text = newFirst + lines.text(first.line).slice(first.character + first.text.length) + lines.eol(first.line);
  const starts = new Map(entry.parts.slice(1).filter((p) => p.text !== '').map((p) => [p.line, p.character]));
  for (let l = first.line + 1; l <= end.line; l++) {
    const t = l === end.line ? lines.text(l).slice(0, end.character) : lines.text(l);
    const at = starts.get(l);
    text += (at === undefined ? t : t.slice(0, at) + '# ' + t.slice(at)) + (l === end.line ? '' : lines.eol(l));
  }
  return { range: { start: { line: first.line, character: first.character }, end }, newText: text };
}

/**
 * Set `key = value` in a section: change the existing line, or add one after the
 * section's last setting (after its header when it has none).
 */
export function setKeyEdit(parsed: ParsedConfig, sectionName: string, key: string, value: string, eol: string): TextEdit | undefined {
  const sections = parsed.sections.filter((s) => s.name === sectionName);
  if (sections.length === 0) return undefined;
  const existing = lastEntry(parsed, sectionName, key);
  if (existing) return setValueEdit(existing, value);
  const section = sections[sections.length - 1];
  const last = section.entries[section.entries.length - 1];
  const afterLine = last ? last.range.end.line : section.line;
  const indent = last ? leadingWhitespace(parsed, last.range.start.line) : '';
  // A new key line would swallow an indented line that follows it as its continuation.
  if (capturesNextLine(parsed, afterLine, indent.length)) return undefined;
  return insertLineAfter(parsed, afterLine, `${indent}${key} = ${value}`, eol);
}

/** The last line that sets `key` in a section (of any of its repeated headers): the one Python keeps. */
export function lastEntry(parsed: ParsedConfig, sectionName: string, key: string): Entry | undefined {
  for (const s of [...parsed.sections].reverse()) {
    if (s.name !== sectionName) continue;
    const found = [...s.entries].reverse().find((e) => e.key === key);
    if (found) return found;
  }
  return undefined;
}

/** True when the next line with content after `line` is indented deeper than `indent` (it would continue a key inserted there). */
export function capturesNextLine(parsed: ParsedConfig, line: number, indent: number): boolean {
  for (let l = line + 1; l < parsed.lines.length; l++) {
    const text = parsed.lines.text(l);
    const start = skipSpace(text);
    if (start === text.length || text[start] === '#' || text[start] === ';') continue;
    return start > indent;
  }
  return false;
}

/** Insert a whole line after `line`, also when that line is the last one and has no line break. */
export function insertLineAfter(parsed: ParsedConfig, line: number, text: string, eol: string): TextEdit {
  const width = parsed.lines.width(line);
  if (parsed.lines.eol(line) === '') return { range: lineRange(line, width, width), newText: eol + text };
  return { range: lineRange(line + 1, 0, 0), newText: text + eol };
}

/** Rename a key in place, keeping its value and everything around it. */
export function renameKeyEdit(entry: Entry, newKey: string): TextEdit {
  return { range: entry.keyRange, newText: newKey };
}

/**
 * Move trailing text of a value to a comment line of its own above `aboveLine`
 * (indented like that line) and delete it from the value. Nothing is lost.
 */
export function moveToCommentLine(parsed: ParsedConfig, aboveLine: number, comment: string, remove: TextEdit['range'], eol: string): TextEdit[] {
  return [insertLineBefore(parsed, aboveLine, leadingWhitespace(parsed, aboveLine) + comment, eol), { range: remove, newText: '' }];
}
