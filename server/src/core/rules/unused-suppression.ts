import type { Rule } from '../analysis/diagnostics';

// The suppression pass of the analysis (analysis/suppression.ts) reports these, because only it knows which
// diagnostics each comment hid; this file holds the rule's metadata and its fix.
export const unusedSuppression: Rule<{ line: number; all: boolean }> = {
  id: 'unused-suppression',
  category: 'values',
  severity: 'hint',
  description: 'A `# kallithea-ini: disable...` comment that hides nothing.',
  fix({ model }, diagnostic) {
    const { line, all } = diagnostic.data;
    if (!all) return [];
    // Remove the whole line with its line break; on the last line, just its text.
    const last = line + 1 >= model.parsed.lines.length;
    const end = last ? { line, character: model.parsed.lines.text(line).length } : { line: line + 1, character: 0 };
    return [{ title: 'Remove the unused suppression comment', edits: [{ range: { start: { line, character: 0 }, end }, newText: '' }] }];
  },
};
