import type { Rule } from '../analysis/diagnostics';
import { commentOutEntry, entryAt } from './support';

export const ignoreAlembicRevision: Rule<{ line: number }> = {
  id: 'ignore-alembic-revision',
  category: 'startup',
  severity: 'warning',
  description: '`ignore_alembic_revision` with any non-empty value, even `false`.',
  check({ model, report }) {
    const s = model.appSetting('ignore_alembic_revision');
    if (!s?.entry || !s.value) return;
    report({
      range: s.entry.valueRange,
      message: `Kallithea only asks whether ignore_alembic_revision has any text, so "${s.value}" turns the startup check of the database schema off${/^(false|no|off|0)$/i.test(s.value.trim()) ? ' even though it says otherwise' : ''}: a database from another Kallithea version is then used as is, which can corrupt it. Remove the line.`,
      data: { line: s.entry.keyRange.start.line },
    });
  },
  fix({ model }, diagnostic) {
    const entry = entryAt(model, diagnostic.data.line);
    return entry ? [{ title: 'Comment out ignore_alembic_revision', edits: commentOutEntry(model.parsed, entry), preferred: true, safe: true }] : [];
  },
};
