import type { Rule } from '../analysis/diagnostics';
import { setKeyEdit, setValueEdit } from '../edits/edits';
import { describeMultiWorker, entryAt, sectionHeader } from './support';

interface Data {
  app: string;
  line?: number;
}

export const sessionMemoryMultiWorker: Rule<Data> = {
  id: 'session-memory-multi-worker',
  category: 'deployment',
  severity: 'warning',
  description: 'Beaker sessions in memory while several processes serve the site.',
  check({ model, deployment, report }) {
    const app = model.appSection();
    if (!app || !deployment.multiWorker) return;
    const type = model.appSetting('session.type');
    const explicit = type?.value?.trim();
    // Beaker falls back to memory when there is no data_dir; TurboGears derives one from cache_dir.
    const implicitMemory = explicit === undefined && !model.appSetting('cache_dir')?.value && !model.appSetting('session.data_dir')?.value;
    if (explicit !== 'memory' && !implicitMemory) return;
    const range = type?.entry ? type.entry.valueRange : sectionHeader(model.parsed, app)!.headerRange;
    const how = explicit === 'memory' ? 'session.type = memory keeps' : 'Without session.type, cache_dir or session.data_dir, Beaker keeps';
    report({
      range,
      message: `${how} each user's session in one process's memory, but the site runs ${describeMultiWorker(deployment.multiWorker, model.filePath)}: users are logged out whenever another process answers. Store sessions in files under a shared cache_dir (session.type = file) or in the database (ext:database).`,
      data: { app, line: type?.entry?.keyRange.start.line } satisfies Data,
    });
  },
  fix({ model, eol }, diagnostic) {
    const d = diagnostic.data;
    const entry = d.line !== undefined ? entryAt(model, d.line) : undefined;
    const edit = entry ? setValueEdit(entry, 'file') : setKeyEdit(model.parsed, d.app, 'session.type', 'file', eol);
    return edit ? [{ title: 'Store sessions in files (session.type = file)', edits: [edit], preferred: true }] : [];
  },
};
