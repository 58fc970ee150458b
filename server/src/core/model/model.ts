// The effective configuration: what PasteDeploy hands Kallithea once the file
// is read. It adds the built-in defaults `here` and `__file__`, resolves
// interpolation, [DEFAULT] inheritance, `set NAME` (into the global config) and
// `get LOCAL = GLOBAL` (copied from it), and drops a plain section key whose name
// also stands in [DEFAULT] (PasteDeploy skips it silently). All of it is computed
// lazily and cached, so a model is cheap to build on every keystroke.

import { SectionTable } from './section-table';
import { CATALOG, catalogPosition, findKey } from '../catalog';
import { APP_PREFIXES, classifySection, kindNeedsUse, SECTION_KINDS } from '../catalog/sections';
import type { KeyInfo, SectionKind } from '../catalog/types';
import { uwsgiText } from '../catalog/values';
import { DEFAULT_SECTION, parse, type Entry, type ParsedConfig, type Section } from '../syntax/parser';
import { pyStrip } from '../syntax/text';
import { resolveOption, type OptionResolution } from './app-options';
import { buildContext, buildGlobalDefaults, type LoadContext } from './paste-context';
import { interpolate, type Binding, type InterpolationError, type InterpolationResult, type Lookup } from './interpolation';

export interface ModelOptions {
  /** Absolute path of the file, for `%(here)s` and `%(__file__)s`. */
  filePath?: string;
}

/** How a setting reached the final configuration. */
export type SettingSource = 'default' | 'builtin' | 'set' | 'local' | 'get' | 'derived';

export interface Setting {
  name: string;
  /** The value Kallithea sees, or undefined when loading would fail on it. */
  value?: string;
  error?: InterpolationError;
  source: SettingSource;
  /** The line that gave the value. */
  entry?: Entry;
  /** For a value TurboGears computes from another setting (source 'derived'): that setting. */
  derivedFrom?: Setting;
}

export { APP_PREFIXES };

/**
 * What the program that reads one line gets from it, computed once per line:
 * - refused: a repeated key, so Python refuses the whole file;
 * - uwsgi: uWSGI's own reading (no interpolation, trailing notes kept);
 * - raw: read by Python without interpolation (logging formatter strings);
 * - python: configparser's interpolated value (logging, alembic, sections nobody reads);
 * - default: a [DEFAULT] line, as PasteDeploy passes it to every section it loads;
 * - local / set / get: a line of a section PasteDeploy loads, and the setting it makes;
 * - dropped: a plain line PasteDeploy skips because [DEFAULT] has the name; `setting` is the winner.
 */
export type LineReading =
  | { how: 'refused' }
  | { how: 'uwsgi' | 'raw'; value: string }
  | { how: 'python'; value?: string; error?: InterpolationError }
  | { how: 'default' | 'local' | 'set' | 'get' | 'dropped'; value?: string; error?: InterpolationError; setting?: Setting };

export class ConfigModel {
  readonly parsed: ParsedConfig;
  readonly filePath: string;
  readonly here: string;
  /** Raw values by section name, duplicates merged the way a non-strict parser would (last wins). */
  readonly sections: SectionTable;
  /** [DEFAULT]: built-ins first, then the file's keys. */
  readonly defaults = new Map<string, Binding>();
  private readonly interpolated = new Map<string, InterpolationResult>();
  private readonly contexts = new Map<string, LoadContext>();
  private readonly options = new Map<string, OptionResolution>();
  private app: string | undefined | null = null;
  private defaultsConf: Map<string, Setting> | undefined;
  // Asked for again and again by rules and requests: computed once per section name and per line.
  private lastKindName: string | undefined;
  private lastKind: SectionKind | undefined;
  private readonly kindsBySection: SectionKind[] = [];
  // Per line: 0 not looked up yet, 1 no catalog entry, else 2 + the entry's position in CATALOG.
  private readonly keyInfos: Uint16Array;

  constructor(parsed: ParsedConfig, options: ModelOptions = {}) {
    this.parsed = parsed;
    this.keyInfos = new Uint16Array(parsed.entryCount);
    this.filePath = options.filePath ?? '/untitled/kallithea.ini';
    this.here = dirname(this.filePath);
    this.defaults.set('here', { value: this.here });
    this.defaults.set('__file__', { value: this.filePath });
    this.sections = new SectionTable(parsed);
    for (const section of parsed.sections) {
      if (section.name !== DEFAULT_SECTION) continue;
      for (const entry of section.entries) this.defaults.set(entry.key, { value: entry.value, entry });
    }
  }

  /** Parse a text and model it: the one way a model is made from text. */
  static fromText(text: string, options: ModelOptions = {}): ConfigModel {
    return new ConfigModel(parse(text), options);
  }

  /** What the section is (from its name and, for servers and filters, its `use` line). */
  sectionKind(name: string): SectionKind {
    // Callers walk the lines in order, so the section asked about last is the usual answer.
    if (name === this.lastKindName) return this.lastKind!;
    // A section of the file has its kind kept by position; any other name is classified as asked.
    const first = this.sections.first(name);
    const kind = first ? this.kindOf(first) : classifySection(name, undefined);
    this.lastKindName = name;
    this.lastKind = kind;
    return kind;
  }

  /** sectionKind() for a section of this file, by its position (the lookup every rule makes for every line). */
  kindOf(section: Section): SectionKind {
    let kind = this.kindsBySection[section.index];
    if (kind === undefined) {
      // Sections of one name share a kind: it is kept under the first one's position too.
      const first = section.duplicateOf ?? section;
      kind = this.kindsBySection[first.index] ??= classifySection(section.name, kindNeedsUse(section.name) ? this.sections.useValue(section.name) : undefined);
      this.kindsBySection[section.index] = kind;
    }
    return kind;
  }

  /** True when Python's configparser reads the section's values at run time (not [uwsgi], not unknown sections). */
  readByPython(section: Section): boolean {
    const reader = SECTION_KINDS[this.kindOf(section)].reader;
    return reader !== 'uwsgi' && reader !== 'unknown';
  }

  /** The catalog entry for a line's key in its section (aliases and case folding applied by the catalog). */
  keyInfo(entry: Entry): KeyInfo | undefined {
    return this.keyInfoAt(entry.index);
  }

  /** keyInfo() of the file's i-th entry, without making its object. */
  keyInfoAt(i: number): KeyInfo | undefined {
    const known = this.keyInfos[i];
    if (known === 1) return undefined;
    if (known > 1) return CATALOG[known - 2];
    const { parsed } = this;
    const info = findKey(this.kindOf(parsed.sections[parsed.entrySections[i]]), parsed.entryKeys[i]);
    this.keyInfos[i] = info ? catalogPosition(info) + 2 : 1;
    return info;
  }

  /**
   * What the program that reads the line gets from it (see LineReading). The one
   * place a line's value is worked out; cheap (the settings it needs are cached), so
   * it is not kept per line, which would cost memory on big files.
   */
  lineValue(entry: Entry): LineReading {
    if (entry.duplicateOf) return { how: 'refused' };
    const section = entry.section.name;
    const info = SECTION_KINDS[this.kindOf(entry.section)];
    if (info.reader === 'uwsgi') return { how: 'uwsgi', value: uwsgiText(entry.value) };
    if (info.rawKeys?.includes(entry.key)) return { how: 'raw', value: entry.value };
    if (section === DEFAULT_SECTION) return fromSetting('default', this.globalDefaults().get(entry.key));
    const key = entry.key;
    const special = key.startsWith('set ') || key.startsWith('get ') || this.defaults.has(key);
    if (info.pasteLoaded && special) {
      const ctx = this.context(section);
      if (key.startsWith('set ')) return fromSetting('set', ctx.globalConf.get(pyStrip(key.slice(4))));
      if (key.startsWith('get ')) return fromSetting('get', ctx.localConf.get(pyStrip(key.slice(4))));
      return fromSetting('dropped', ctx.globalConf.get(key));
    }
    // A plain key: its own value, through interpolation only when it has a '%' (most have none).
    const how = info.pasteLoaded ? 'local' : 'python';
    if (!entry.value.includes('%')) return { how, value: entry.value };
    const got = this.get(section, key)!;
    return got.ok ? { how, value: got.value } : { how, error: got.error };
  }

  hasSection(name: string): boolean {
    return name === DEFAULT_SECTION || this.sections.has(name);
  }

  /** configparser's raw lookup: the section's own key, else [DEFAULT]'s. */
  lookup(section: string, name: string): Binding | undefined {
    if (section !== DEFAULT_SECTION) {
      const entry = this.sections.entry(section, name);
      if (entry) return { value: entry.value, entry };
    }
    return this.defaults.get(name);
  }

  /** lookup()'s value alone, without keeping an entry object in the parse (for walks over every value). */
  lookupValue(section: string, name: string): string | undefined {
    if (section !== DEFAULT_SECTION) {
      const value = this.sections.value(section, name);
      if (value !== undefined) return value;
    }
    return this.defaults.get(name)?.value;
  }

  private lookupFn(section: string): Lookup {
    return (name) => this.lookup(section, name);
  }

  /** What configparser's get(section, name) returns, or the error it raises. */
  get(section: string, name: string): InterpolationResult | undefined {
    const binding = this.lookup(section, name);
    if (!binding) return undefined;
    // Most values have no '%': they are what they say, and not worth a cache entry.
    if (!binding.value.includes('%')) return { ok: true, value: binding.value };
    const cacheKey = section + '\u0000' + name;
    let result = this.interpolated.get(cacheKey);
    if (!result) this.interpolated.set(cacheKey, (result = interpolate(binding.value, this.lookupFn(section), binding.entry)));
    return result;
  }

  /** Interpolate any text as if it were a value in `section`. */
  interpolateText(section: string, text: string, entry?: Entry): InterpolationResult {
    return interpolate(text, this.lookupFn(section), entry);
  }

  /** The first section PasteDeploy would pick for `prefix:name` (e.g. app:main). */
  findSection(prefixes: string[], name = 'main'): string | undefined {
    for (const prefix of prefixes) {
      for (const section of this.sections.keys()) {
        if (section.startsWith(prefix + ':') && pyStrip(section.slice(prefix.length + 1)) === name) return section;
      }
    }
    return undefined;
  }

  /** The app section PasteDeploy loads as `main` (asked by most rules: found once). */
  appSection(): string | undefined {
    if (this.app === null) this.app = this.findSection(APP_PREFIXES);
    return this.app;
  }

  /**
   * The prefix filter (`egg:PasteDeploy#prefix`) that `filter-with` in the app section
   * wraps Kallithea in: its section, the `filter-with` line, and its URL prefix.
   */
  prefixFilter(): { section: string; filterWith: Entry; prefix?: string } | undefined {
    const app = this.appSection();
    const filterWith = app ? this.sections.get(app)?.get('filter-with') : undefined;
    const section = filterWith ? this.findSection(['filter'], filterWith.value.trim()) : undefined;
    if (!filterWith || !section || this.sectionKind(section) !== 'filter:prefix') return undefined;
    return { section, filterWith, prefix: this.sections.get(section)?.get('prefix')?.value };
  }

  /** PasteDeploy's defaults(): each [DEFAULT] value interpolated, or its raw value when that comes out empty. */
  globalDefaults(): Map<string, Setting> {
    return (this.defaultsConf ??= buildGlobalDefaults(this));
  }

  /** How PasteDeploy's get_context() builds the configuration of one section. */
  context(section: string): LoadContext {
    let ctx = this.contexts.get(section);
    if (!ctx) this.contexts.set(section, (ctx = buildContext(this, section)));
    return ctx;
  }

  /**
   * The effective application setting: what Kallithea's code ends up with for
   * option `name` in any spelling (`beaker.session.X` and `session.X` are one
   * option; see app-options.ts), or undefined.
   */
  appSetting(name: string): Setting | undefined {
    return this.appOption(name).winner;
  }

  /** The same, with the spellings it overrides and why. */
  appOption(name: string): OptionResolution {
    let resolved = this.options.get(name);
    if (!resolved) {
      const app = this.appSection();
      const effective = app ? this.context(app).effective : (n: string) => this.globalDefaults().get(n);
      this.options.set(name, (resolved = resolveOption(effective, name)));
    }
    return resolved;
  }
}

function fromSetting(how: 'default' | 'local' | 'set' | 'get' | 'dropped', setting: Setting | undefined): LineReading {
  return { how, value: setting?.value, error: setting?.error, setting };
}

function dirname(path: string): string {
  const normalized = path.replace(/\\/g, '/');
  const i = normalized.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  // Keep a Windows drive root such as C:/ intact.
  if (/^[A-Za-z]:$/.test(normalized.slice(0, i))) return path.slice(0, i + 1);
  return path.slice(0, i);
}

export type { Section };
