// Every kind of section a Kallithea config has, in one table: who reads it, how
// its values are read (through configparser's interpolation, raw, or by uWSGI's
// own parser), whether PasteDeploy loads it, whether the catalog knows all its
// keys, and what it is, in words. The kind comes from the name, and for
// [server:*] and [filter:*] from the `use` line, since the keys a server takes
// depend on which server it is.

import { DEFAULT_SECTION, type Entry } from '../syntax/parser';
import type { Focus } from '../syntax/focus';
import { APP_PREFIXES, sectionPrefix } from '../syntax/section-names';
import { factOf } from '../syntax/facts';
import { pyStrip } from '../syntax/text';

/** The program whose parser reads a section's values. */
export type SectionReader = 'defaults' | 'pastedeploy' | 'logging' | 'alembic' | 'uwsgi' | 'unknown';

export interface SectionKindInfo {
  reader: SectionReader;
  /** Who reads the keys, in a few words, for messages ("uWSGI does not read..."). */
  readBy: string;
  /** What the section is and how it is read, for hovers and completion (Markdown). */
  about: string;
  /** PasteDeploy loads it, with [DEFAULT] inherited and `set`/`get` lines. */
  pasteLoaded: boolean;
  /** The catalog lists every key its reader takes, so an unknown key is reported. */
  checked: boolean;
  /** Keys Python reads without interpolation (the logging module reads formatter strings raw). */
  rawKeys?: readonly string[];
  /** The reader compares key names lower-cased (gunicorn). */
  foldsCase?: boolean;
  /** The `use` values that select this kind; the first is the one to write. */
  uses?: readonly string[];
  /** The key that sets how many worker processes the server starts (each with its own memory and connections). */
  processesKey?: string;
}

const LOGGING = "Python's logging module";
const fileConfig = (what: string) => `Read by Python's logging.config.fileConfig: ${what}`;

const TABLE = {
  defaults: {
    reader: 'defaults',
    readBy: 'Kallithea',
    pasteLoaded: false,
    checked: true,
    about:
      'Read by PasteDeploy (Python configparser). Its values are inherited by every section PasteDeploy loads and become the global configuration of the app. A plain key of the same name in [app:main] is ignored: use `set key = value` there to override.',
  },
  app: {
    reader: 'pastedeploy',
    readBy: 'Kallithea',
    pasteLoaded: true,
    checked: true,
    uses: ['egg:kallithea'],
    about: "Read by PasteDeploy: the Kallithea WSGI application (`use = egg:kallithea`). Its keys, with [DEFAULT] and `set` lines, are Kallithea's configuration (TurboGears, Beaker, Celery, backlash).",
  },
  'server:waitress': {
    reader: 'pastedeploy',
    readBy: 'waitress',
    pasteLoaded: true,
    checked: false,
    uses: ['egg:waitress#main', 'egg:waitress'],
    about: 'Read by `gearbox serve`: the waitress web server. One process; `threads` sets the threads in it. waitress refuses keys it does not know.',
  },
  'server:gunicorn': {
    reader: 'pastedeploy',
    readBy: 'gunicorn',
    pasteLoaded: true,
    checked: false,
    foldsCase: true,
    uses: ['egg:gunicorn#main', 'egg:gunicorn'],
    processesKey: 'workers',
    about: 'Read by `gearbox serve`: the gunicorn web server. `workers` sets the worker processes. Keys go to gunicorn lower-cased; an unknown one stops it.',
  },
  'server:wsgiref': {
    reader: 'pastedeploy',
    readBy: "gearbox's wsgiref server",
    pasteLoaded: true,
    checked: true,
    uses: ['egg:gearbox#wsgiref'],
    about: "Read by `gearbox serve`: Python's wsgiref development server (one process, no chunked uploads). For development only.",
  },
  'server:gevent': {
    reader: 'pastedeploy',
    readBy: "gearbox's gevent server",
    pasteLoaded: true,
    checked: true,
    uses: ['egg:gearbox#gevent'],
    about: "Read by `gearbox serve`: gearbox's gevent server, one process serving each connection as a greenlet.",
  },
  server: {
    reader: 'pastedeploy',
    readBy: 'the web server',
    pasteLoaded: true,
    checked: false,
    about: 'Read by `gearbox serve` (PasteDeploy): a web server whose `use` line this extension does not recognise.',
  },
  'filter:prefix': {
    reader: 'pastedeploy',
    readBy: "PasteDeploy's prefix filter",
    pasteLoaded: true,
    checked: true,
    uses: ['egg:PasteDeploy#prefix'],
    about: 'Read by PasteDeploy: the prefix middleware (`egg:PasteDeploy#prefix`) that hosts Kallithea under a URL path. Named by `filter-with` in [app:main].',
  },
  filter: {
    reader: 'pastedeploy',
    readBy: 'the middleware',
    pasteLoaded: true,
    checked: false,
    about: 'Read by PasteDeploy: WSGI middleware named by `filter-with` in [app:main].',
  },
  composite: {
    reader: 'pastedeploy',
    readBy: 'PasteDeploy',
    pasteLoaded: true,
    checked: false,
    about: 'Read by PasteDeploy: a pipeline or composite application, which a Kallithea config does not need.',
  },
  uwsgi: {
    reader: 'uwsgi',
    readBy: 'uWSGI',
    pasteLoaded: false,
    checked: false,
    about:
      "Read by uWSGI's own ini parser (`uwsgi --ini-paste my.ini`), not by Python: no `%(name)s` interpolation (uWSGI has `%d`, `%p`...), and text after a value, `; comments` included, is part of the value. Python still reads the file and refuses repeated keys here too.",
  },
  alembic: {
    reader: 'alembic',
    readBy: 'alembic',
    pasteLoaded: false,
    checked: true,
    about: 'Read by alembic (`alembic -c my.ini`) for database migrations. `script_location` must be `kallithea:alembic`.',
  },
  loggers: { reader: 'logging', readBy: LOGGING, pasteLoaded: false, checked: true, about: fileConfig('`keys` lists the loggers; each needs a [logger_NAME] section, and `root` is required.') },
  handlers: { reader: 'logging', readBy: LOGGING, pasteLoaded: false, checked: true, about: fileConfig('`keys` lists the handlers; each needs a [handler_NAME] section.') },
  formatters: { reader: 'logging', readBy: LOGGING, pasteLoaded: false, checked: true, about: fileConfig('`keys` lists the formatters; each needs a [formatter_NAME] section.') },
  logger: { reader: 'logging', readBy: LOGGING, pasteLoaded: false, checked: true, about: fileConfig('one logger, with its level, handlers and the module name it covers (`qualname`).') },
  handler: {
    reader: 'logging',
    readBy: LOGGING,
    pasteLoaded: false,
    checked: true,
    about: fileConfig('one handler. `args` and `kwargs` are Python expressions, interpolated first (so `%(here)s` there breaks kallithea-cli, which passes no defaults).'),
  },
  formatter: {
    reader: 'logging',
    readBy: LOGGING,
    pasteLoaded: false,
    checked: true,
    rawKeys: ['format', 'datefmt', 'style'],
    about: fileConfig('one formatter. `format` and `datefmt` are read raw, so `%(asctime)s` needs no escaping.'),
  },
  other: { reader: 'unknown', readBy: 'nothing this extension knows', pasteLoaded: false, checked: false, about: 'Not read by Kallithea, its servers or its logging; Python only checks its syntax.' },
} satisfies Record<string, SectionKindInfo>;

/**
 * What a section is. 'defaults' is [DEFAULT]; 'server' and 'filter' are ones whose
 * `use` is not recognised. A new kind (another web server) is one row of the table.
 */
export type SectionKind = keyof typeof TABLE;

export const SECTION_KINDS: Readonly<Record<SectionKind, SectionKindInfo>> = TABLE;


const LOGGING_SECTION = /^(loggers|handlers|formatters|logger_.+|handler_.+|formatter_.+)$/;

/** Kallithea renames [<command>:X] to [X] before it configures logging for `kallithea-cli <command>`. */
export function stripCommandPrefix(name: string): { command?: string; section: string } {
  // Most section names have no ':' at all, and then nothing is stripped.
  const colon = name.indexOf(':');
  if (colon < 0) return { section: name };
  // [app:x], [server:x] and the like are no logging override: no pattern needed to say so.
  const after = name.charCodeAt(colon + 1);
  if (after !== 0x6c /* l */ && after !== 0x68 /* h */ && after !== 0x66 /* f */) return { section: name };
  const m = /^([A-Za-z_][A-Za-z0-9_]*):(.+)$/.exec(name);
  if (m && LOGGING_SECTION.test(m[2])) return { command: m[1], section: m[2] };
  return { section: name };
}

/** stripCommandPrefix(name).section, without an object (asked for every section of a big file). */
export function commandlessName(name: string): string {
  const colon = name.indexOf(':');
  if (colon < 0) return name;
  const after = name.charCodeAt(colon + 1);
  return after !== 0x6c /* l */ && after !== 0x68 /* h */ && after !== 0x66 /* f */ ? name : stripCommandPrefix(name).section;
}

export { APP_PREFIXES, sectionPrefix };
const PASTE_ONLY_PREFIXES = ['composite', 'composit', 'pipeline', 'filter-app'];

const byUse = new Map<string, SectionKind>();
for (const [kind, info] of Object.entries(SECTION_KINDS) as [SectionKind, SectionKindInfo][]) for (const use of info.uses ?? []) byUse.set(use.toLowerCase(), kind);

/** The kind of a section from its name and, for servers and filters, its `use` value. */
/** True when classifySection() needs the section's `use` value ([server:...] and [filter:...]): others are known by name. */
export function kindNeedsUse(name: string): boolean {
  const prefix = sectionPrefix(name);
  return prefix === 'server' || prefix === 'filter';
}

export function classifySection(name: string, use?: string): SectionKind {
  if (name === DEFAULT_SECTION) return 'defaults';
  if (name === 'uwsgi' || name === 'alembic') return name;
  const prefix = sectionPrefix(name);
  if (prefix && APP_PREFIXES.includes(prefix)) return 'app';
  if (prefix === 'server' || prefix === 'filter') {
    const kind = use === undefined ? undefined : byUse.get(pyStrip(use).toLowerCase());
    return kind?.startsWith(prefix) ? kind : prefix;
  }
  if (prefix && PASTE_ONLY_PREFIXES.includes(prefix)) return 'composite';
  // Only a name with a colon can be a [command:logging_section] override.
  const logging = prefix ? commandlessName(name) : name;
  if (logging === 'loggers' || logging === 'handlers' || logging === 'formatters') return logging;
  if (logging.startsWith('logger_')) return 'logger';
  if (logging.startsWith('handler_')) return 'handler';
  if (logging.startsWith('formatter_')) return 'formatter';
  return 'other';
}

/** Who reads a section, from its name alone (the `use` line changes the kind, never the reader). */
export function readerOf(name: string): SectionReader {
  return SECTION_KINDS[classifySection(name)].reader;
}


/** True when Python reads this key of the section through interpolation. */
export function interpolatedByPython(section: string, key: string): boolean {
  const info = SECTION_KINDS[classifySection(section)];
  if (info.reader === 'uwsgi' || info.reader === 'unknown') return false;
  return !info.rawKeys?.includes(key);
}

/**
 * The entries Python interpolates whose value has a '%': all the interpolation rules
 * look at, in the part of the file in focus. Found once per focus (most values have
 * no '%', so this list is short). The parse does not keep these objects: compare them
 * with other entries by index.
 */
export const percentEntries = factOf((focus: Focus): Entry[] => {
  const { parsed } = focus;
  // Only the entries Python interpolates, decided by position, so that no object is
  // made for the '%' lines of raw values (logging formats, [uwsgi]): a big file has thousands.
  let section = -1;
  let reader: SectionReader = 'unknown';
  const interpolated = (e: number): boolean => {
    if (parsed.entrySections[e] !== section) reader = readerOf(parsed.sections[(section = parsed.entrySections[e])].name);
    if (reader === 'uwsgi' || reader === 'unknown') return false;
    return reader !== 'logging' || interpolatedByPython(parsed.sections[section].name, parsed.entryKeys[e]);
  };
  // Objects for this lint only (a big file has thousands of such lines): the rules compare them by index.
  return focus.entriesWithChar('%', interpolated, false).filter((entry) => entry.value.includes('%'));
});

/** A `[command:section]` logging override, e.g. [ssh_serve:logger_root]. */
export function commandOverrideNote(command: string, section: string): string {
  return `When \`kallithea-cli ${command.replace(/_/g, '-')}\` runs, this section replaces [${section}] (Kallithea renames [${command}:X] to [X] before it configures logging).`;
}

/** The `use` value to write for a kind of section (e.g. egg:waitress#main). */
export function useFor(kind: 'app' | 'server:waitress' | 'server:gunicorn' | 'server:wsgiref' | 'server:gevent' | 'filter:prefix'): string {
  return SECTION_KINDS[kind].uses![0];
}
