import type { Rule } from '../analysis/diagnostics';
import { generationOf, olderThan } from '../model/generation';
import { CACHE_REGIONS, declaredRegions } from '../catalog/cache-regions';
import { cacheRegionEdits } from '../edits/cache-regions';
import { entryAt, sectionHeader } from './support';

interface Data {
  missing: string[];
  line?: number;
}

export const missingCacheRegion: Rule<Data> = {
  id: 'missing-cache-region',
  category: 'startup',
  severity: 'error',
  description: '`beaker.cache.regions` lacks `long_term` or `long_term_file`, which 0.7 caches in; summary pages and feeds fail.',
  check({ model, report }) {
    const app = model.appSection();
    if (!app) return;
    const have = declaredRegions(model);
    const missing = CACHE_REGIONS.filter((r) => !have.includes(r.name));
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
