import type { Rule } from '../analysis/diagnostics';
import { commentOutEntry, entryAt } from './support';

const POOL_KEYS = ['sqlalchemy.pool_size', 'sqlalchemy.max_overflow', 'sqlalchemy.pool_timeout'];

export const sqlitePoolOptions: Rule<{ line: number }> = {
  id: 'sqlite-pool-options',
  category: 'deployment',
  severity: 'error',
  description: 'Connection-pool options with a SQLite URL.',
  check({ model, deployment, report }) {
    if (deployment.database?.scheme !== 'sqlite') return;
    for (const key of POOL_KEYS) {
      const setting = model.appSetting(key);
      if (!setting?.entry) continue;
      report({
        range: setting.entry.keyRange,
        message: `SQLite does not use a connection pool of that kind, so SQLAlchemy rejects "${key}" with "Invalid argument(s)" and Kallithea does not start. Remove it, or move to PostgreSQL or MySQL.`,
        data: { line: setting.entry.keyRange.start.line },
      });
    }
  },
  fix({ model }, diagnostic) {
    const entry = entryAt(model, diagnostic.data.line);
    return entry ? [{ title: `Comment out "${entry.key}"`, edits: commentOutEntry(model.parsed, entry), preferred: true, safe: true }] : [];
  },
};
