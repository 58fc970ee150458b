import type { Rule } from '../analysis/diagnostics';
import { commentOutLines } from '../edits/edits';
import { lineRange, skipSpace, skipSpaceBack } from '../syntax/text';

export const missingSectionHeader: Rule<{ line: number }> = {
  id: 'missing-section-header',
  category: 'syntax',
  severity: 'error',
  description: 'A setting before the first `[section]`.',
  check({ model, report }) {
    const parsed = model.parsed;
    // Python stops at the first such line; later ones would only repeat the message.
    const line = parsed.orphanLines[0];
    if (line === undefined) return;
    const text = parsed.lines.text(line);
    report({
      range: lineRange(line, skipSpace(text), Math.max(skipSpace(text), skipSpaceBack(text))),
      message:
        'This line comes before any [section] header. Python refuses the whole file (MissingSectionHeaderError), so Kallithea does not start. Move it below a header such as [app:main], or make it a comment.',
      data: { line },
    });
  },
  fix({ model }, diagnostic) {
    const { line } = diagnostic.data;
    return [{ title: 'Comment out this line', edits: commentOutLines(model.parsed, [line]) }];
  },
};
