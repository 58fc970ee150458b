// The file's sections by name, each with its keys as a non-strict parser would
// merge them (a repeated section adds to the first, the last value of a key wins).
// A key table is made the first time its section is asked for: rules ask about the
// few sections PasteDeploy loads, and a big file has thousands of others.

import { DEFAULT_SECTION, type Entry, type Section } from '../syntax/parser';

// Up to this many keys, a section is searched line by line rather than given a table.
const SCAN_LIMIT = 16;

export class SectionTable {
  private readonly byName = new Map<string, Section | Section[]>();
  private readonly tables = new Map<string, Map<string, Entry>>();

  constructor(sections: readonly Section[]) {
    for (const section of sections) {
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

  /** The entry that sets `key` in the section (the last one, as in get()); a short section is searched without making its table. */
  entry(name: string, key: string): Entry | undefined {
    const table = this.tables.get(name);
    if (table) return table.get(key);
    const found = this.byName.get(name);
    if (found === undefined) return undefined;
    if (Array.isArray(found) || found.entryCount > SCAN_LIMIT) return this.get(name)!.get(key);
    for (let i = found.entryCount - 1; i >= 0; i--) if (found.entry(i).key === key) return found.entry(i);
    return undefined;
  }

  /** True when any line of the section(s) of that name has a key that passes the test (no table is made). */
  someKey(name: string, test: (key: string) => boolean): boolean {
    const found = this.byName.get(name);
    if (found === undefined) return false;
    for (const section of Array.isArray(found) ? found : [found]) for (let i = 0; i < section.entryCount; i++) if (test(section.entry(i).key)) return true;
    return false;
  }

  keys(): IterableIterator<string> {
    return this.byName.keys();
  }

  *[Symbol.iterator](): IterableIterator<[string, Map<string, Entry>]> {
    for (const name of this.byName.keys()) yield [name, this.get(name)!];
  }
}
