// The answers a scale-out needs, what each may be, and the defaults read from the
// config being scaled out. The editor's prompts, the CLI's options and the language
// server's command all check their answers here, so each says the same thing.

import { DEFAULT_PUBLIC_PATH } from '../../shared/names';
import { isOn } from '../catalog/values';
import { workerProcesses } from '../model/connections';
import { BROKER_URL_KEYS, bindOf, brokerHost, databaseOf, dbScheme, serverOf, type DeploymentSettings } from '../model/deployment';
import type { ConfigModel } from '../model/model';

/** The program that runs Kallithea on each host; mod_wsgi's processes are set in Apache. */
export type AppServer = 'gunicorn' | 'uwsgi' | 'waitress' | 'mod_wsgi';
/** The web server in front of the hosts, which balances them and serves the static files. */
export type FrontServer = 'nginx' | 'apache';

export const APP_SERVERS: readonly AppServer[] = ['gunicorn', 'uwsgi', 'waitress', 'mod_wsgi'];
export const FRONT_SERVERS: readonly FrontServer[] = ['nginx', 'apache'];

export interface ScaleOutOptions {
  server: AppServer;
  /** Worker processes on each host (waitress: one instance of one process per port). */
  workers: number;
  /** Host names (or addresses) the balancer reaches the instances on; one folder each. */
  hosts: string[];
  /** The port each instance listens on (waitress: the first of `workers` ports). */
  port: number;
  databaseUrl: string;
  /** One directory on storage every host mounts: caches, sessions, the search index, archives. */
  sharedDir: string;
  /** Required when the config runs tasks in Celery. */
  brokerUrl?: string;
  /** The address users open, e.g. https://code.example.org/kallithea; empty: none. */
  publicUrl?: string;
  front: FrontServer;
  /** Where kallithea/public is installed on the web server in front. */
  staticPath: string;
  /** The database server's max_connections, when it is not the server's default. */
  databaseMaxConnections?: number;
}

export type OptionName = keyof ScaleOutOptions;

/** What an answer must be, given what the others are; a message when it is wrong. */
export type Problem = { option: OptionName; message: string };

const LOCAL_HOST = /^(localhost|127\.\d+\.\d+\.\d+|::1|\[::1\]|0\.0\.0\.0)$/i;
const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Host names from "web1, web2" or "web1 web2". */
export function splitHosts(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

export function checkHosts(hosts: readonly string[]): string | undefined {
  if (hosts.length === 0) return 'Name at least one host, e.g. web1,web2.';
  for (const host of hosts) {
    if (!HOST_NAME.test(host) && !IPV4.test(host)) return `"${host}" is not a host name or IPv4 address (letters, digits, dots and dashes; it also names the host's folder).`;
    if (LOCAL_HOST.test(host)) return `"${host}" is this machine: name each host as the balancer in front reaches it.`;
  }
  const seen = new Set<string>();
  for (const host of hosts.map((h) => h.toLowerCase())) {
    if (seen.has(host)) return `"${host}" is named twice.`;
    seen.add(host);
  }
  return undefined;
}

export function checkWorkers(workers: number): string | undefined {
  return Number.isInteger(workers) && workers >= 1 && workers <= 256 ? undefined : 'Give a whole number of worker processes per host, from 1 to 256.';
}

export function checkPort(port: number, server?: AppServer, workers = 1): string | undefined {
  const last = server === 'waitress' ? port + workers - 1 : port;
  if (!Number.isInteger(port) || port < 1 || last > 65535) return `Give a port from 1 to 65535${server === 'waitress' && workers > 1 ? ` (waitress uses ${workers} ports from it)` : ''}.`;
  return undefined;
}

/** A URL's parts, or undefined when it has no scheme://host. */
function urlParts(url: string): { scheme: string; credentials?: string; host: string; port?: string; path: string; query: string } | undefined {
  const m = /^([A-Za-z][\w+.-]*):\/\/(?:([^@/?#]*)@)?(\[[^\]]*\]|[^:/?#]*)(?::(\d*))?([^?#]*)(\?[^#]*)?$/.exec(url.trim());
  return m ? { scheme: m[1].toLowerCase(), credentials: m[2], host: m[3], port: m[4], path: m[5], query: m[6] ?? '' } : undefined;
}

export function checkDatabaseUrl(url: string, hosts: number): string | undefined {
  const scheme = dbScheme(url);
  if (/\s/.test(url.trim())) return 'A database URL has no spaces.';
  if (scheme === 'sqlite') return 'SQLite cannot be shared by several processes and hosts: give a PostgreSQL or MySQL/MariaDB URL, e.g. postgresql://kallithea:PASSWORD@db.example.org/kallithea.';
  if (scheme !== 'postgresql' && scheme !== 'mysql') return 'Give a PostgreSQL (postgresql://...) or MySQL/MariaDB (mysql://...) URL.';
  const parts = urlParts(url);
  if (!parts || parts.host === '') return 'The URL needs the database server: postgresql://USER:PASSWORD@HOST/DATABASE.';
  if (hosts > 1 && LOCAL_HOST.test(parts.host)) return `The database is on ${parts.host}, which each host would take as itself: name the database server every host reaches.`;
  if (!parts.path.replace(/^\//, '')) return 'The URL needs the database name after the host: .../kallithea.';
  return undefined;
}

export function checkSharedDir(dir: string): string | undefined {
  const d = dir.trim();
  if (!d.startsWith('/')) return 'Give an absolute folder, e.g. /srv/kallithea-shared/data, that every host mounts at the same place.';
  if (d.replace(/\/+$/, '') === '') return 'The root folder cannot be the data directory.';
  if (d.includes('%(')) return 'Give the folder itself, without %(...)s references.';
  return undefined;
}

export function checkBrokerUrl(url: string | undefined, celery: boolean, hosts: number): string | undefined {
  if (!url?.trim()) return celery ? 'use_celery is on: give the broker every host reaches, e.g. amqp://kallithea:PASSWORD@broker.example.org:5672/kallithea.' : undefined;
  const parts = urlParts(url);
  if (!parts || parts.host === '') return 'Give a broker URL such as amqp://USER:PASSWORD@HOST:5672/VHOST or redis://HOST:6379/0.';
  if (hosts > 1 && LOCAL_HOST.test(parts.host)) return `The broker is on ${parts.host}, which each host would take as itself: name the broker every host reaches.`;
  return undefined;
}

export function checkPublicUrl(url: string | undefined): string | undefined {
  if (!url?.trim()) return undefined;
  const parts = urlParts(url);
  if (!parts || (parts.scheme !== 'http' && parts.scheme !== 'https') || parts.host === '') return 'Give the address users open, e.g. https://code.example.org or https://example.org/kallithea, or leave it empty.';
  if (parts.credentials !== undefined) return 'The public URL must not hold a user name or password.';
  if (parts.query) return 'The public URL has no query (?...).';
  return undefined;
}

/** Every problem with a set of answers, in the order the prompts ask. */
export function checkOptions(o: ScaleOutOptions, celery: boolean): Problem[] {
  const problems: Problem[] = [];
  const add = (option: OptionName, message: string | undefined) => message && problems.push({ option, message });
  if (!APP_SERVERS.includes(o.server)) add('server', `The server is one of ${APP_SERVERS.join(', ')}.`);
  add('workers', checkWorkers(o.workers));
  add('hosts', checkHosts(o.hosts));
  add('port', checkPort(o.port, o.server, o.workers));
  add('databaseUrl', checkDatabaseUrl(o.databaseUrl, o.hosts.length));
  add('sharedDir', checkSharedDir(o.sharedDir));
  add('brokerUrl', checkBrokerUrl(o.brokerUrl, celery, o.hosts.length));
  add('publicUrl', checkPublicUrl(o.publicUrl));
  if (!FRONT_SERVERS.includes(o.front)) add('front', `The web server in front is one of ${FRONT_SERVERS.join(', ')}.`);
  if (!o.staticPath.trim().startsWith('/')) add('staticPath', 'Give the absolute folder of kallithea/public on the web server.');
  if (o.databaseMaxConnections !== undefined && !(Number.isInteger(o.databaseMaxConnections) && o.databaseMaxConnections >= 1))
    add('databaseMaxConnections', 'max_connections is a whole number from 1.');
  return problems;
}

/** True when the config runs tasks in Celery (so the instances need one broker). */
export function usesCelery(model: ConfigModel): boolean {
  return isOn('tg', model.appSetting('use_celery')?.value);
}

/** The server a config runs on now, as one of the scale-out's choices (gunicorn for gearbox's own servers). */
function currentServer(model: ConfigModel): AppServer {
  const kind = serverOf(model)?.kind;
  if (kind === 'server:waitress') return 'waitress';
  if (kind === 'server:gunicorn') return 'gunicorn';
  if (!kind && model.sections.has('uwsgi')) return 'uwsgi';
  return 'gunicorn';
}

/** The database URL with MySQL's full Unicode charset, which Kallithea's tables need. */
export function withMysqlCharset(url: string): string {
  if (dbScheme(url) !== 'mysql' || /[?&]charset=utf8mb4(&|$)/i.test(url)) return url.trim();
  const u = url.trim();
  if (/[?&]charset=/i.test(u)) return u.replace(/([?&]charset=)[^&]*/i, '$1utf8mb4');
  return u + (u.includes('?') ? '&' : '?') + 'charset=utf8mb4';
}

export const DATABASE_TEMPLATE = 'postgresql://kallithea:PASSWORD@db.example.org/kallithea';
export const BROKER_TEMPLATE = 'amqp://kallithea:PASSWORD@broker.example.org:5672/kallithea';
export const SHARED_DIR_DEFAULT = '/srv/kallithea-shared/data';

/** The answers the prompts start from, read from the config and the deployment settings. */
export function suggestOptions(model: ConfigModel, settings: DeploymentSettings & { sharedDataDir?: string; staticFilesPath?: string } = {}): ScaleOutOptions {
  const db = databaseOf(model);
  const keepDb = db && (db.scheme === 'postgresql' || db.scheme === 'mysql');
  const port = Number(/:(\d+)$/.exec(bindOf(model) ?? '')?.[1] ?? '5000');
  const broker = BROKER_URL_KEYS.map((k) => model.appSetting(k)?.value?.trim()).find((v) => v);
  const canonical = model.appSetting('canonical_url')?.value?.trim();
  const processes = workerProcesses(model, settings);
  return {
    server: currentServer(model),
    workers: processes > 1 ? processes : 4,
    hosts: ['web1', 'web2'],
    port: port >= 1 && port <= 65535 ? port : 5000,
    databaseUrl: keepDb ? withMysqlCharset(db.url) : DATABASE_TEMPLATE,
    sharedDir: settings.sharedDataDir || SHARED_DIR_DEFAULT,
    brokerUrl: usesCelery(model) ? (broker && !LOCAL_HOST.test(brokerHost(broker)) ? broker : BROKER_TEMPLATE) : undefined,
    publicUrl: canonical && checkPublicUrl(canonical) === undefined ? canonical : '',
    front: 'nginx',
    staticPath: settings.staticFilesPath || DEFAULT_PUBLIC_PATH,
    databaseMaxConnections: settings.databaseMaxConnections,
  };
}

/** scheme, host name, port and path prefix of the public URL ('' prefix at the root). */
export function publicAddress(url: string | undefined): { https: boolean; host: string; port?: number; prefix: string } | undefined {
  const parts = url?.trim() ? urlParts(url) : undefined;
  if (!parts) return undefined;
  const prefix = parts.path.replace(/\/+$/, '');
  return { https: parts.scheme === 'https', host: parts.host.toLowerCase(), port: parts.port ? Number(parts.port) : undefined, prefix };
}
