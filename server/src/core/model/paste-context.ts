// How PasteDeploy builds what it hands a section: its global configuration
// ([DEFAULT] interpolated, the built-ins, `set` lines) and its local one (the
// section's own keys and `get` copies), dropping a plain key that [DEFAULT] also has.

import { DEFAULT_SECTION, type Entry } from '../syntax/parser';
import { pyStrip } from '../syntax/text';
import type { ConfigModel, LoadContext, Setting, SettingSource } from './model';

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
  const localConf = new Map<string, Setting>();
  const dropped: Entry[] = [];
  const missingGets: Entry[] = [];
  const gets: [string, Entry][] = [];
  const setting = (name: string, entry: Entry, source: SettingSource): Setting => {
    const got = model.get(section, entry.key)!;
    return got.ok ? { name, value: got.value, source, entry } : { name, error: got.error, source, entry };
  };
  for (const entry of model.sections.get(section)?.values() ?? []) {
    const key = entry.key;
    if (key.startsWith('set ')) {
      const name = pyStrip(key.slice(4));
      globalConf.set(name, setting(name, entry, 'set'));
    } else if (key.startsWith('get ')) {
      gets.push([pyStrip(key.slice(4)), entry]);
    } else if (defaults.has(key)) {
      dropped.push(entry);
    } else {
      localConf.set(key, setting(key, entry, 'local'));
    }
  }
  for (const [local, entry] of gets) {
    const got = model.get(section, entry.key)!;
    const globalName = got.ok ? got.value : undefined;
    const source = globalName === undefined ? undefined : globalConf.get(globalName);
    if (globalName !== undefined && !source) missingGets.push(entry);
    localConf.set(local, { name: local, value: source?.value, error: got.ok ? source?.error : got.error, source: 'get', entry });
  }
  return { section, globalConf, localConf, dropped, missingGets, effective: (name) => localConf.get(name) ?? globalConf.get(name) };
}
