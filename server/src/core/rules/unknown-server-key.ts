import { exactNames } from '../catalog';
import type { Fix, Rule } from '../analysis/diagnostics';
import { renameKeyEdit } from '../edits/edits';
import { suggest } from '../syntax/similar';
import { commentOutEntry, entryAt } from './support';

interface Data {
  line: number;
  suggestions: string[];
}

export const unknownServerKey: Rule<Data> = {
  id: 'unknown-server-key',
  category: 'deployment',
  severity: 'error',
  description: 'A `[server:main]` key waitress or gunicorn (20 and later) does not know.',
  check({ model, deployment, report }) {
    const server = deployment.server;
    if (server?.kind !== 'server:waitress' && server?.kind !== 'server:gunicorn') return;
    const gunicorn = server.kind === 'server:gunicorn';
    for (const entry of model.sections.get(server.section)?.values() ?? []) {
      if (entry.key.startsWith('set ') || entry.key.startsWith('get ')) continue;
      // The catalog folds case for gunicorn, which lower-cases the names it receives.
      if (model.keyInfo(entry)) continue;
      const name = gunicorn ? entry.key.toLowerCase() : entry.key;
      const present = [...(model.sections.get(server.section)?.keys() ?? [])];
      const suggestions = suggest(name, exactNames(server.kind).filter((n) => !present.includes(n)));
      const stops = gunicorn
        ? 'gunicorn 20 and later stop at startup with a "No configuration setting for" error (gunicorn 19 skipped it silently)'
        : 'waitress stops at startup with an "Unknown adjustment" error';
      report({
        range: entry.keyRange,
        message: `${gunicorn ? 'gunicorn' : 'waitress'} has no setting "${entry.key}": ${stops}.${suggestions.length ? ` Did you mean "${suggestions[0]}"?` : ' Remove the line.'}`,
        data: { line: entry.keyRange.start.line, suggestions } satisfies Data,
      });
    }
  },
  fix({ model }, diagnostic) {
    const d = diagnostic.data;
    const entry = entryAt(model, d.line);
    if (!entry) return [];
    const fixes: Fix[] = d.suggestions.map((s, i) => ({ title: `Change to "${s}"`, edits: [renameKeyEdit(entry, s)], preferred: i === 0 }));
    fixes.push({ title: `Comment out "${entry.key}"`, edits: commentOutEntry(model.parsed, entry), preferred: d.suggestions.length === 0 });
    return fixes;
  },
};
