// Lookups into the key catalog: exact names first, then patterns in order.

import { APP_KEYS } from './keys-app';
import { LEGACY_KEYS } from './keys-legacy';
import { OTHER_KEYS } from './keys-other';
import { SERVER_KEYS } from './keys-servers';
import { UWSGI_KEYS } from './keys-uwsgi';
import { SECTION_KINDS } from './sections';
import type { KeyInfo, SectionKind } from './types';

// Legacy patterns (sqlalchemy.db1.*) stand before the broad app patterns (sqlalchemy.*) they would lose to.
export const CATALOG: readonly KeyInfo[] = [...LEGACY_KEYS, ...APP_KEYS, ...SERVER_KEYS, ...UWSGI_KEYS, ...OTHER_KEYS];

// Each catalog entry's position, so that a per-line answer fits in two bytes (see ConfigModel.keyInfo).
const POSITIONS = new Map(CATALOG.map((info, i) => [info, i]));

/** The position of a catalog entry in CATALOG. */
export function catalogPosition(info: KeyInfo): number {
  return POSITIONS.get(info)!;
}

interface KindIndex {
  exact: Map<string, KeyInfo>;
  patterns: KeyInfo[];
  all: KeyInfo[];
}

const indexes = new Map<SectionKind, KindIndex>();

/** [DEFAULT] values flow into every section PasteDeploy loads, so app keys are at home there too. */
function kindsFor(kind: SectionKind): SectionKind[] {
  return kind === 'defaults' ? ['defaults', 'app'] : [kind];
}

function indexFor(kind: SectionKind): KindIndex {
  let index = indexes.get(kind);
  if (!index) {
    const kinds = kindsFor(kind);
    index = { exact: new Map(), patterns: [], all: [] };
    for (const info of CATALOG) {
      if (!info.sections.some((s) => kinds.includes(s))) continue;
      index.all.push(info);
      if (info.pattern) index.patterns.push(info);
      else if (!index.exact.has(info.name)) index.exact.set(info.name, info);
    }
    indexes.set(kind, index);
  }
  return index;
}

/** PasteDeploy's `set NAME` and `get NAME` lines are about NAME. */
export function baseKey(key: string): { name: string; prefix?: 'set' | 'get' } {
  if (key.startsWith('set ')) return { name: key.slice(4).trim(), prefix: 'set' };
  if (key.startsWith('get ')) return { name: key.slice(4).trim(), prefix: 'get' };
  return { name: key };
}

/**
 * The catalog entry for a key as written in a section of this kind: `set NAME` and
 * `get NAME` are about NAME, and a reader that folds case (gunicorn) is asked in lower case.
 */
export function findKey(kind: SectionKind, key: string): KeyInfo | undefined {
  // Files repeat their keys section after section: each (kind, key) is looked up once.
  let known = answers.get(kind);
  if (!known) answers.set(kind, (known = new Map()));
  let info = known.get(key);
  if (info === undefined) {
    if (known.size >= MAX_ANSWERS) known.clear();
    known.set(key, (info = lookUp(kind, key) ?? null));
  }
  return info ?? undefined;
}

// A bound on the remembered answers per kind, since a user can type any number of keys.
const MAX_ANSWERS = 1 << 18;
const answers = new Map<SectionKind, Map<string, KeyInfo | null>>();

function lookUp(kind: SectionKind, key: string): KeyInfo | undefined {
  const index = indexFor(kind);
  const base = key.startsWith('set ') || key.startsWith('get ') ? key.slice(4).trim() : key;
  const name = SECTION_KINDS[kind].foldsCase ? base.toLowerCase() : base;
  return index.exact.get(name) ?? index.patterns.find((p) => p.pattern!.test(name));
}

/** Every catalog entry for a kind of section, in catalog order. */
export function keysFor(kind: SectionKind): readonly KeyInfo[] {
  return indexFor(kind).all;
}

/** The exact key names of a kind, for "did you mean" and completion. */
export function exactNames(kind: SectionKind): string[] {
  return [...indexFor(kind).exact.keys()];
}


export type { KeyInfo, SectionKind };
