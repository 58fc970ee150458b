import type { Rule } from '../analysis/diagnostics';
import { badPercentEnd, nextBadPercent } from '../syntax/percents';
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
      const value = entry.value;
      for (let p = nextBadPercent(value); p >= 0; p = nextBadPercent(value, p + 1)) {
        const at = valueOffsetToPosition(entry as Entry, p);
        report({
          range: valueSpanRange(entry, p, badPercentEnd(value, p)),
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
