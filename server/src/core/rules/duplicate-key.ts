import type { Rule } from '../analysis/diagnostics';
import { commentOutLines, entryTextLines } from '../edits/edits';
import type { Entry } from '../syntax/parser';

export const duplicateKey: Rule<{ line: number; firstLine: number } | undefined> = {
  id: 'duplicate-key',
  category: 'syntax',
  severity: 'error',
  description: 'The same key twice in one section.',
  scope: 'section',
  mentionsLines: true,
  check({ model, focus, report }) {
    for (const invalid of focus.invalidLines()) {
      if (!invalid.repeated) continue;
      report({
        range: invalid.range,
        message: 'A second line in this section with no key before its "=" or ":": Python stores both under an empty key and refuses the file (DuplicateOptionError). Give the lines their key names or make them comments.',
      });
    }
    for (const index of model.parsed.repeatedEntries()) {
      const entry = model.parsed.entry(index);
      if (!focus.includesLine(entry.line)) continue;
      const first = entry.duplicateOf!;
      const where = entry.section.name;
      report({
        range: entry.keyRange,
        message: `"${entry.key}" is already set in [${where}] on line ${first.keyRange.start.line + 1}. Python refuses a file with a repeated key (DuplicateOptionError), so Kallithea does not start. Keep one of the two lines.`,
        related: [{ range: first.keyRange, message: `First "${first.key}"` }],
        data: { line: entry.keyRange.start.line, firstLine: first.keyRange.start.line },
      });
    }
  },
  fix({ model }, diagnostic) {
    if (!diagnostic.data) return []; // a repeated empty key: which line is meant needs a person
    const { line, firstLine } = diagnostic.data;
    const entry = model.parsed.ownerAt(line) as Entry | undefined;
    const first = model.parsed.ownerAt(firstLine) as Entry | undefined;
    if (!entry || !('key' in entry) || !first || !('key' in first)) return [];
    return [
      {
        title: `Comment out this "${entry.key}" (keep line ${firstLine + 1})`,
        edits: commentOutLines(model.parsed, entryTextLines(entry)),
        preferred: true,
      },
      {
        title: `Comment out the "${first.key}" on line ${firstLine + 1} (keep this one)`,
        edits: commentOutLines(model.parsed, entryTextLines(first)),
      },
    ];
  },
};
