import type { Rule } from '../analysis/diagnostics';

export const duplicateSection: Rule<{ section: string; firstLine: number }> = {
  id: 'duplicate-section',
  category: 'syntax',
  severity: 'error',
  description: 'The same `[section]` twice (`[DEFAULT]` may repeat).',
  check({ model, report }) {
    for (const section of model.parsed.sections) {
      // [DEFAULT] is the exception: configparser merges repeated [DEFAULT] blocks.
      if (!section.duplicateOf || section.name === 'DEFAULT') continue;
      const first = section.duplicateOf;
      report({
        range: section.headerRange,
        message: `[${section.name}] already starts on line ${first.line + 1}. Python refuses a file with a repeated section (DuplicateSectionError), so Kallithea does not start. Merge the two sections into one.`,
        related: [{ range: first.headerRange, message: `First [${section.name}]` }],
        data: { section: section.name, firstLine: first.line },
      });
    }
  },
};
