import type { Rule } from '../analysis/diagnostics';
import { commentOutLines } from '../edits/edits';
import { lineRange, skipSpace, skipSpaceBack } from '../syntax/text';

export const missingSectionHeader: Rule = {
  id: 'missing-section-header',
  severity: 'error',
  description: 'A setting or other text comes before the first [section] header, so the file does not load.',
  check({ model, report }) {
    const parsed = model.parsed;
    // Python stops at the first such line; later ones would only repeat the message.
    const line = parsed.orphanLines[0];
    if (line === undefined) return;
    const text = parsed.lines[line].text;
    report({
      range: lineRange(line, skipSpace(text), Math.max(skipSpace(text), skipSpaceBack(text))),
      message:
        'This line comes before any [section] header. Python refuses the whole file (MissingSectionHeaderError), so Kallithea does not start. Move it below a header such as [app:main], or make it a comment.',
      data: { line },
    });
  },
  fix({ model }, diagnostic) {
    const { line } = diagnostic.data as { line: number };
    return [{ title: 'Comment out this line', edits: commentOutLines(model.parsed, [line]) }];
  },
};
