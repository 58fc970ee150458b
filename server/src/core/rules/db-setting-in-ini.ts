import type { Rule } from '../analysis/diagnostics';
import { commentOutEntry, entryAt, keyFacts } from './support';

export const dbSettingInIni: Rule<{ line: number }> = {
  id: 'db-setting-in-ini',
  category: 'values',
  severity: 'information',
  description: 'A setting Kallithea keeps in its database.',
  scope: 'section',
  check({ model, focus, report }) {
    for (const entry of keyFacts(model, focus).fromDatabase) {
      report({
        range: entry.keyRange,
        message: `"${entry.key}" is a setting Kallithea stores in its database: at startup it copies Admin > Settings over the ini value, so this line has no effect. Change it in the web interface.`,
        tags: ['unnecessary'],
        data: { line: entry.keyRange.start.line },
      });
    }
  },
  fix({ model }, diagnostic) {
    const entry = entryAt(model, diagnostic.data.line);
    return entry ? [{ title: `Comment out "${entry.key}"`, edits: commentOutEntry(model.parsed, entry) }] : [];
  },
};
