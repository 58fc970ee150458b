// How many database connections a site may open at once. SQLAlchemy gives each worker
// process its own pool of `sqlalchemy.pool_size` connections, which may grow by
// `sqlalchemy.max_overflow` under load; every worker process of every instance has one,
// and so has each Celery worker process when tasks go to Celery. The database refuses
// connections above its `max_connections`.

import { SECTION_KINDS } from '../catalog/sections';
import { isOn, pyInt, uwsgiInt } from '../catalog/values';
import { dbScheme, serverOf, uwsgiValue, type DeploymentSettings, type LintEnvironment } from './deployment';
import type { ConfigModel } from './model';
import type { Entry } from '../syntax/parser';

/** SQLAlchemy's QueuePool defaults. */
export const POOL_SIZE_DEFAULT = 5;
export const MAX_OVERFLOW_DEFAULT = 10;

/** What the database servers allow when their configuration does not say otherwise. */
export const MAX_CONNECTIONS_DEFAULT: Record<string, { limit: number; server: string }> = {
  postgresql: { limit: 100, server: 'PostgreSQL' },
  mysql: { limit: 151, server: 'MySQL and MariaDB' },
};

/** One instance's share: each of its worker processes may hold pool + overflow connections. */
export interface InstanceConnections {
  path: string;
  pool: number;
  overflow: number;
  workers: number;
  total: number;
}

export interface ConnectionBudget {
  /** PostgreSQL or MySQL and MariaDB. */
  server: string;
  limit: number;
  /** The limit is the setting's (kallithea.deployment.databaseMaxConnections), not the server's default. */
  limitFromSetting: boolean;
  /** This file first, then the other instances of the site. */
  instances: InstanceConnections[];
  /** Celery's worker processes, when use_celery is on: each has a pool like a web worker. */
  celery?: { workers: number; concurrencySet: boolean; total: number };
  total: number;
  /** Worker processes of every kind, each with one pool. */
  processes: number;
}

/** The worker processes one instance starts: the web server's setting, [uwsgi]'s, or kallithea.deployment.workerProcesses. */
export function workerProcesses(model: ConfigModel, settings: DeploymentSettings): number {
  const server = serverOf(model);
  const key = server ? SECTION_KINDS[server.kind].processesKey : undefined;
  if (server && key && server.entry(key)) return Math.max(1, pyInt(server.value(key) ?? '') ?? 1);
  const uwsgi = uwsgiValue(model.sections.get('uwsgi'), 'workers', 'processes');
  if (uwsgi) return Math.max(1, uwsgiInt(uwsgi.text).value);
  return settings.workerProcesses ?? 1;
}

/**
 * The line that sets one instance's worker processes (or, for waitress, its threads),
 * and the threads in each process: the server's `threads` (waitress starts 4 unless
 * told), or [uwsgi]'s.
 */
export function workerLayout(model: ConfigModel): { entry?: Entry; threads: number } {
  const server = serverOf(model);
  const uwsgi = model.sections.get('uwsgi');
  if (server) {
    const key = SECTION_KINDS[server.kind].processesKey;
    const t = server.value('threads');
    const threads = (t !== undefined ? pyInt(t) : undefined) ?? (server.kind === 'server:waitress' ? 4 : 1);
    const entry = (key && server.entry(key)) || server.entry('threads');
    if (entry || !uwsgi) return { entry, threads };
  }
  const workers = uwsgiValue(uwsgi, 'workers', 'processes');
  const t = uwsgiValue(uwsgi, 'threads');
  return { entry: workers?.entry, threads: t ? Math.max(1, uwsgiInt(t.text).value) : 1 };
}

/** "4 processes × 1 thread" */
export function workersLabel(processes: number, threads: number): string {
  return `${processes} process${processes === 1 ? '' : 'es'} × ${threads} thread${threads === 1 ? '' : 's'}`;
}

/** sqlalchemy.pool_size and sqlalchemy.max_overflow as the app gets them (SQLAlchemy's defaults when absent or unreadable). */
export function poolOf(model: ConfigModel): { pool: number; overflow: number } {
  const read = (key: string, fallback: number) => {
    const value = model.appSetting(key)?.value;
    const n = value === undefined ? undefined : pyInt(value);
    return n === undefined || n < 0 ? fallback : n;
  };
  return { pool: read('sqlalchemy.pool_size', POOL_SIZE_DEFAULT), overflow: read('sqlalchemy.max_overflow', MAX_OVERFLOW_DEFAULT) };
}

function instanceShare(path: string, model: ConfigModel, settings: DeploymentSettings): InstanceConnections {
  const { pool, overflow } = poolOf(model);
  const workers = workerProcesses(model, settings);
  return { path, pool, overflow, workers, total: (pool + overflow) * workers };
}

/** The site's connections against its database's limit; undefined unless the database is PostgreSQL or MySQL/MariaDB. */
export function connectionBudget(model: ConfigModel, env: LintEnvironment): ConnectionBudget | undefined {
  const url = model.appSetting('sqlalchemy.url')?.value;
  const known = url === undefined ? undefined : MAX_CONNECTIONS_DEFAULT[dbScheme(url)];
  if (!known) return undefined;
  const setting = env.settings.databaseMaxConnections;
  const instances = [instanceShare(model.filePath, model, env.settings), ...env.peers.map((p) => instanceShare(p.path, p.model, env.settings))];
  let total = instances.reduce((n, i) => n + i.total, 0);
  let processes = instances.reduce((n, i) => n + i.workers, 0);
  let celery: ConnectionBudget['celery'];
  if (isOn('tg', model.appSetting('use_celery')?.value)) {
    const concurrency = model.appSetting('celery.worker_concurrency')?.value ?? model.appSetting('celeryd.concurrency')?.value;
    const workers = Math.max(1, (concurrency !== undefined ? pyInt(concurrency) : undefined) ?? 1);
    const { pool, overflow } = poolOf(model);
    celery = { workers, concurrencySet: concurrency !== undefined, total: workers * (pool + overflow) };
    total += celery.total;
    processes += workers;
  }
  return { server: known.server, limit: setting ?? known.limit, limitFromSetting: setting !== undefined, instances, celery, total, processes };
}
