import type { SectionKind } from '../catalog/types';
import type { Fix, Rule } from '../analysis/diagnostics';
import { setValueEdit } from '../edits/edits';
import { commentOutEntry, describeMultiWorker, entryAt, setUwsgiEdit } from './support';

interface Data {
  urlLine: number;
  /** Line of the workers setting when the file itself starts several workers. */
  workersLine?: number;
  server?: SectionKind;
  /** Celery workers share the file too, so one web worker would not be enough. */
  celery?: boolean;
}

export const POSTGRES_URL = 'postgresql://kallithea:CHANGE-ME@localhost/kallithea';
export const MYSQL_URL = 'mysql://kallithea:CHANGE-ME@localhost/kallithea?charset=utf8mb4';

export const sqliteMultiWorker: Rule<Data> = {
  id: 'sqlite-multi-worker',
  category: 'deployment',
  severity: 'warning',
  description: 'SQLite used by several worker processes, instances or Celery workers at once.',
  check({ model, deployment, report }) {
    const db = deployment.database;
    const entry = db?.setting.entry;
    if (!db || db.scheme !== 'sqlite' || !entry) return;
    const reasons: string[] = [];
    if (deployment.multiWorker) reasons.push(describeMultiWorker(deployment.multiWorker, model.filePath));
    if (deployment.useCelery) reasons.push('Celery workers (use_celery = true)');
    if (reasons.length === 0) return;
    const mw = deployment.multiWorker;
    report({
      range: entry.valueRange,
      message: `SQLite is shared by ${reasons.join(' and ')}. SQLite locks the whole database for each write, so concurrent requests queue up or fail with "database is locked". Move to PostgreSQL or MySQL/MariaDB, or run a single worker.`,
      data: {
        urlLine: entry.keyRange.start.line,
        workersLine: mw?.kind === 'workers' ? mw.entry.keyRange.start.line : undefined,
        server: mw?.kind === 'workers' ? mw.server : undefined,
        celery: deployment.useCelery || undefined,
      } satisfies Data,
    });
  },
  fix({ model, eol }, diagnostic) {
    const d = diagnostic.data;
    const url = entryAt(model, d.urlLine);
    if (!url) return [];
    const fixes: Fix[] = [
      { title: 'Use PostgreSQL (then set the password and host)', edits: [setValueEdit(url, POSTGRES_URL)], preferred: true },
      { title: 'Use MySQL/MariaDB with utf8mb4 (then set the password and host)', edits: [setValueEdit(url, MYSQL_URL)] },
    ];
    const workers = d.workersLine !== undefined && !d.celery ? entryAt(model, d.workersLine) : undefined;
    if (workers && d.server === 'server:gunicorn') fixes.push({ title: 'Run a single worker process (workers = 1)', edits: [setValueEdit(workers, '1')] });
    if (workers && d.server === 'uwsgi') {
      const edit = setUwsgiEdit(model, workers.key, '1', eol);
      // uWSGI refuses cheaper >= workers, so a single worker cannot keep a cheaper line.
      const cheaper = model.sections.get('uwsgi')?.get('cheaper');
      if (edit) fixes.push({ title: `Run a single worker process (${workers.key} = 1)`, edits: [edit, ...(cheaper ? commentOutEntry(model.parsed, cheaper) : [])] });
    }
    return fixes;
  },
};
