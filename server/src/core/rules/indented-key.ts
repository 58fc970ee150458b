import type { Rule } from '../diagnostics';
import { readerOfSection } from '../sections';

const readByPythonCached = (section: { name: string }) => {
  const r = readerOfSection(section);
  return r !== 'uwsgi' && r !== 'unknown';
};
import { lineRange } from '../text';

// A continuation line that reads like "name = value". URLs ("http://...") are
// values, not keys, so a ':' followed by '//' does not count.
const LOOKS_LIKE_KEY = /^((?:set |get )?[A-Za-z_][\w.\-]*)\s*(=|:(?!\/\/))/;

export const indentedKey: Rule = {
  id: 'indented-key',
  severity: 'warning',
  description: 'An indented "key = value" line continues the value above it instead of setting a key.',
  check({ model, report }) {
    for (const entry of model.parsed.entries) {
      if (!readByPythonCached(entry.section)) continue;
      for (let i = 1; i < entry.parts.length; i++) {
        const part = entry.parts[i];
        const m = LOOKS_LIKE_KEY.exec(part.text);
        if (!m) continue;
        report({
          range: lineRange(part.line, part.character, part.character + m[1].length),
          message: `This line is indented, so Python adds it to the value of "${entry.key}" above instead of setting "${m[1]}". Remove the indentation to make it a key of its own.`,
          data: { line: part.line, indent: part.character },
        });
      }
    }
  },
  fix(_ctx, diagnostic) {
    const { line, indent } = diagnostic.data as { line: number; indent: number };
    return [{ title: 'Remove the indentation', edits: [{ range: lineRange(line, 0, indent), newText: '' }], preferred: true }];
  },
};
