import type { Rule, TextEdit } from '../analysis/diagnostics';
import { insertLineAfter, setValueEdit } from '../edits/edits';
import { connectionBudget, type ConnectionBudget, type InstanceConnections } from '../model/connections';
import { entryAt, relativeTo } from './support';

interface Data {
  /** The sqlalchemy.url line. */
  line: number;
  pool: number;
  /** Connections each worker process may hold so that the site fits, when at least one. */
  perProcess?: number;
}

export const dbConnectionBudget: Rule<Data> = {
  id: 'db-connection-budget',
  category: 'deployment',
  severity: 'warning',
  description: "The site's worker processes may open more database connections than PostgreSQL or MySQL allows.",
  check({ model, env, report }) {
    const budget = connectionBudget(model, env);
    const url = model.appSetting('sqlalchemy.url')?.entry;
    if (!budget || !url || budget.total <= budget.limit) return;
    const pool = model.appSetting('sqlalchemy.pool_size')?.entry;
    const perProcess = Math.floor(budget.limit / budget.processes);
    const me = budget.instances[0];
    const limit = budget.limitFromSetting
      ? `the limit of ${budget.limit} set in kallithea.deployment.databaseMaxConnections`
      : `${budget.server}'s default max_connections of ${budget.limit} (set kallithea.deployment.databaseMaxConnections if the server allows more)`;
    const advice =
      perProcess >= 1
        ? `To fit, each process may hold ${perProcess}: lower sqlalchemy.pool_size and sqlalchemy.max_overflow so that they add up to ${perProcess} or less, or raise the database's max_connections.`
        : "Even one connection per process is too many: raise the database's max_connections, or run fewer processes.";
    report({
      range: (pool ?? url).valueRange,
      message: `The site may open ${budget.total} database connections, more than ${limit}: ${arithmetic(budget, model.filePath)}. When they are all in use, new requests wait for pool_timeout and then fail. ${advice}`,
      data: { line: url.keyRange.start.line, pool: me.pool, perProcess: perProcess >= 1 ? perProcess : undefined },
    });
  },
  fix({ model, eol }, diagnostic) {
    const { line, pool, perProcess } = diagnostic.data;
    const url = entryAt(model, line);
    if (!url || perProcess === undefined) return [];
    const newPool = Math.min(pool, perProcess);
    const newOverflow = perProcess - newPool;
    const edits: TextEdit[] = [];
    const missing: string[] = [];
    for (const [key, value] of [['sqlalchemy.pool_size', newPool], ['sqlalchemy.max_overflow', newOverflow]] as const) {
      const setting = model.appSetting(key);
      // Change the line the app reads, wherever it is ([DEFAULT] or a `set` line too: a plain key would be ignored there).
      if (setting?.entry) edits.push(setValueEdit(setting.entry, String(value)));
      else missing.push(`${key} = ${value}`);
    }
    if (missing.length) edits.push(insertLineAfter(model.parsed, url.range.end.line, missing.join(eol), eol));
    return [{ title: `Set sqlalchemy.pool_size = ${newPool} and sqlalchemy.max_overflow = ${newOverflow} (${perProcess} connections per worker process)`, edits }];
  },
};

/** The sum behind the total, in words: each instance's pool times its workers, then Celery's. */
function arithmetic(budget: ConnectionBudget, self: string): string {
  const share = (i: InstanceConnections) => `(pool_size ${i.pool} + max_overflow ${i.overflow}) × ${i.workers} worker process${i.workers === 1 ? '' : 'es'}`;
  const same = budget.instances.every((i) => i.pool === budget.instances[0].pool && i.overflow === budget.instances[0].overflow && i.workers === budget.instances[0].workers);
  const n = budget.instances.length;
  const web =
    n === 1
      ? `${share(budget.instances[0])} = ${budget.instances[0].total}`
      : same
        ? `${share(budget.instances[0])} × ${n} instances = ${budget.instances[0].total * n}`
        : budget.instances.map((i, k) => `${k === 0 ? 'here' : relativeTo(self, i.path)} ${share(i)} = ${i.total}`).join(', ');
  const celery = budget.celery
    ? `, plus ${budget.celery.workers} Celery worker process${budget.celery.workers === 1 ? '' : 'es'} × ${budget.celery.total / budget.celery.workers} = ${budget.celery.total}${budget.celery.concurrencySet ? '' : ' (celery.worker_concurrency is not set: Celery starts one per CPU, counted here as one)'}`
    : '';
  return web + celery;
}
