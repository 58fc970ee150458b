// Facts about how a config is deployed, derived once per lint: which server runs
// it, how many worker processes and threads, whether it sits behind a proxy, which
// database it uses, and which other configs are instances of the same site.

import { SECTION_KINDS } from '../catalog/sections';
import type { SectionKind } from '../catalog/types';
import type { ConfigModel, Setting } from './model';
import type { Entry } from '../syntax/parser';
import { isOn, pyInt, uwsgiInt, uwsgiText } from '../catalog/values';

/** The `kallithea.*` settings that describe what the files alone cannot. */
export interface DeploymentSettings {
  /** Worker processes started outside the file (mod_wsgi's WSGIDaemonProcess processes=N). */
  workerProcesses?: number;
  /** The site is behind a reverse proxy, whatever the file says. */
  behindProxy?: boolean;
  /** Groups of file globs that are instances of one site. */
  instances?: string[][];
  /** The database server's max_connections, when it is not the server's default. */
  databaseMaxConnections?: number;
  /** One directory on shared storage for every instance's data. */
  sharedDataDir?: string;
  /** Where kallithea/public is installed, for the web-server static config. */
  staticFilesPath?: string;
}

export interface Peer {
  path: string;
  model: ConfigModel;
}

export interface LintEnvironment {
  settings: DeploymentSettings;
  /** Other configs that are instances of the same site (never alternatives to this one). */
  peers: Peer[];
}

export const EMPTY_ENVIRONMENT: LintEnvironment = { settings: {}, peers: [] };

export type MultiWorkerReason =
  /** `server`: the kind of section whose setting starts them (server:gunicorn, uwsgi). */
  | { kind: 'workers'; count: number; entry: Entry; server: SectionKind }
  | { kind: 'setting'; count: number }
  | { kind: 'instances'; peers: Peer[] };

export interface ProxyEvidence {
  text: string;
  entry?: Entry;
}

export interface ServerInfo {
  section: string;
  kind: SectionKind;
  use?: Entry;
  entry(key: string): Entry | undefined;
  /** The value the server receives (interpolated), or undefined when absent or broken. */
  value(key: string): string | undefined;
}

export interface BrokerInfo {
  /** The key that names it: celery.broker_url, broker.url, broker.host... */
  key: string;
  /** Lower-case host name ('' when the URL has none). */
  host: string;
  entry: Entry;
}

export interface Deployment {
  server?: ServerInfo;
  uwsgi?: Map<string, Entry>;
  /** The first reason there is more than one worker process, if any. */
  multiWorker?: MultiWorkerReason;
  behindProxy?: ProxyEvidence;
  database?: { url: string; scheme: string; setting: Setting };
  useCelery: boolean;
  /** The Celery broker the file names, under any generation's key. */
  broker?: BrokerInfo;
  /** host:port the site binds, when the file says. */
  bind?: string;
}

/** The program that reads an app setting with the TurboGears parser; what it sees, or undefined. */
export function appValue(model: ConfigModel, key: string): string | undefined {
  return model.appSetting(key)?.value;
}

export function uwsgiValue(uwsgi: Map<string, Entry> | undefined, ...keys: string[]): { key: string; entry: Entry; text: string } | undefined {
  for (const key of keys) {
    const entry = uwsgi?.get(key);
    if (entry) return { key, entry, text: uwsgiText(entry.value) };
  }
  return undefined;
}

/** The [server:main] section PasteDeploy would start, if any. */
export function serverOf(model: ConfigModel): ServerInfo | undefined {
  const serverSection = model.findSection(['server']);
  if (!serverSection) return undefined;
  const entries = model.sections.get(serverSection)!;
  const ctx = model.context(serverSection);
  return {
    section: serverSection,
    kind: model.sectionKind(serverSection),
    use: entries.get('use'),
    entry: (key) => entries.get(key),
    value: (key) => ctx.localConf.get(key)?.value ?? (entries.has(key) ? undefined : ctx.globalConf.get(key)?.value),
  };
}

/** The database the app connects to (releases before 0.4 named it sqlalchemy.db1.url). */
export function databaseOf(model: ConfigModel): Deployment['database'] {
  const setting = model.appSetting('sqlalchemy.url') ?? model.appSetting('sqlalchemy.db1.url');
  return setting?.value !== undefined ? { url: setting.value, scheme: dbScheme(setting.value), setting } : undefined;
}

/** host:port the site binds, when the file says: by the server section, else by [uwsgi]. */
export function bindOf(model: ConfigModel, server = serverOf(model)): string | undefined {
  return bindAddress(server, model.sections.get('uwsgi'));
}

export function describeDeployment(model: ConfigModel, env: LintEnvironment): Deployment {
  const server = serverOf(model);
  const uwsgi = model.sections.get('uwsgi');

  let multiWorker: MultiWorkerReason | undefined;
  // A web server that starts several processes says how many with the key the section table names.
  const processesKey = server ? SECTION_KINDS[server.kind].processesKey : undefined;
  if (server && processesKey) {
    const entry = server.entry(processesKey);
    const count = entry ? pyInt(server.value(processesKey) ?? '') ?? 1 : 1;
    if (entry && count > 1) multiWorker = { kind: 'workers', count, entry, server: server.kind };
  }
  const uwsgiWorkers = uwsgiValue(uwsgi, 'workers', 'processes');
  if (!multiWorker && uwsgiWorkers) {
    const count = uwsgiInt(uwsgiWorkers.text).value;
    if (count > 1) multiWorker = { kind: 'workers', count, entry: uwsgiWorkers.entry, server: 'uwsgi' };
  }
  const setting = env.settings.workerProcesses;
  if (!multiWorker && setting !== undefined && setting > 1) multiWorker = { kind: 'setting', count: setting };
  if (!multiWorker && env.peers.length > 0) multiWorker = { kind: 'instances', peers: env.peers };

  return {
    server,
    uwsgi,
    multiWorker,
    behindProxy: proxyEvidence(model, uwsgi, env),
    database: databaseOf(model),
    useCelery: isOn('tg', appValue(model, 'use_celery')),
    broker: brokerOf(model),
    bind: bindOf(model, server),
  };
}

/** The broker's URL keys, newest name first: Celery 4/5, Celery 3 (0.4-0.5), Celery 3 as older configs wrote it. */
export const BROKER_URL_KEYS = ['celery.broker_url', 'broker.url', 'BROKER_URL'];
export const BROKER_HOST_KEYS = ['broker.host', 'BROKER_HOST'];

/** Where Celery finds its broker, from whichever generation's keys the file uses. */
function brokerOf(model: ConfigModel): BrokerInfo | undefined {
  for (const key of BROKER_URL_KEYS) {
    const s = model.appSetting(key);
    if (s?.value !== undefined && s.value.trim() !== '' && s.entry) return { key, host: brokerHost(s.value), entry: s.entry };
  }
  for (const key of BROKER_HOST_KEYS) {
    const s = model.appSetting(key);
    if (s?.value !== undefined && s.entry) return { key, host: s.value.trim().toLowerCase(), entry: s.entry };
  }
  return undefined;
}

/** The host part of a broker URL such as amqp://user:pass@host:5672/vhost. */
export function brokerHost(url: string): string {
  const m = /^[A-Za-z][\w+.-]*:\/\/(?:[^@/]*@)?(\[[^\]]*\]|[^:/?#]*)/.exec(url.trim());
  return m ? m[1].toLowerCase() : '';
}

/** sqlite, postgresql, mysql (MariaDB uses mysql:// too), or the URL's own scheme. */
export function dbScheme(url: string): string {
  const m = /^\s*([A-Za-z][A-Za-z0-9+.-]*):/.exec(url);
  if (!m) return '';
  const scheme = m[1].toLowerCase().split('+')[0];
  if (scheme === 'postgres') return 'postgresql';
  if (scheme === 'mariadb') return 'mysql';
  return scheme;
}

function proxyEvidence(model: ConfigModel, uwsgi: Map<string, Entry> | undefined, env: LintEnvironment): ProxyEvidence | undefined {
  if (env.settings.behindProxy) return { text: 'the setting kallithea.deployment.behindProxy is on' };
  const app = model.appSection();
  if (app) {
    const filter = model.prefixFilter();
    if (filter) return { text: `the app is wrapped in the proxy prefix filter [${filter.section}]`, entry: filter.filterWith };
    for (const key of ['remote_addr_variable', 'url_scheme_variable']) {
      const setting = model.appSetting(key);
      if (setting?.value && setting.entry) return { text: `${key} is set, so a proxy passes the client's details`, entry: setting.entry };
    }
    const force = model.appSetting('force_https');
    if (force?.entry && isOn('tg', force.value)) return { text: 'force_https = true (TLS ends at a proxy)', entry: force.entry };
  }
  const socket = uwsgi?.get('socket');
  if (socket && !uwsgi?.get('http-socket') && !uwsgi?.get('http')) return { text: 'uWSGI listens on a uwsgi-protocol socket, which only a web server in front can speak', entry: socket };
  return undefined;
}

function bindAddress(server: ServerInfo | undefined, uwsgi: Map<string, Entry> | undefined): string | undefined {
  if (server) {
    const bind = server.kind === 'server:gunicorn' ? server.value('bind') : server.kind === 'server:waitress' ? server.value('listen') : undefined;
    if (bind) return bind.trim();
    const host = server.value('host');
    const port = server.value('port');
    if (host !== undefined || port !== undefined) return `${(host ?? '').trim()}:${(port ?? '').trim()}`;
  }
  const socket = uwsgiValue(uwsgi, 'http-socket', 'http', 'socket');
  return socket ? socket.text.split(/\s/)[0] : undefined;
}
