// How PasteDeploy builds what it hands a section: its global configuration
// ([DEFAULT] interpolated, the built-ins, `set` lines) and its local one (the
// section's own keys and `get` copies), dropping a plain key that [DEFAULT] also has.

import { DEFAULT_SECTION, type Entry } from '../syntax/parser';
import { pyStrip } from '../syntax/text';
import type { ConfigModel, Setting, SettingSource } from './model';

/** A table of settings by name, read like a Map. */
export interface SettingLookup {
  get(name: string): Setting | undefined;
  has(name: string): boolean;
  keys(): IterableIterator<string>;
}

export interface LoadContext {
  section: string;
  /** PasteDeploy's global_conf: [DEFAULT] (interpolated), here, __file__, and `set` keys. */
  globalConf: Map<string, Setting>;
  /** PasteDeploy's local_conf: the section's own keys and its `get` copies (each setting worked out when first asked). */
  localConf: SettingLookup;
  /** Plain keys of the section that PasteDeploy skips because [DEFAULT] has the same name. */
  dropped: Entry[];
  /** `get LOCAL = GLOBAL` lines whose GLOBAL is not in the global config (KeyError at load). */
  missingGets: Entry[];
  /** What the application reads for a key: the local value, else the global one. */
  effective(name: string): Setting | undefined;
}

/** PasteDeploy's defaults(): each [DEFAULT] value interpolated, or its raw value when that comes out empty. */
export function buildGlobalDefaults(model: ConfigModel): Map<string, Setting> {
  const result = new Map<string, Setting>();
  for (const [name, binding] of model.defaults) {
    const got = model.get(DEFAULT_SECTION, name)!;
    const source: SettingSource = binding.entry ? 'default' : 'builtin';
    if (got.ok) result.set(name, { name, value: got.value || binding.value, source, entry: binding.entry });
    else result.set(name, { name, error: got.error, source, entry: binding.entry });
  }
  return result;
}

/** PasteDeploy's get_context() for one section. */
export function buildContext(model: ConfigModel, section: string): LoadContext {
  const defaults = model.globalDefaults();
  const globalConf = new Map(defaults);
  const dropped: Entry[] = [];
  const missingGets: Entry[] = [];
  // The section's keys as the section table merges them: an app section has hundreds
  // of plain keys and a rule asks about a few, so each one's setting (its
  // interpolation, its object) is made when first asked. Other lines are few.
  const table = model.sections.get(section) ?? new Map<string, Entry>();
  const gets: [string, Entry][] = [];
  for (const [key, entry] of table) {
    if (key.startsWith('set ')) {
      const name = pyStrip(key.slice(4));
      globalConf.set(name, settingOf(model, section, name, entry, 'set'));
    } else if (key.startsWith('get ')) gets.push([pyStrip(key.slice(4)), entry]);
    else if (defaults.has(key)) dropped.push(entry);
  }
  const isPlain = (key: string) => !key.startsWith('set ') && !key.startsWith('get ') && !defaults.has(key);
  const copies = new Map<string, Setting>();
  for (const [local, entry] of gets) {
    const got = model.get(section, entry.key)!;
    const globalName = got.ok ? got.value : undefined;
    const source = globalName === undefined ? undefined : globalConf.get(globalName);
    if (globalName !== undefined && !source) missingGets.push(entry);
    copies.set(local, { name: local, value: source?.value, error: got.ok ? source?.error : got.error, source: 'get', entry });
  }
  const made = new Map<string, Setting>();
  const localConf: SettingLookup = {
    get(name) {
      const copy = copies.get(name);
      if (copy) return copy;
      let setting = made.get(name);
      const entry = setting ? undefined : table.get(name);
      if (entry && isPlain(name)) made.set(name, (setting = settingOf(model, section, name, entry, 'local')));
      return setting;
    },
    has: (name) => copies.has(name) || (table.has(name) && isPlain(name)),
    keys: () => new Set([...[...table.keys()].filter(isPlain), ...copies.keys()]).values(),
  };
  return { section, globalConf, localConf, dropped, missingGets, effective: (name) => localConf.get(name) ?? globalConf.get(name) };
}

function settingOf(model: ConfigModel, section: string, name: string, entry: Entry, source: SettingSource): Setting {
  const got = model.get(section, entry.key)!;
  return got.ok ? { name, value: got.value, source, entry } : { name, error: got.error, source, entry };
}
