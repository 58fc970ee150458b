import type { Rule, TextEdit } from '../analysis/diagnostics';
import { setKeyEdit, setValueEdit } from '../edits/edits';
import { generationOf, olderThan, type GenerationId } from '../model/generation';
import type { ConfigModel } from '../model/model';
import { lineRange } from '../syntax/text';
import { entryAt, sectionHeader } from './support';

/** The Beaker cache regions Kallithea 0.7's code caches in, and the template's settings for them. */
const REGIONS: readonly { name: string; uses: string; settings: [string, string][]; since: GenerationId }[] = [
  { name: 'long_term', uses: 'user names and avatars on every page', settings: [['type', 'memory'], ['expire', '36000'], ['key_length', '256']], since: 'rhodecode' },
  { name: 'long_term_file', uses: 'repository summary pages (the README) and the RSS and Atom feeds', settings: [['type', 'file'], ['expire', '604800'], ['key_length', '256']], since: 'kallithea-0.6' },
];

interface Data {
  missing: string[];
  line?: number;
}

function declared(model: ConfigModel): string[] {
  return (model.appSetting('beaker.cache.regions')?.value ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
}

/**
 * Edits that declare the missing regions and give each the template's settings
 * (those the file does not set already). New lines go at the end of the regions
 * line, so that an edit at the start of the next line cannot end up before them.
 */
export function cacheRegionEdits(model: ConfigModel, eol: string): { edits: TextEdit[]; added: string[] } {
  const app = model.appSection();
  const have = declared(model);
  const missing = REGIONS.filter((r) => !have.includes(r.name));
  if (!app || missing.length === 0) return { edits: [], added: [] };
  const settings = missing.flatMap((r) => r.settings.filter(([k]) => !model.appSetting(`beaker.cache.${r.name}.${k}`)).map(([k, v]) => `beaker.cache.${r.name}.${k} = ${v}`));
  const value = [...have, ...missing.map((r) => r.name)].join(',');
  const regions = model.appSetting('beaker.cache.regions')?.entry;
  // A value over several lines (indented lines below it continue it) is left to a person.
  if (regions && regions.parts.length > 1) return { edits: [], added: [] };
  if (regions && regions.section.name === app) {
    const end = regions.range.end;
    const lineEnd = model.parsed.lines[end.line].text.length;
    const edits = [setValueEdit(regions, value)];
    if (settings.length) edits.push({ range: lineRange(end.line, lineEnd, lineEnd), newText: eol + settings.join(eol) });
    return { edits, added: missing.map((r) => r.name) };
  }
  const edit = setKeyEdit(model.parsed, app, 'beaker.cache.regions', [value, ...settings].join(eol), eol);
  return { edits: edit ? [edit] : [], added: edit ? missing.map((r) => r.name) : [] };
}

export const missingCacheRegion: Rule<Data> = {
  id: 'missing-cache-region',
  category: 'startup',
  severity: 'error',
  description: '`beaker.cache.regions` lacks `long_term` or `long_term_file`, which 0.7 caches in; summary pages and feeds fail.',
  check({ model, report }) {
    const app = model.appSection();
    if (!app) return;
    const have = declared(model);
    const missing = REGIONS.filter((r) => !have.includes(r.name));
    if (missing.length === 0) return;
    const regions = model.appSetting('beaker.cache.regions');
    const generation = generationOf(model).id;
    const names = missing.map((r) => r.name).join(' and ');
    report({
      range: regions?.entry ? regions.entry.valueRange : sectionHeader(model.parsed, app)!.headerRange,
      message: `The Beaker cache region${missing.length > 1 ? 's' : ''} ${names} ${missing.length > 1 ? 'are' : 'is'} not in beaker.cache.regions: Kallithea 0.7 caches ${missing.map((r) => r.uses).join(', and ')} there, and Beaker fails those pages with "Cache region not configured". Add ${missing.length > 1 ? 'them' : 'it'} with the template's settings.`,
      // long_term_file is new in 0.6: a file written for an older release did not need it.
      versionOnly: missing.every((r) => olderThan(generation, r.since)),
      data: { missing: missing.map((r) => r.name), line: regions?.entry?.keyRange.start.line } satisfies Data,
    });
  },
  fix({ model, eol }, diagnostic) {
    const d = diagnostic.data;
    if (d.line !== undefined && !entryAt(model, d.line)) return [];
    const { edits, added } = cacheRegionEdits(model, eol);
    return edits.length ? [{ title: `Add the cache region${added.length > 1 ? 's' : ''} ${added.join(' and ')}`, edits, preferred: true }] : [];
  },
};
