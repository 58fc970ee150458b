// The file's sections by name, each with its keys as a non-strict parser would
// merge them (a repeated section adds to the first, the last value of a key wins).
// A key table is made the first time its section is asked for: rules ask about the
// few sections PasteDeploy loads, and a big file has thousands of others.

import { DEFAULT_SECTION, type Entry, type ParsedConfig, type Section } from '../syntax/parser';

// Up to this many keys, a section is always searched rather than given a table.
const SCAN_LIMIT = 16;

export class SectionTable {
  private readonly byName = new Map<string, Section | Section[]>();
  private readonly tables = new Map<string, Map<string, Entry>>();
  // Key positions by name for the sections asked about more than once: no entry objects made.
  private readonly positions = new Map<string, Map<string, number>>();
  private lastAsked: string | undefined;

  constructor(private readonly parsed: ParsedConfig) {
    for (const section of parsed.sections) {
      if (section.name === DEFAULT_SECTION) continue;
      const earlier = this.byName.get(section.name);
      if (earlier === undefined) this.byName.set(section.name, section);
      else if (Array.isArray(earlier)) earlier.push(section);
      else this.byName.set(section.name, [earlier, section]);
    }
  }

  get size(): number {
    return this.byName.size;
  }

  /** The first section of that name (undefined for [DEFAULT] and names the file lacks). */
  first(name: string): Section | undefined {
    const found = this.byName.get(name);
    return Array.isArray(found) ? found[0] : found;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** The section's keys (every section of that name merged); undefined when the file has no such section. */
  get(name: string): Map<string, Entry> | undefined {
    const cached = this.tables.get(name);
    if (cached) return cached;
    const found = this.byName.get(name);
    if (found === undefined) return undefined;
    const table = new Map<string, Entry>();
    for (const section of Array.isArray(found) ? found : [found]) for (let i = 0; i < section.entryCount; i++) table.set(section.entry(i).key, section.entry(i));
    this.tables.set(name, table);
    return table;
  }

  /**
   * The entry that sets `key` in the section (the last one, as in get()). Without a
   * table yet, the keys are searched by position: asking one key of each of
   * thousands of sections (their `use`) makes no table and no entry object but the answer.
   */
  entry(name: string, key: string): Entry | undefined {
    const table = this.tables.get(name);
    if (table) return table.get(key);
    const at = this.position(name, key);
    return at < 0 ? undefined : this.parsed.entry(at);
  }

  /** The value entry(name, key) has, without keeping an entry object in the parse. */
  value(name: string, key: string): string | undefined {
    const table = this.tables.get(name);
    if (table) return table.get(key)?.value;
    const at = this.position(name, key);
    return at < 0 ? undefined : this.parsed.peekEntry(at).value;
  }

  /** Where entry(name, key) is in the file, or -1, found without a table. */
  private position(name: string, key: string): number {
    let positions = this.positions.get(name);
    if (!positions) {
      const found = this.byName.get(name);
      if (found === undefined) return -1;
      const keys = this.parsed.entryKeys;
      const sections = Array.isArray(found) ? found : [found];
      // A short section, or the first question about a long one: a search.
      if (this.lastAsked !== name || (sections.length === 1 && sections[0].entryCount <= SCAN_LIMIT)) {
        this.lastAsked = name;
        for (let s = sections.length - 1; s >= 0; s--) {
          const { firstEntry, entryCount } = sections[s];
          for (let i = firstEntry + entryCount - 1; i >= firstEntry; i--) if (keys[i] === key) return i;
        }
        return -1;
      }
      positions = new Map();
      for (const { firstEntry, entryCount } of sections) for (let i = firstEntry; i < firstEntry + entryCount; i++) positions.set(keys[i], i);
      this.positions.set(name, positions);
    }
    return positions.get(key) ?? -1;
  }

  /**
   * The value of entry(name, 'use'), which decides a section's kind, from what the
   * reader noted (asked for every section of a big file, so no entry object is kept).
   */
  useValue(name: string): string | undefined {
    const found = this.byName.get(name);
    if (found === undefined) return undefined;
    const sections = Array.isArray(found) ? found : [found];
    for (let s = sections.length - 1; s >= 0; s--) if (sections[s].lastUse >= 0) return this.parsed.peekEntry(sections[s].lastUse).value;
    return undefined;
  }

  /** True when any line of the section(s) of that name has a key that passes the test (no table is made). */
  someKey(name: string, test: (key: string) => boolean): boolean {
    const found = this.byName.get(name);
    if (found === undefined) return false;
    const keys = this.parsed.entryKeys;
    for (const section of Array.isArray(found) ? found : [found]) for (let i = section.firstEntry; i < section.firstEntry + section.entryCount; i++) if (test(keys[i])) return true;
    return false;
  }

  keys(): IterableIterator<string> {
    return this.byName.keys();
  }

  *[Symbol.iterator](): IterableIterator<[string, Map<string, Entry>]> {
    for (const name of this.byName.keys()) yield [name, this.get(name)!];
  }
}
