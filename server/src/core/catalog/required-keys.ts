// The keys Kallithea's code reads without a default: what breaks without each, the
// value the 0.7 generator writes, and the release that first needed it. The
// missing-required-key rule and the upgrade both ask here.

import type { Severity } from '../analysis/diagnostics';
import type { GenerationId } from '../model/generation';

export interface RequiredKey {
  key: string;
  section: 'app' | 'alembic';
  severity: Severity;
  breaks: string;
  /** The value Kallithea 0.7's generator writes. */
  value: string;
  /** The first generation that needed it; a file written for an older one did without. */
  since?: GenerationId;
}

/** Keys Kallithea's code reads without a default, what breaks without them, and the template value. */
export const REQUIRED: readonly RequiredKey[] = [
  { key: 'sqlalchemy.url', section: 'app', severity: 'error', breaks: 'Kallithea refuses to start (make_app requires it)', value: 'postgresql://kallithea:CHANGE-ME@localhost/kallithea' },
  { key: 'cache_dir', section: 'app', severity: 'error', breaks: 'background tasks that take a lock fail with KeyError, and sessions and caches have no folder', value: '%(here)s/data' },
  { key: 'index_dir', section: 'app', severity: 'warning', breaks: 'search pages and kallithea-cli index-create fail with KeyError', value: '%(here)s/data/index' },
  { key: 'cut_off_limit', section: 'app', severity: 'error', breaks: 'file pages fail with a TypeError and big diffs are never cut off', value: '256000' },
  { key: 'commit_parse_limit', section: 'app', severity: 'warning', breaks: 'the statistics task fails with a TypeError', value: '25', since: 'kallithea-0.1' },
  // Only `alembic -c my.ini upgrade` reads it; Kallithea itself runs without.
  { key: 'script_location', section: 'alembic', severity: 'information', breaks: 'database schema upgrades with alembic -c fail (Kallithea itself runs without it)', value: 'kallithea:alembic', since: 'kallithea-0.4' },
];
