import type { Fix, Rule } from '../diagnostics';
import { renameKeyEdit } from '../edits';
import { commentOutEntry, entryAt, keyInfoOf } from './support';

export const deprecatedKey: Rule = {
  id: 'deprecated-key',
  severity: 'warning',
  description: 'A key from an older Kallithea, Celery or Pylons that 0.7 no longer reads, with its new name where there is one.',
  check({ model, report }) {
    for (const entry of model.parsed.entries) {
      if (entry.duplicateOf) continue;
      const info = keyInfoOf(model, entry);
      if (!info?.deprecated) continue;
      const replacement = info.deprecated.replacement;
      // A pattern entry (issue_prefix<suffix>) renames with the same suffix.
      const newKey = replacement && info.pattern ? renameWithSuffix(entry.key, info.name, replacement) : replacement;
      const taken = newKey !== undefined && model.sections.get(entry.section.name)?.has(newKey);
      report({
        range: entry.keyRange,
        message: `"${entry.key}" is no longer supported: ${info.deprecated.message}${newKey ? ` Use "${newKey}"${taken ? ', which this section already sets' : ''}.` : ''}`,
        tags: ['deprecated'],
        data: { line: entry.keyRange.start.line, newKey: taken ? undefined : newKey },
      });
    }
  },
  fix({ model }, diagnostic) {
    const { line, newKey } = diagnostic.data as { line: number; newKey?: string };
    const entry = entryAt(model, line);
    if (!entry) return [];
    const fixes: Fix[] = [];
    if (newKey) fixes.push({ title: `Rename to "${newKey}"`, edits: [renameKeyEdit(entry, newKey)], preferred: true });
    fixes.push({ title: `Comment out "${entry.key}"`, edits: commentOutEntry(model.parsed, entry) });
    return fixes;
  },
};

/** issue_prefix_wiki with pattern name issue_prefix<suffix> and replacement issue_sub<suffix> gives issue_sub_wiki. */
function renameWithSuffix(key: string, patternName: string, replacement: string): string {
  const stem = patternName.replace(/<[^>]*>.*$/, '');
  const newStem = replacement.replace(/<[^>]*>.*$/, '');
  return key.startsWith(stem) ? newStem + key.slice(stem.length) : replacement;
}
