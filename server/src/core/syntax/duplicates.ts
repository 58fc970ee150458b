// Repeated keys: Python 3 refuses them, Python 2's ConfigParser (RhodeCode and
// Kallithea before 0.4) kept the last one. An upgrade keeps what the old release read.

import type { Entry, ParsedConfig } from './parser';

/** Every occurrence of a repeated key but the last, per section name. */
export function supersededDuplicates(parsed: ParsedConfig): Set<Entry> {
  const last = new Map<string, Entry>();
  const superseded = new Set<Entry>();
  for (const entry of parsed.entries) {
    const id = entry.section.name + '\u0000' + entry.key;
    const before = last.get(id);
    if (before) superseded.add(before);
    last.set(id, entry);
  }
  return superseded;
}

