import type { Rule } from '../analysis/diagnostics';
import { lineRange } from '../syntax/text';
import { entryAt } from './support';

export const mysqlCharset: Rule<{ line: number }> = {
  id: 'mysql-charset',
  category: 'deployment',
  severity: 'warning',
  description: 'A MySQL/MariaDB URL without `charset=utf8mb4`.',
  check({ deployment, report }) {
    const db = deployment.database;
    const entry = db?.setting.entry;
    if (!db || db.scheme !== 'mysql' || !entry) return;
    const charset = /[?&]charset=([^&#\s]*)/i.exec(db.url)?.[1];
    if (charset?.toLowerCase() === 'utf8mb4') return;
    report({
      range: entry.valueRange,
      message: `${charset ? `charset=${charset}` : 'Without charset=utf8mb4'}, MySQL/MariaDB stores text in a 3-byte encoding that cannot hold characters such as emoji, so commits, comments and names with them fail to save. Add charset=utf8mb4 to the URL (existing tables need converting by hand).`,
      data: { line: entry.keyRange.start.line },
    });
  },
  fix({ model }, diagnostic) {
    const { line } = diagnostic.data;
    const entry = entryAt(model, line);
    if (!entry || entry.parts.length !== 1) return [];
    const part = entry.parts[0];
    const existing = /([?&]charset=)([^&#\s]*)/i.exec(part.text);
    const edit = existing
      ? { range: lineRange(part.line, part.character + existing.index + existing[1].length, part.character + existing.index + existing[0].length), newText: 'utf8mb4' }
      : { range: lineRange(part.line, part.character + part.text.length, part.character + part.text.length), newText: (part.text.includes('?') ? '&' : '?') + 'charset=utf8mb4' };
    return [{ title: 'Use charset=utf8mb4', edits: [edit], preferred: true, safe: true }];
  },
};
