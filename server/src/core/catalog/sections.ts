// Who reads each section of a Kallithea config, and so which parser's rules
// apply to its values: PasteDeploy and the logging module read them through
// configparser (interpolated), uWSGI reads [uwsgi] with its own parser, and
// logging reads formatter strings raw.

import { DEFAULT_SECTION } from '../syntax/parser';

export type SectionReader = 'defaults' | 'pastedeploy' | 'logging' | 'alembic' | 'uwsgi' | 'unknown';

const PASTE_PREFIXES = ['app', 'application', 'composite', 'composit', 'pipeline', 'filter-app', 'filter', 'server'];
const LOGGING_SECTION = /^(loggers|handlers|formatters|logger_.+|handler_.+|formatter_.+)$/;

/** Kallithea renames [<command>:X] to [X] before it configures logging for `kallithea-cli <command>`. */
export function stripCommandPrefix(name: string): { command?: string; section: string } {
  const m = /^([A-Za-z_][A-Za-z0-9_]*):(.+)$/.exec(name);
  if (m && LOGGING_SECTION.test(m[2])) return { command: m[1], section: m[2] };
  return { section: name };
}

export function sectionPrefix(name: string): string | undefined {
  const colon = name.indexOf(':');
  return colon > 0 ? name.slice(0, colon) : undefined;
}

export function sectionReader(name: string): SectionReader {
  if (name === DEFAULT_SECTION) return 'defaults';
  if (name === 'uwsgi') return 'uwsgi';
  if (name === 'alembic') return 'alembic';
  const prefix = sectionPrefix(name);
  if (prefix && PASTE_PREFIXES.includes(prefix)) return 'pastedeploy';
  if (LOGGING_SECTION.test(stripCommandPrefix(name).section)) return 'logging';
  return 'unknown';
}

/** True when Python's configparser reads this section's values at run time. */
export function readByPython(section: string): boolean {
  const reader = sectionReader(section);
  return reader !== 'uwsgi' && reader !== 'unknown';
}

/** True when that read goes through interpolation (the logging module reads formatter strings raw). */
export function interpolatedByPython(section: string, key: string): boolean {
  if (!readByPython(section)) return false;
  if (/^formatter_/.test(stripCommandPrefix(section).section)) return key !== 'format' && key !== 'datefmt' && key !== 'style';
  return true;
}

// Section names repeat for every key of a section, so each name is classified once.
const readerCache = new Map<string, SectionReader>();

/** sectionReader(), remembered (bounded, so a stream of odd names cannot grow it without limit). */
export function cachedReader(name: string): SectionReader {
  let r = readerCache.get(name);
  if (r === undefined) {
    if (readerCache.size > 50_000) readerCache.clear();
    readerCache.set(name, (r = sectionReader(name)));
  }
  return r;
}

// And per section object, so that a lookup needs no string hashing.
const readerBySection = new WeakMap<object, SectionReader>();
export function readerOfSection(section: { name: string }): SectionReader {
  let r = readerBySection.get(section);
  if (r === undefined) readerBySection.set(section, (r = cachedReader(section.name)));
  return r;
}

/** readByPython() for a section object, remembered. */
export function readByPythonSection(section: { name: string }): boolean {
  const r = readerOfSection(section);
  return r !== 'uwsgi' && r !== 'unknown';
}

/** Entries whose values Python interpolates when Kallithea, its servers or its logging load the file. */
export function* interpolatedEntries<E extends { section: { name: string }; key: string }>(entries: E[]): Generator<E> {
  for (const entry of entries) {
    const reader = readerOfSection(entry.section);
    if (reader === 'uwsgi' || reader === 'unknown') continue;
    if (reader === 'logging' && !interpolatedByPython(entry.section.name, entry.key)) continue;
    yield entry;
  }
}
