import type { Rule } from '../analysis/diagnostics';
import type { Entry } from '../syntax/parser';
import { isSecretKey } from '../catalog/display';
import { moveToCommentLine } from '../edits/edits';
import { isPySpace, lineRange, skipSpaceBack } from '../syntax/text';

interface Data {
  keyLine: number;
  line: number;
  /** Where the value's own text ends (before the whitespace that precedes the comment). */
  valueEnd: number;
  commentStart: number;
  commentEnd: number;
  comment: string;
}

/** Index of an inline comment in a stripped value line: ';' or '#' after whitespace (';' also at the very start). */
export function inlineCommentIndex(text: string, first: boolean): number {
  if (first && text.charCodeAt(0) === 0x3b) return 0;
  // Most values hold neither character: let the engine's search skip them.
  const semicolon = markAfterSpace(text, ';');
  const hash = markAfterSpace(text, '#');
  return semicolon < 0 ? hash : hash < 0 ? semicolon : Math.min(semicolon, hash);
}

/** The first `mark` after index 0 that follows whitespace, or -1. */
function markAfterSpace(text: string, mark: string): number {
  for (let i = text.indexOf(mark, 1); i > 0; i = text.indexOf(mark, i + 1)) if (isPySpace(text.charCodeAt(i - 1))) return i;
  return -1;
}

export const inlineComment: Rule<Data> = {
  id: 'inline-comment',
  category: 'syntax',
  severity: 'warning',
  description: '` ;` or ` #` after a value: Python keeps the text in the value.',
  scope: 'section',
  check({ model, focus, report }) {
    const parsed = model.parsed;
    // Only lines with a ';' or a '#' can have one, in sections Python reads (decided
    // before an object is made; the objects are not kept in the parse).
    const read = (e: number) => model.readByPython(parsed.sections[parsed.entrySections[e]]);
    const byIndex = new Map<number, Entry>();
    for (const char of [';', '#']) for (const entry of focus.entriesWithChar(char, read, false)) byIndex.set(entry.index, entry);
    const candidates = [...byIndex.values()].sort((a, b) => a.index - b.index);
    for (const entry of candidates) {
      const parts = entry.parts;
      for (let index = 0; index < parts.length; index++) {
        const part = parts[index];
        const at = inlineCommentIndex(part.text, index === 0);
        if (at < 0) continue;
        const commentStart = part.character + at;
        const commentEnd = part.character + part.text.length;
        const valueEnd = skipSpaceBack(parsed.lines.text(part.line), commentStart, 0);
        const comment = part.text.slice(at);
        // The text is part of the value as Python reads it, so for a secret it is not repeated.
        const shown = isSecretKey(model.kindOf(entry.section), entry.key) ? 'the text after the value' : `the text "${comment}"`;
        report({
          range: lineRange(part.line, commentStart, commentEnd),
          message: `Python does not strip comments after a value: "${entry.key}" gets ${shown} as part of its value. Move the comment to a line of its own.`,
          data: { keyLine: entry.keyRange.start.line, line: part.line, valueEnd, commentStart, commentEnd, comment } satisfies Data,
        });
      }
    }
  },
  fix({ model, eol }, diagnostic) {
    const d = diagnostic.data;
    return [
      {
        title: 'Move the comment to its own line',
        edits: moveToCommentLine(model.parsed, d.keyLine, d.comment, lineRange(d.line, d.valueEnd, d.commentEnd), eol),
        preferred: true,
        safe: true,
      },
    ];
  },
};
