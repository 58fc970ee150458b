// The instances of one site compared: which settings every instance must share (so
// that a user who lands on another instance behind the balancer sees the same site),
// and how each setting reads in each instance. The instances-disagree rule, the CLI's
// `--compare` and the editor's Compare Instances command all read it here.

import { displayValue, isSecretKey } from '../catalog/display';
import { SECTION_KINDS } from '../catalog/sections';
import { isOn } from '../catalog/values';
import type { Entry } from '../syntax/parser';
import { workerLayout, workerProcesses, workersLabel } from './connections';
import { bindOf, BROKER_HOST_KEYS, BROKER_URL_KEYS, databaseOf, serverOf, uwsgiValue, type DeploymentSettings, type Peer } from './deployment';
import type { ConfigModel } from './model';
import { findPeers, type InstanceSignature } from './workspace';

/** The data directories every instance of a site must share, where each lives under a shared root, and why. */
export const DATA_DIRS: Record<string, { under: string; why: string }> = {
  cache_dir: {
    under: '',
    why: 'TurboGears keeps sessions (<cache_dir>/sessions), the Beaker file cache (<cache_dir>/cache) and task locks there, so users are logged out and caches disagree whenever the balancer switches instance',
  },
  index_dir: { under: '/index', why: 'each instance searches its own Whoosh index, so search results depend on which instance answers' },
  'beaker.cache.data_dir': { under: '/cache/data', why: 'cached pages and data differ between instances' },
  'beaker.cache.lock_dir': { under: '/cache/lock', why: 'cache locks do not protect anything across instances' },
  archive_cache_dir: { under: '/tarballcache', why: 'every instance builds and stores the same downloadable archives again' },
  'session.data_dir': { under: '/sessions', why: 'a session made on one instance is unknown to the others, so users are logged out at random' },
  'session.lock_dir': { under: '/sessions/lock', why: 'session locks do not protect anything across instances' },
};

/** One setting as an instance has it: the value the app gets, and the line that sets it, if any. */
export interface SiteValue {
  value: string;
  /** The key as the file spells it (`beaker.session.secret` for `session.secret`, `broker.url` for the broker). */
  spelled: string;
  entry?: Entry;
}

export interface SiteKey {
  /** The option's name (the short spelling for Beaker's options). */
  key: string;
  /** What goes wrong when instances differ on it, for messages. */
  why: string;
  /** Where the value comes from when it is not one app setting (the broker, under any generation's key). */
  read?(model: ConfigModel): SiteValue | undefined;
}

const BROKER_KEYS = [...BROKER_URL_KEYS, ...BROKER_HOST_KEYS];

const SESSIONS_LOST = 'users are logged out whenever the balancer switches instance';

/** The settings every instance of one site must share, in the order they are listed. */
export const MUST_AGREE: readonly SiteKey[] = [
  { key: 'sqlalchemy.url', why: 'instances of one site must work on one database, or each shows its own repositories, users and permissions' },
  { key: 'session.secret', why: `the session cookie signed by one instance fails the check of the others, so ${SESSIONS_LOST}` },
  { key: 'session.validate_key', why: `cookie sessions signed by one instance are rejected by the others, so ${SESSIONS_LOST}` },
  { key: 'session.encrypt_key', why: `cookie sessions encrypted by one instance cannot be read by the others, so ${SESSIONS_LOST}` },
  { key: 'session.type', why: `the instances keep sessions in different stores: ${SESSIONS_LOST}` },
  { key: 'session.url', why: `the instances keep sessions on different servers: ${SESSIONS_LOST}` },
  { key: 'session.sa.url', why: `the instances keep sessions in different databases: ${SESSIONS_LOST}` },
  { key: 'session.table_name', why: `the instances keep sessions in different tables: ${SESSIONS_LOST}` },
  { key: 'session.data_dir', why: `a session made on one instance is unknown to the others, so ${SESSIONS_LOST}` },
  { key: 'session.key', why: `the instances look for the session in cookies of different names: ${SESSIONS_LOST}` },
  { key: 'session.cookie_path', why: 'the browser sends the session cookie to some instances and not to others' },
  { key: 'session.cookie_domain', why: 'the browser sends the session cookie to some instances and not to others' },
  { key: 'app_instance_uuid', why: 'a password-reset link made by one instance is refused by the others, which sign reset tokens with this key' },
  { key: 'use_celery', why: 'some instances queue tasks for Celery workers while others run them in the request' },
  {
    key: 'celery.broker_url',
    why: 'instances queue their tasks on different brokers, so workers miss some of them',
    read: (model) => {
      for (const key of BROKER_KEYS) {
        const setting = model.appSetting(key);
        if (setting?.value !== undefined && setting.value.trim() !== '') return { value: setting.value, spelled: key, entry: setting.entry };
      }
      return undefined;
    },
  },
  { key: 'canonical_url', why: 'links in e-mails and feeds point to a different address depending on the instance that wrote them' },
  { key: 'ssh_enabled', why: 'SSH access is offered on some pages and refused on others, depending on the instance' },
  { key: 'ssh_authorized_keys', why: 'each instance writes the SSH keys users add to its own file, so the SSH server misses some of them' },
  { key: 'kallithea_cli_path', why: 'the authorized_keys lines differ depending on the instance that wrote them last' },
  { key: 'ssh_locale', why: 'SSH commands run with a locale that depends on the instance that wrote authorized_keys last' },
];

/** The setting as this instance has it (interpolated, under any spelling), or undefined when it is not set. */
export function siteValue(model: ConfigModel, key: SiteKey): SiteValue | undefined {
  if (key.read) return key.read(model);
  const setting = model.appSetting(key.key);
  if (setting?.value === undefined) return undefined;
  return { value: setting.value, spelled: setting.entry?.key ?? key.key, entry: setting.entry };
}

/** How a value appears in messages and tables: secrets masked, passwords in URLs hidden. */
export function shownValue(key: string, value: string | undefined): string {
  if (value === undefined) return '(not set)';
  if (value === '') return '(empty)';
  return displayValue(value, isSecretKey('app', key), 120);
}

export interface CompareRow {
  /** The app setting, or `[section] key` for the server's own settings. */
  key: string;
  /** One of MUST_AGREE. */
  mustAgree: boolean;
  /** One per instance, in the order given; null where it is not set. Secrets are masked. */
  values: (string | null)[];
  differs: boolean;
}

export interface Comparison {
  instances: string[];
  rows: CompareRow[];
}

/**
 * Every setting that must agree (MUST_AGREE and the data directories), and every
 * other app or server setting that differs between the instances, with each
 * instance's value (masked where secret).
 */
export function compareInstances(instances: readonly Peer[]): Comparison {
  const rows: CompareRow[] = [];
  const row = (key: string, mustAgree: boolean, raw: (string | undefined)[]) => {
    const differs = raw.some((v) => v !== raw[0]);
    if (mustAgree || differs) rows.push({ key, mustAgree, values: raw.map((v) => (v === undefined ? null : shownValue(key, v))), differs });
  };
  const agreeing = new Set<string>();
  for (const key of MUST_AGREE) {
    agreeing.add(key.key);
    if (key.read) for (const name of BROKER_KEYS) agreeing.add(name);
    row(key.key, true, instances.map((p) => siteValue(p.model, key)?.value));
  }
  // The data directories must be shared too (data-dir-not-shared says why).
  for (const key of Object.keys(DATA_DIRS)) {
    if (agreeing.has(key)) continue;
    agreeing.add(key);
    row(key, true, instances.map((p) => p.model.appSetting(key)?.value));
  }
  // The other app settings, by name as each file has them, in the order of first appearance.
  const appKeys = new Set<string>();
  for (const { model } of instances) {
    const app = model.appSection();
    for (const key of (app && model.sections.get(app)?.keys()) || []) if (!key.startsWith('set ') && !key.startsWith('get ') && key !== 'use') appKeys.add(key);
  }
  for (const key of appKeys) if (!agreeing.has(key)) row(key, false, instances.map((p) => p.model.appSetting(key)?.value));
  // The web server's settings (host and port differ between instances, as they may).
  const serverKeys = new Set<string>();
  for (const { model } of instances) {
    const server = model.findSection(['server']);
    for (const key of (server && model.sections.get(server)?.keys()) || []) serverKeys.add(key);
  }
  for (const key of serverKeys) row(`[server] ${key}`, false, instances.map((p) => serverOf(p.model)?.value(key)));
  return { instances: instances.map((p) => p.path), rows };
}

/** One line of an instance in the Site view: what, its value (masked where secret), and the line that sets it. */
export interface InstanceDetail {
  label: string;
  value: string;
  line?: number;
}

export interface InstanceSummary {
  path: string;
  details: InstanceDetail[];
}

/** What the Site view shows of one instance: where it listens, its server, workers, database, data and broker. */
export function describeInstance(peer: Peer, settings: DeploymentSettings): InstanceSummary {
  const { model } = peer;
  const details: InstanceDetail[] = [];
  const add = (label: string, value: string | undefined, entry?: Entry) => {
    if (value !== undefined) details.push({ label, value, line: entry?.keyRange.start.line });
  };
  const server = serverOf(model);
  const uwsgi = model.sections.get('uwsgi');
  const bindEntry = server ? (server.entry('bind') ?? server.entry('listen') ?? server.entry('port') ?? server.entry('host')) : uwsgiValue(uwsgi, 'http-socket', 'http', 'socket')?.entry;
  add('listens on', bindOf(model, server), bindEntry);
  add('server', server ? SECTION_KINDS[server.kind].readBy : uwsgi ? 'uWSGI' : undefined, server?.use ?? uwsgi?.values().next().value);
  const layout = workerLayout(model);
  add('workers', workersLabel(workerProcesses(model, settings), layout.threads), layout.entry);
  const database = databaseOf(model);
  add('database', database ? shownValue('sqlalchemy.url', database.url) : '(not set)', database?.setting.entry);
  const cache = model.appSetting('cache_dir');
  add('data directory', cache?.value ?? '(not set)', cache?.entry);
  if (isOn('tg', model.appSetting('use_celery')?.value)) {
    const broker = MUST_AGREE.find((k) => k.key === 'celery.broker_url')!.read!(model);
    add('broker', broker ? shownValue(broker.spelled, broker.value) : '(not set)', broker?.entry);
  }
  return { path: peer.path, details };
}

/** The configs grouped into sites: each with the instances it is compared with, sorted by path; a config alone is a site of one. */
export function groupSites(all: readonly Peer[], settingsOf: (path: string) => DeploymentSettings): Peer[][] {
  const placed = new Set<string>();
  const sites: Peer[][] = [];
  const signatures = new Map<string, InstanceSignature>();
  for (const peer of [...all].sort((a, b) => a.path.localeCompare(b.path))) {
    if (placed.has(peer.path)) continue;
    const site = [peer, ...findPeers(peer, all, settingsOf(peer.path), signatures).filter((p) => !placed.has(p.path))].sort((a, b) => a.path.localeCompare(b.path));
    for (const p of site) placed.add(p.path);
    sites.push(site);
  }
  return sites;
}
