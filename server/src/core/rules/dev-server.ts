import { useFor } from '../catalog/sections';
import type { Rule } from '../analysis/diagnostics';
import { setKeyEdit, setValueEdit } from '../edits/edits';
import { commentOutEntry, entryAt } from './support';

export const devServer: Rule<{ section: string; line: number }> = {
  id: 'dev-server',
  category: 'deployment',
  severity: 'warning',
  description: 'gearbox\'s built-in wsgiref server.',
  check({ deployment, report }) {
    const server = deployment.server;
    if (server?.kind !== 'server:wsgiref' || !server.use) return;
    const ignored = ['threadpool_workers', 'threadpool_max_requests', 'use_threadpool'].filter((k) => server.entry(k));
    report({
      range: server.use.valueRange,
      message: `egg:gearbox#wsgiref is Python's development server: it cannot read chunked request bodies, so many Git pushes fail, and it is not built for production load.${ignored.length ? ` Its ${ignored.join(', ')} lines are ignored.` : ''} Use waitress, gunicorn or uWSGI.`,
      data: { section: server.section, line: server.use.keyRange.start.line },
    });
  },
  fix({ model, eol }, diagnostic) {
    const { section, line } = diagnostic.data;
    const use = entryAt(model, line);
    const entries = model.sections.get(section);
    if (!use || !entries) return [];
    // waitress refuses keys it does not know, so the wsgiref-only lines must go (as comments).
    const stale = [...entries.values()].filter((e) => /^(threadpool_|use_threadpool$|wsgiref\.)/.test(e.key));
    const threads = setKeyEdit(model.parsed, section, 'threads', '1', eol);
    const body = setKeyEdit(model.parsed, section, 'max_request_body_size', '107374182400', eol);
    if (!threads || !body) return [];
    // Two inserts at one point apply in order, so both new lines land after the section's last line.
    return [
      {
        title: 'Switch to waitress (one thread, large pushes allowed)',
        edits: [setValueEdit(use, useFor('server:waitress')), ...stale.flatMap((e) => commentOutEntry(model.parsed, e)), threads, body],
        preferred: true,
      },
    ];
  },
};
