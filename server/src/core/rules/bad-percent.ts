import type { Rule } from '../analysis/diagnostics';
import { scanPercents } from '../syntax/percents';
import type { Entry } from '../syntax/parser';
import { valueOffsetToPosition, valueSpanRange } from '../syntax/value-offsets';
import { percentEntries } from '../catalog/sections';
import { lineRange } from '../syntax/text';

export const badPercent: Rule<{ line: number; character: number }> = {
  id: 'bad-percent',
  category: 'syntax',
  severity: 'error',
  description: 'A `%` that is neither `%%` nor `%(name)s`, e.g. a URL-encoded password.',
  scope: 'section',
  check({ focus, report }) {
    for (const entry of percentEntries(focus)) {
      if (!entry.value.includes('%')) continue;
      for (const token of scanPercents(entry.value)) {
        if (token.kind !== 'bad') continue;
        const at = valueOffsetToPosition(entry as Entry, token.offset);
        report({
          range: valueSpanRange(entry, token.offset, token.offset + token.length),
          message: `A lone "%" in "${entry.key}": Python treats "%" as the start of "%(name)s" and fails to load the file (InterpolationSyntaxError). Write "%%" for a literal percent sign (for example in a URL-encoded password).`,
          data: { line: at.line, character: at.character },
        });
      }
    }
  },
  fix(_ctx, diagnostic) {
    const { line, character } = diagnostic.data;
    return [{ title: 'Escape as "%%"', edits: [{ range: lineRange(line, character, character), newText: '%' }], preferred: true, safe: true }];
  },
};
