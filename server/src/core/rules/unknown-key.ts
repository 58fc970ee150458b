import { baseKey, exactNames } from '../catalog';
import { SECTION_KINDS } from '../catalog/sections';
import type { Fix, Rule } from '../analysis/diagnostics';
import { renameKeyEdit } from '../edits/edits';
import { scanPercents } from '../syntax/percents';
import { suggest } from '../syntax/similar';
import { entryAt, keyFacts } from './support';
import type { ConfigModel } from '../model/model';
import { DEFAULT_SECTION, type Section } from '../syntax/parser';

interface Data {
  line: number;
  suggestions: string[];
  prefix?: string;
}

/** Names used as %(name)s in these entries: helper variables are keys nobody else reads, on purpose. */
function referencedNames(entries: Iterable<{ value: string }>): Set<string> {
  const names = new Set<string>();
  for (const e of entries) {
    if (!e.value.includes('%(')) continue;
    for (const t of scanPercents(e.value)) if (t.kind === 'reference') names.add(t.name!);
  }
  return names;
}

/**
 * Where a key can be used as %(key)s: a section's keys by the values of that
 * section (every part of it, when its name repeats); [DEFAULT]'s by any value.
 */
function usedNames(model: ConfigModel): (section: Section) => Set<string> {
  const byName = new Map<string, Set<string>>();
  return (section) => {
    let names = byName.get(section.name);
    if (!names) {
      const sections = section.name === DEFAULT_SECTION ? model.parsed.sections : model.parsed.sections.filter((s) => s.name === section.name);
      byName.set(section.name, (names = referencedNames(sections.flatMap((s) => s.entries))));
    }
    return names;
  };
}

export const unknownKey: Rule<Data> = {
  id: 'unknown-key',
  category: 'values',
  severity: 'warning',
  description: 'A key nothing reads in that section, often a misspelling.',
  scope: 'section',
  check({ model, focus, report }) {
    const unknown = keyFacts(model, focus).unknown;
    if (unknown.length === 0) return;
    const referenced = usedNames(model);
    for (const entry of unknown) {
      const kind = model.kindOf(entry.section);
      const uwsgi = kind === 'uwsgi';
      const { name, prefix } = baseKey(entry.key);
      if (referenced(entry.section).has(entry.key)) continue;
      // Never suggest a key the section already has: renaming to it would repeat it.
      const present = entry.section.entries.map((e) => baseKey(e.key).name);
      const suggestions = suggest(name, exactNames(kind).filter((n) => !present.includes(n)));
      // uWSGI has hundreds of options and plugins: only a near-miss of a known one is worth a word.
      if (uwsgi && suggestions.length === 0) continue;
      const reader = SECTION_KINDS[kind].readBy;
      report({
        range: entry.keyRange,
        message: `${reader} does not read "${name}" in [${entry.section.name}], so this line has no effect.${suggestions.length ? ` Did you mean "${suggestions[0]}"?` : ' Check the spelling, or remove it.'}`,
        data: { line: entry.keyRange.start.line, suggestions, prefix } satisfies Data,
      });
    }
  },
  fix({ model }, diagnostic) {
    const d = diagnostic.data;
    const entry = entryAt(model, d.line);
    if (!entry) return [];
    return d.suggestions.map((s, i): Fix => ({ title: `Change to "${s}"`, edits: [renameKeyEdit(entry, d.prefix ? `${d.prefix} ${s}` : s)], preferred: i === 0 }));
  },
};
