// The Beaker cache regions Kallithea 0.7 caches in, and which ones a file declares.

import type { ConfigModel } from '../model/model';
import type { GenerationId } from '../model/generation';

/** The Beaker cache regions Kallithea 0.7's code caches in, and the template's settings for them. */
export const CACHE_REGIONS: readonly { name: string; uses: string; settings: [string, string][]; since: GenerationId }[] = [
  { name: 'long_term', uses: 'user names and avatars on every page', settings: [['type', 'memory'], ['expire', '36000'], ['key_length', '256']], since: 'rhodecode' },
  { name: 'long_term_file', uses: 'repository summary pages (the README) and the RSS and Atom feeds', settings: [['type', 'file'], ['expire', '604800'], ['key_length', '256']], since: 'kallithea-0.6' },
];

/** The regions `beaker.cache.regions` declares. */
export function declaredRegions(model: ConfigModel): string[] {
  return (model.appSetting('beaker.cache.regions')?.value ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
}

