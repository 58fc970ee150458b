// What each kind of value in the catalog means, in one object per kind: its name
// in words (the hover's first line), what a value means to its reader (" (on)"),
// the values to offer in completion, and its check. One declaration in the catalog
// (`type: { kind: 'enum', values: [...] }`) so gives a key its hover, its
// completion and its validation.

import type { BoolParser, KeyInfo, ValueType } from './types';
import { boolSpellings, pyInt, readBool } from './values';

type TypeOf<K extends ValueType['kind']> = Extract<ValueType, { kind: K }>;

/** Why a reader refuses or misreads a value. */
export interface ValueVerdict {
  /** `fails`: the program that reads it stops; `ignored`: it quietly does something else. */
  effect: 'fails' | 'ignored';
  /** Values that would be read as meant, best first. */
  suggestions: string[];
}

export interface ValueKind<T extends ValueType> {
  /** The type in words. */
  label(type: T): string;
  /** What a value means to its reader, for the hover (e.g. " (on)"); empty when there is nothing to add. */
  reading?(type: T, value: string): string;
  /** The values completion offers for the key. */
  completions(type: T, info: KeyInfo): string[];
  /** Undefined when the reader takes the value as meant. */
  check?(type: T, value: string): ValueVerdict | undefined;
}

const BOOL_PARSERS: Record<BoolParser, string> = {
  tg: 'strictly, by TurboGears/Kallithea (true/false, yes/no, on/off, 1/0; anything else fails)',
  paste: 'strictly, by PasteDeploy (true/false, yes/no, on/off, 1/0; anything else fails)',
  beaker: 'strictly, by Beaker (true/false, yes/no, on/off, 1/0; anything else fails at startup)',
  waitress: 'by waitress, leniently (anything but true/yes/on/1 is silently false)',
  gunicorn: 'by gunicorn: only true or false',
  uwsgi: 'by uWSGI: off only for exactly false/off/no/0, anything else is on',
  celery: 'by Kallithea for Celery: true/false become booleans, anything else stays text',
  truthy: 'as plain Python truth: any non-empty text is on, even "false"',
};

const code = (s: string) => '`' + s + '`';
const fallback = (info: KeyInfo) => (info.suggestions ? [...info.suggestions] : info.recommended !== undefined ? [info.recommended] : []);

const bool: ValueKind<TypeOf<'bool'>> = {
  label: (t) => `switch, read ${BOOL_PARSERS[t.parser]}`,
  reading(t, value) {
    const r = readBool(t.parser, value);
    return r.ok ? (r.value ? ' (on)' : ' (off)') : r.reason === 'raises' ? ' (**refused**: not a valid switch)' : ' (passed on as text)';
  },
  completions: (t) => boolSpellings(t.parser).slice(0, 2),
  check(t, value) {
    const parser = t.parser;
    // uWSGI and plain truth take any text; invalid-boolean's sibling rules cover their traps.
    if (parser === 'uwsgi' || parser === 'truthy') return undefined;
    const reading = readBool(parser, value);
    const lenient = parser === 'waitress' || parser === 'celery';
    const known = boolSpellings(parser).includes(value.trim().toLowerCase()) || (parser === 'waitress' && reading.ok && reading.value);
    if (lenient ? known : reading.ok) return undefined;
    return { effect: lenient ? 'ignored' : 'fails', suggestions: boolSpellings(parser).slice(0, 2) };
  },
};

const int: ValueKind<TypeOf<'int'>> = {
  label: (t) =>
    `whole number${t.unit ? ` (${t.unit})` : ''}${t.parser === 'safe_int' ? '; bad text falls back to the default' : t.parser === 'atoi' ? '; uWSGI reads the leading digits' : ''}`,
  reading: (t, value) => (t.parser !== 'atoi' && pyInt(value) === undefined ? ' (**not a whole number**)' : ''),
  completions: (_t, info) => fallback(info),
  check(t, value) {
    // C parsers read the leading digits of anything.
    if (t.parser === 'atoi' || pyInt(value) !== undefined) return undefined;
    return { effect: t.parser === 'safe_int' ? 'ignored' : 'fails', suggestions: [] };
  },
};

const enumeration: ValueKind<TypeOf<'enum'>> = {
  label: (t) => `one of ${t.values.map((v) => code(v)).join(', ')}${t.open ? ', or another value the reader supports' : ''}`,
  completions: (t) => [...t.values],
  check(t, value) {
    if (t.open) return undefined;
    const v = value.trim();
    const same = (a: string) => (t.caseInsensitive ? a.toLowerCase() === v.toLowerCase() : a === v);
    if (t.values.some(same)) return undefined;
    const nearly = t.values.filter((a) => a.toLowerCase() === v.toLowerCase());
    return { effect: t.otherwise ?? 'fails', suggestions: nearly.length ? nearly : [] };
  },
};

const plain = (label: (t: ValueType) => string): ValueKind<ValueType> => ({ label, completions: (_t, info) => fallback(info) });

const KINDS: { [K in ValueType['kind']]: ValueKind<TypeOf<K>> } = {
  bool,
  int,
  enum: enumeration,
  'entry-point': { label: (t) => `entry point: ${t.values.map((v) => code(v)).join(', ')}`, completions: (t) => [...t.values] },
  list: { label: (t) => (t.separator === 'comma' ? 'comma-separated list' : 'list separated by spaces or lines'), completions: (_t, info) => fallback(info) },
  'section-ref': { label: (t) => `name of a [${t.prefix}:NAME] section`, completions: (_t, info) => fallback(info) },
  'host-port': plain(() => 'host:port'),
  python: plain(() => 'Python expression'),
  path: plain(() => 'path'),
  url: plain(() => 'url'),
  secret: plain(() => 'secret'),
  string: plain(() => 'string'),
  regex: plain(() => 'regex'),
};

/** The behaviour of a catalog type. */
export function valueKind<T extends ValueType>(type: T): ValueKind<T> {
  return KINDS[type.kind] as unknown as ValueKind<T>;
}
