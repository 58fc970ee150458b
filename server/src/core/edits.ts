// Small edit builders shared by the rules' fixes. Every edit touches only the
// characters it must, so comments, indentation and line breaks survive.

import type { TextEdit } from './diagnostics';
import type { Entry, ParsedConfig } from './parser';
import { lineRange, skipSpace } from './text';

/** Lines of an entry that hold text: its key line and every continuation line with content. */
export function entryTextLines(entry: Entry): number[] {
  const lines: number[] = [];
  for (const part of entry.parts) if (part.text !== '' || part === entry.parts[0]) lines.push(part.line);
  return [...new Set(lines)];
}

/** Turn lines into comments by putting '# ' before their first character; the text stays in the file. */
export function commentOutLines(parsed: ParsedConfig, lines: number[]): TextEdit[] {
  return lines.map((line) => {
    const at = skipSpace(parsed.lines[line].text);
    return { range: lineRange(line, at, at), newText: '# ' };
  });
}

export function insertLineBefore(parsed: ParsedConfig, line: number, text: string, eol: string): TextEdit {
  return { range: lineRange(line, 0, 0), newText: text + eol };
}

export function replaceRange(range: TextEdit['range'], newText: string): TextEdit {
  return { range, newText };
}

export function leadingWhitespace(parsed: ParsedConfig, line: number): string {
  const text = parsed.lines[line].text;
  return text.slice(0, skipSpace(text));
}

/** Replace an entry's whole value (all its lines) with new text. */
export function setValueEdit(entry: Entry, value: string): TextEdit {
  // An empty value leaves no space after the delimiter; otherwise keep one.
  const start = entry.valueRange.start;
  const line = entry.delimiterRange.end;
  const needsSpace = start.line === line.line && start.character === line.character && value !== '';
  return { range: entry.valueRange, newText: (needsSpace ? ' ' : '') + value };
}

/**
 * Set `key = value` in a section: change the existing line, or add one after the
 * section's last setting (after its header when it has none).
 */
export function setKeyEdit(parsed: ParsedConfig, sectionName: string, key: string, value: string, eol: string): TextEdit | undefined {
  const sections = parsed.sections.filter((s) => s.name === sectionName);
  if (sections.length === 0) return undefined;
  for (const s of [...sections].reverse()) {
    const existing = [...s.entries].reverse().find((e) => e.key === key);
    if (existing) return setValueEdit(existing, value);
  }
  const section = sections[sections.length - 1];
  const last = section.entries[section.entries.length - 1];
  const afterLine = last ? last.range.end.line : section.line;
  const indent = last ? leadingWhitespace(parsed, last.range.start.line) : '';
  return insertLineAfter(parsed, afterLine, `${indent}${key} = ${value}`, eol);
}

/** Insert a whole line after `line`, also when that line is the last one and has no line break. */
export function insertLineAfter(parsed: ParsedConfig, line: number, text: string, eol: string): TextEdit {
  const l = parsed.lines[line];
  if (l.eol === '') return { range: lineRange(line, l.text.length, l.text.length), newText: eol + text };
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
