import type { Rule } from '../analysis/diagnostics';
import { commentOutLines } from '../edits/edits';
import { lineRange } from '../syntax/text';

export const invalidLine: Rule<{ line: number; reason: string }> = {
  id: 'invalid-line',
  category: 'syntax',
  severity: 'error',
  description: 'A line with no `=` or `:` (or no key before it).',
  check({ model, report }) {
    for (const invalid of model.parsed.invalidLines) {
      const message =
        invalid.reason === 'empty-key'
          ? 'This line has a value but no key before its "=" or ":". Python refuses the whole file (ParsingError), so Kallithea does not start. Add the key name or make the line a comment.'
          : 'This line has no "=" or ":", so it is not a setting. Python refuses the whole file (ParsingError), so Kallithea does not start. Write it as "key = value", indent it to continue the value above, or make it a comment.';
      report({ range: invalid.range, message, data: { line: invalid.line, reason: invalid.reason } });
    }
  },
  fix({ model }, diagnostic) {
    const { line, reason } = diagnostic.data;
    const fixes = [{ title: 'Comment out this line', edits: commentOutLines(model.parsed, [line]) }];
    if (reason === 'no-delimiter') {
      const end = diagnostic.range.end.character;
      fixes.push({ title: 'Make it a key with an empty value', edits: [{ range: lineRange(line, end, end), newText: ' =' }] });
    }
    return fixes;
  },
};
