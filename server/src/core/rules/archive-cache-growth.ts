import type { Rule } from '../diagnostics';

export const archiveCacheGrowth: Rule = {
  id: 'archive-cache-growth',
  severity: 'information',
  description: 'Nothing ever cleans archive_cache_dir or the Beaker file cache; plan a periodic clean-up.',
  check({ model, report }) {
    const s = model.appSetting('archive_cache_dir');
    if (!s?.entry || !s.value?.trim()) return;
    const cache = model.appSetting('cache_dir')?.value?.trim();
    const dirs = [s.value.trim(), ...(cache ? [`${cache}/cache`] : [])];
    report({
      range: s.entry.keyRange,
      message: `Kallithea stores every downloaded archive in ${s.value.trim()} and never removes one (the Beaker file cache${cache ? ` in ${cache}/cache` : ''} grows the same way). Clean up regularly, e.g. daily from cron: find ${dirs.join(' ')} -type f -mtime +30 -delete`,
    });
  },
};
