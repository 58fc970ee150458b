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
