// What became of old keys and values in Kallithea 0.7: the new name of a renamed
// key, and the Celery task modules 0.7 no longer has. The deprecated-key rule and
// the upgrade both ask here.

import type { Entry } from '../syntax/parser';
import type { KeyInfo } from './types';

/** The task modules Kallithea 0.7 registers with Celery itself (lib/celery_app.py). */
const TASK_MODULES_07 = new Set(['kallithea.lib.indexers.daemon', 'kallithea.model.async_tasks', 'kallithea.model.notification', 'kallithea.model.repo']);

/** Modules a `celery.imports` line names that Kallithea 0.7 does not have (kallithea.lib.celerylib.tasks, rhodecode.*). */
export function missingTaskModules(value: string): string[] {
  return value.split(/\s+/).filter((m) => m !== '' && (m.startsWith('rhodecode.') || (m.startsWith('kallithea.') && !TASK_MODULES_07.has(m))));
}

/** The key an old line becomes in 0.7, when it is a plain rename (issue_prefix_x becomes issue_sub_x). */
export function replacementKey(entry: Entry, info: KeyInfo): string | undefined {
  const replacement = info.deprecated?.replacement;
  if (!replacement || info.deprecated?.combinedInto) return undefined;
  return info.pattern ? renameWithSuffix(entry.key, info.name, replacement) : replacement;
}

function renameWithSuffix(key: string, patternName: string, replacement: string): string {
  const stem = patternName.replace(/<[^>]*>.*$/, '');
  const newStem = replacement.replace(/<[^>]*>.*$/, '');
  return key.startsWith(stem) ? newStem + key.slice(stem.length) : replacement;
}
