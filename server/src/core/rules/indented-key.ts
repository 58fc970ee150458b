import type { Rule } from '../analysis/diagnostics';
import { capturesNextLine } from '../edits/edits';
import { LineKind } from '../syntax/nodes';
import { firstNonSpace, lineRange } from '../syntax/text';

// A continuation line that reads like "name = value". URLs ("http://...") are
// values, not keys, so a ':' followed by '//' does not count.
const LOOKS_LIKE_KEY = /^((?:set |get )?[A-Za-z_][\w.\-]*)\s*(=|:(?!\/\/))/;
// The same, tried at a line's first non-blank character in the whole text, so that the
// walk makes no string for lines that are not key-like; a match must end on its line.
const KEY_AT = /((?:set |get )?[A-Za-z_][\w.\-]*)\s*(=|:(?!\/\/))/y;

export const indentedKey: Rule<{ line: number; indent: number }> = {
  id: 'indented-key',
  category: 'syntax',
  severity: 'warning',
  description: 'An indented `key = value` that continues the value above.',
  scope: 'section',
  check({ model, focus, report }) {
    const { parsed } = model;
    const { text, lines, owners, lineKinds } = parsed;
    for (const run of focus.entryRuns()) {
      if (!model.readByPython(run.section)) continue;
      for (let e = run.from; e < run.to; e++) {
        // Only a value on several lines has continuation lines to look at.
        for (let l = parsed.entryLines[e] + 1; l <= parsed.entryLastLines[e]; l++) {
          if (owners[l] !== e || lineKinds[l] !== LineKind.Continuation) continue;
          const end = lines.end(l);
          // No '=' or ':' on the line (a list of names, say): nothing for the pattern to find.
          if (!hasDelimiter(text, lines.offset(l), end)) continue;
          KEY_AT.lastIndex = firstNonSpace(text, lines.offset(l), end);
          const m = KEY_AT.exec(text);
          if (!m || KEY_AT.lastIndex > end) continue;
          const character = m.index - lines.offset(l);
          report({
            range: lineRange(l, character, character + m[1].length),
            message: `This line is indented, so Python adds it to the value of "${parsed.entryKeys[e]}" above instead of setting "${m[1]}". Remove the indentation to make it a key of its own.`,
            data: { line: l, indent: character },
          });
        }
      }
    }
  },
  fix({ model }, diagnostic) {
    const { line } = diagnostic.data;
    const owner = model.parsed.ownerAt(line);
    if (!owner || !('key' in owner)) return [];
    // Dedent this line and the key-like continuation lines right after it, as one block.
    const parts = owner.parts.filter((p) => p.line >= line && p.text !== '');
    const run = [];
    for (const part of parts) {
      const m = LOOKS_LIKE_KEY.exec(part.text);
      if (!m) break;
      run.push({ part, key: m[1].trim() });
    }
    const existing = new Set(owner.section.entries.map((e) => e.key));
    const keys = run.map((r) => r.key);
    // Never when a dedented line would repeat a key, or when a line after the block would then continue it.
    if (keys.some((k, i) => existing.has(k) || keys.indexOf(k) !== i)) return [];
    const lastLine = run[run.length - 1].part.line;
    if (capturesNextLine(model.parsed, lastLine, 0)) return [];
    return [
      {
        title: run.length > 1 ? `Remove the indentation of these ${run.length} lines` : 'Remove the indentation',
        edits: run.map((r) => ({ range: lineRange(r.part.line, 0, r.part.character), newText: '' })),
        preferred: true,
      },
    ];
  },
};

function hasDelimiter(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3d /* = */ || c === 0x3a /* : */) return true;
  }
  return false;
}
