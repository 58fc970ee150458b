// One option, several names: what TurboGears and Beaker make of the app config.
// - Sessions: TurboGears' SessionApplicationWrapper hands Beaker every `session.X`
//   and every `beaker.session.X` key (the latter with a DeprecationWarning) as
//   option X, walking the config in order, so the later line wins.
// - Caches: Beaker reads `cache.X` and `beaker.cache.X` as the same option the same way.
// - Derived folders: when `cache_dir` is set and the short name is absent,
//   TurboGears adds `session.data_dir = <cache_dir>/sessions` and
//   `cache.data_dir = <cache_dir>/cache` after every line of the file (setdefault
//   on the config dict), so they win over the `beaker.` spellings.
// The config's order is PasteDeploy's: global keys ([DEFAULT], `set`) first, then
// the section's own keys, then what TurboGears derives.

import type { Setting } from './model';

export interface OptionResolution {
  /** The setting the code ends up with, if any. */
  winner?: Setting;
  /** Other spellings of the same option that the winner overrides. */
  overridden: Setting[];
  /** Why the winner wins, in words (undefined when only one spelling is set). */
  why?: string;
}

const GROUPS: readonly { short: string; long: string }[] = [
  { short: 'session.', long: 'beaker.session.' },
  { short: 'cache.', long: 'beaker.cache.' },
];

const DERIVED: Record<string, string> = { 'session.data_dir': 'sessions', 'cache.data_dir': 'cache' };

/** Every spelling of the option `name` is one of, short form first; undefined for a plain key. */
export function spellingsOf(name: string): string[] | undefined {
  for (const { short, long } of GROUPS) {
    if (name.startsWith(long)) return [short + name.slice(long.length), name];
    if (name.startsWith(short)) return [name, long + name.slice(short.length)];
  }
  return undefined;
}

const rank = (s: Setting): [number, number] => [
  s.source === 'derived' ? 2 : s.source === 'local' || s.source === 'get' ? 1 : 0,
  s.entry ? s.entry.keyRange.start.line : 0,
];

function later(a: Setting, b: Setting): boolean {
  const [ra, la] = rank(a);
  const [rb, lb] = rank(b);
  return ra !== rb ? ra > rb : la > lb;
}

function joinPath(dir: string, leaf: string): string {
  return dir.endsWith('/') || dir.endsWith('\\') ? dir + leaf : `${dir}/${leaf}`;
}

/** Resolve option `name` (any spelling) from the app's effective settings. */
export function resolveOption(effective: (name: string) => Setting | undefined, name: string): OptionResolution {
  const spellings = spellingsOf(name);
  if (!spellings) {
    const winner = effective(name);
    return { winner, overridden: [] };
  }
  const set = spellings.map(effective).filter((s): s is Setting => s !== undefined);
  const leaf = DERIVED[spellings[0]];
  const cacheDir = leaf && !effective(spellings[0]) ? effective('cache_dir') : undefined;
  if (cacheDir?.value !== undefined && cacheDir.value.trim() !== '')
    set.push({ name: spellings[0], value: joinPath(cacheDir.value.trim(), leaf), source: 'derived', derivedFrom: cacheDir });
  if (set.length === 0) return { overridden: [] };
  const winner = set.reduce((a, b) => (later(b, a) ? b : a));
  const overridden = set.filter((s) => s !== winner);
  if (overridden.length === 0) return { winner, overridden };
  const why =
    winner.source === 'derived'
      ? `TurboGears derives ${spellings[0]} from cache_dir${where(winner.derivedFrom!)} and adds it after every line of the file, so it wins`
      : `${winner.name}${where(winner)} comes later in the configuration, and the later spelling wins`;
  return { winner, overridden, why };
}

const where = (s: Setting) => (s.entry ? ` (line ${s.entry.keyRange.start.line + 1})` : '');
