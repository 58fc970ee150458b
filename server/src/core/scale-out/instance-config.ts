// One host's config, made from the original by Kallithea's performance recipe: the
// shared database, the data directories under the shared one, the same secrets, the
// chosen server with single-threaded workers that are recycled, static files left to
// the web server in front, whose forwarded headers are trusted only as far as it sets
// them, and the shared broker. Every other line of the original stays where it was.

import { useFor } from '../catalog/sections';
import { isOff, isOn, pyInt, uwsgiInt } from '../catalog/values';
import { BROKER_URL_KEYS, serverOf, uwsgiValue } from '../model/deployment';
import { DATA_DIRS } from '../model/site';
import { Draft, escapePercent } from './draft';
import type { AppServer, ScaleOutOptions } from './options';

/** What every instance of the site gets alike. */
export interface SiteChoices {
  options: ScaleOutOptions;
  /** Secret options to replace (weak in the original), with their fresh values. */
  secrets: Record<string, string>;
  /** Connection pool per worker process, when the defaults would overrun the database. */
  pool?: { size: number; overflow: number };
  /** The URL path the site lives under ('' at the root). */
  prefix: string;
  https: boolean;
}

const SERVER_NAMES: Record<AppServer, string> = { gunicorn: 'gunicorn', uwsgi: 'uWSGI', waitress: 'waitress', mod_wsgi: 'Apache mod_wsgi' };
/** Where every instance listens: on all addresses, so that the balancer on another machine reaches it. */
const ANY_ADDRESS = '0.0.0.0';
const LISTEN_NOTE = '## every address, for the web server in front: let only it reach this port, as Kallithea believes the X-Forwarded-For it gets';
const LONG_TIMEOUT = '3600';
const RECYCLE_AFTER = '1000';
const BIG_BODY = '107374182400';
/** The data directories the performance guide moves to shared storage, set even when the original leaves them out. */
const ALWAYS_SHARED = ['cache_dir', 'index_dir', 'archive_cache_dir', 'beaker.cache.data_dir', 'beaker.cache.lock_dir'];

export function instanceConfig(text: string, filePath: string, site: SiteChoices, port: number): string {
  const draft = new Draft(text, filePath);
  server(draft, site.options, port);
  app(draft, site);
  prefixFilter(draft, site.prefix);
  return draft.text;
}

function server(d: Draft, o: ScaleOutOptions, port: number): void {
  const name = SERVER_NAMES[o.server];
  const section = serverOf(d.model)?.section;
  if (o.server !== 'uwsgi' && d.model.sections.has('uwsgi')) d.commentOutSection('uwsgi', `## Not read: this instance runs on ${name}, not uWSGI (scale-out).`);
  if (o.server === 'uwsgi' || o.server === 'mod_wsgi') {
    if (section) d.commentOutSection(section, `## Not read: this instance runs on ${name}, which ignores [${section}] (scale-out).`);
    if (o.server === 'uwsgi') uwsgi(d, o, port);
    return;
  }
  if (!section) {
    const app = d.model.parsed.sections.find((s) => s.name === d.model.appSection());
    if (app) d.insertBefore(app, [...newServerSection(o, port), '']);
    return;
  }
  const kind = o.server === 'gunicorn' ? 'server:gunicorn' : 'server:waitress';
  d.setKey(section, 'use', useFor(kind));
  // Keys the new server does not know would stop it at startup: they stay, commented out.
  const unknown = [...(d.model.sections.get(section)?.values() ?? [])].filter((e) => e.key !== 'use' && !e.key.startsWith('set ') && !e.key.startsWith('get ') && !d.model.keyInfo(e)).map((e) => e.key);
  for (const key of unknown) d.commentOut(d.entry(section, key)!);
  const bindKey = o.server === 'gunicorn' ? 'bind' : 'listen';
  if (d.entry(section, bindKey)) d.setKey(section, bindKey, `${ANY_ADDRESS}:${port}`);
  else {
    d.setKey(section, 'host', ANY_ADDRESS, ['use']);
    d.setKey(section, 'port', String(port), ['host']);
  }
  d.noteAbove(d.entry(section, bindKey) ?? d.entry(section, 'host')!, LISTEN_NOTE);
  const value = (key: string) => serverOf(d.model)?.value(key);
  if (o.server === 'gunicorn') {
    d.setKey(section, 'workers', String(o.workers), ['port', 'host', 'bind']);
    if (d.entry(section, 'threads')) d.setKey(section, 'threads', '1');
    if (d.entry(section, 'worker_class')) d.setKey(section, 'worker_class', 'sync');
    if ((pyInt(value('max_requests') ?? '') ?? 0) <= 0) d.setKey(section, 'max_requests', RECYCLE_AFTER, ['workers']);
    if ((pyInt(value('timeout') ?? '') ?? 30) < 600) d.setKey(section, 'timeout', LONG_TIMEOUT, ['max_requests']);
  } else {
    d.setKey(section, 'threads', '1', ['port', 'host', 'listen']);
    if ((pyInt(value('max_request_body_size') ?? '') ?? 0) < 1024 ** 3) d.setKey(section, 'max_request_body_size', BIG_BODY, ['threads']);
  }
}

function newServerSection(o: ScaleOutOptions, port: number): string[] {
  if (o.server === 'gunicorn')
    return [
      '[server:main]',
      `## gunicorn: ${o.workers} worker processes of one thread each, recycled after ${RECYCLE_AFTER} requests (scale-out)`,
      `use = ${useFor('server:gunicorn')}`,
      LISTEN_NOTE,
      `host = ${ANY_ADDRESS}`,
      `port = ${port}`,
      `workers = ${o.workers}`,
      'worker_class = sync',
      `max_requests = ${RECYCLE_AFTER}`,
      '## long enough for the clone or push of a big repository',
      `timeout = ${LONG_TIMEOUT}`,
    ];
  return [
    '[server:main]',
    '## waitress: one process with one thread; the balancer spreads the load over the instances (scale-out)',
    `use = ${useFor('server:waitress')}`,
    LISTEN_NOTE,
    `host = ${ANY_ADDRESS}`,
    `port = ${port}`,
    'threads = 1',
    '## allow pushes of big repositories',
    `max_request_body_size = ${BIG_BODY}`,
  ];
}

function uwsgi(d: Draft, o: ScaleOutOptions, port: number): void {
  const uwsgi = d.model.sections.get('uwsgi');
  if (!uwsgi) {
    const app = d.model.parsed.sections.find((s) => s.name === d.model.appSection());
    if (app)
      d.insertBefore(app, [
        '[uwsgi]',
        `## uWSGI: ${o.workers} worker processes of one thread each, each loading the app itself, recycled after ${RECYCLE_AFTER} requests (scale-out)`,
        LISTEN_NOTE,
        `http-socket = ${ANY_ADDRESS}:${port}`,
        'master = true',
        `workers = ${o.workers}`,
        'lazy-apps = true',
        '## Mercurial sends very long headers',
        'buffer-size = 65535',
        `max-requests = ${RECYCLE_AFTER}`,
        'die-on-term = true',
        'need-app = true',
        '',
      ]);
    return;
  }
  const text = (key: string) => uwsgiValue(d.model.sections.get('uwsgi'), key)?.text;
  if (d.entry('uwsgi', 'http-socket') || d.entry('uwsgi', 'http')) d.setUwsgi(d.entry('uwsgi', 'http-socket') ? 'http-socket' : 'http', `${ANY_ADDRESS}:${port}`);
  else {
    // A uwsgi-protocol socket needs a web server speaking it on the same host; the balancer speaks HTTP.
    const socket = d.entry('uwsgi', 'socket');
    d.setUwsgi('http-socket', `${ANY_ADDRESS}:${port}`, ['socket']);
    if (socket) d.commentOut(d.entry('uwsgi', 'socket')!);
  }
  d.noteAbove(d.entry('uwsgi', 'http-socket') ?? d.entry('uwsgi', 'http')!, LISTEN_NOTE);
  d.setUwsgi('master', 'true', ['http-socket', 'http']);
  d.setUwsgi(d.entry('uwsgi', 'processes') && !d.entry('uwsgi', 'workers') ? 'processes' : 'workers', String(o.workers), ['master']);
  if (!['lazy', 'lazy-apps'].some((k) => isOn('uwsgi', text(k)))) d.setUwsgi(d.entry('uwsgi', 'lazy') ? 'lazy' : 'lazy-apps', 'true', ['workers', 'processes']);
  d.setUwsgi('buffer-size', '65535', ['master']);
  const cheaper = d.entry('uwsgi', 'cheaper');
  if (cheaper && uwsgiInt(cheaper.value).value >= o.workers) {
    if (o.workers > 1) d.setUwsgi('cheaper', '1');
    else d.commentOut(cheaper);
  }
  if (uwsgiInt(text('max-requests') ?? '0').value <= 0) d.setUwsgi('max-requests', RECYCLE_AFTER, ['workers', 'processes']);
  const threads = d.entry('uwsgi', 'threads');
  if (threads && uwsgiInt(threads.value).value > 1) d.commentOut(threads);
  const harakiri = text('harakiri');
  if (harakiri !== undefined && uwsgiInt(harakiri).value > 0 && uwsgiInt(harakiri).value < 600) d.setUwsgi('harakiri', LONG_TIMEOUT);
}

function app(d: Draft, site: SiteChoices): void {
  const o = site.options;
  if (isOn('tg', d.model.appSetting('debug')?.value)) d.setApp('debug', 'false');
  d.setApp(d.model.appSetting('sqlalchemy.url') || !d.model.appSetting('sqlalchemy.db1.url') ? 'sqlalchemy.url' : 'sqlalchemy.db1.url', escapePercent(o.databaseUrl));
  if (site.pool) {
    d.setApp('sqlalchemy.pool_size', String(site.pool.size), ['sqlalchemy.pool_recycle', 'sqlalchemy.url']);
    d.setApp('sqlalchemy.max_overflow', String(site.pool.overflow), ['sqlalchemy.pool_size']);
  }
  const shared = o.sharedDir.trim().replace(/\/+$/, '');
  let previous = 'cache_dir';
  for (const [key, { under }] of Object.entries(DATA_DIRS)) {
    if (!ALWAYS_SHARED.includes(key) && !d.model.appSetting(key)?.entry) continue;
    // A missing one goes after the last one set, so that they stay together and in order.
    d.setApp(key, escapePercent(shared + under), [previous, 'cache_dir']);
    previous = key;
  }
  // Sessions in memory are per process: file sessions live under the shared cache_dir.
  const type = d.model.appSetting('session.type')?.value?.trim();
  if (type === 'memory') d.setApp('session.type', 'file');
  if (type === 'ext:database' && /^\s*sqlite:/i.test(d.model.appSetting('session.sa.url')?.value ?? '')) d.setApp('session.sa.url', escapePercent(o.databaseUrl));
  for (const [key, value] of Object.entries(site.secrets)) d.setApp(key, value, ['session.secret', 'app_instance_uuid']);
  d.setApp('serve_static', 'false', ['static_files']);
  if (d.model.appSetting('static_files')?.entry && !isOff('tg', d.model.appSetting('static_files')?.value)) d.setApp('static_files', 'false');
  // Kallithea takes the right-most X-Forwarded-For entry, the one the proxy adds; the proxy sets X-Forwarded-Proto itself.
  d.setApp('remote_addr_variable', 'HTTP_X_FORWARDED_FOR', ['static_files', 'serve_static']);
  // The scheme matters only when users come over HTTPS (and then the session cookie must be secure too).
  if (site.https) d.setApp('url_scheme_variable', 'HTTP_X_FORWARDED_PROTO', ['remote_addr_variable']);
  if (o.publicUrl?.trim()) d.setApp('canonical_url', escapePercent(o.publicUrl.trim().replace(/\/+$/, '')), ['url_scheme_variable']);
  if (site.https) d.setApp('session.secure', 'true', ['session.httponly', 'session.key']);
  if (isOn('tg', d.model.appSetting('use_celery')?.value) && o.brokerUrl?.trim()) {
    const key = BROKER_URL_KEYS.find((k) => d.model.appSetting(k)?.entry) ?? 'celery.broker_url';
    d.setApp(key, escapePercent(o.brokerUrl.trim()), ['use_celery']);
  }
}

/** The prefix filter for a site under a URL path, told to leave the forwarded headers alone. */
function prefixFilter(d: Draft, prefix: string): void {
  const existing = d.model.prefixFilter();
  if (existing) {
    d.setKey(existing.section, 'prefix', prefix || '/', ['use']);
    d.setKey(existing.section, 'translate_forwarded_server', 'false', ['prefix']);
    return;
  }
  const app = d.model.appSection();
  if (!prefix || !app) return;
  const name = d.model.sections.has('filter:proxy-prefix') ? 'filter:kallithea-prefix' : 'filter:proxy-prefix';
  const header = d.model.parsed.sections.find((s) => s.name === app)!;
  d.insertBefore(header, [
    `[${name}]`,
    `## Kallithea lives under ${prefix}; the proxy's forwarded headers are read by Kallithea (remote_addr_variable, url_scheme_variable), not here (scale-out)`,
    `use = ${useFor('filter:prefix')}`,
    `prefix = ${prefix}`,
    'translate_forwarded_server = false',
    '',
  ]);
  const use = d.entry(app, 'use');
  d.setKey(app, 'filter-with', name.slice('filter:'.length), use ? ['use'] : []);
}
