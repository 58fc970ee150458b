// Inlay hints: short notes the editor shows inside the text, computed from the model.
// - after a `%(name)s` reference, the value it expands to (with %(here)s resolved);
// - after a key PasteDeploy ignores because [DEFAULT] has the same name, that it is ignored;
// - after the web server's worker setting, its processes times threads;
// - after `sqlalchemy.pool_size`, the site's connection total against the database's limit.
// A secret never appears: a reference to a secret key gets no hint, and passwords in
// URLs are masked.

import { displayValue, isSecretKey } from '../catalog/display';
import { SECTION_KINDS } from '../catalog/sections';
import type { LintEnvironment } from '../model/deployment';
import { connectionBudget, workerLayout, workerProcesses, workersLabel } from '../model/connections';
import type { ConfigModel } from '../model/model';
import { scanPercents } from '../syntax/percents';
import type { Entry } from '../syntax/parser';
import type { Position } from '../syntax/text';
import { valueOffsetToPosition } from '../syntax/value-offsets';

const MAYBE_SECRET = /pass|secret|token|key|credential|auth/i;

export interface InlayHintItem {
  position: Position;
  label: string;
  tooltip?: string;
  /** 'value': what something expands to; 'note': a fact about the line. */
  kind: 'value' | 'note';
}

/** The hints on lines [fromLine, toLine]. */
export function inlayHints(model: ConfigModel, fromLine: number, toLine: number, env: LintEnvironment): InlayHintItem[] {
  const hints: InlayHintItem[] = [];
  for (const section of model.parsed.sections) {
    const last = section.entryCount ? section.entry(section.entryCount - 1).range.end.line : section.line;
    if (last < fromLine || section.line > toLine) continue;
    const kind = SECTION_KINDS[model.kindOf(section)];
    const interpolated = kind.reader !== 'uwsgi' && kind.reader !== 'unknown';
    for (const entry of section.entries) {
      const line = entry.keyRange.start.line;
      if (line < fromLine || line > toLine) continue;
      if (interpolated && !kind.rawKeys?.includes(entry.key)) referenceHints(model, entry, hints);
      if (model.lineValue(entry).how === 'dropped')
        hints.push({ position: entry.valueRange.end, label: 'ignored: [DEFAULT] wins', kind: 'note', tooltip: `PasteDeploy skips a plain key that [DEFAULT] also sets; write "set ${entry.key} = ..." here to override it.` });
    }
  }
  workerHint(model, fromLine, toLine, env, hints);
  poolHint(model, fromLine, toLine, env, hints);
  return hints.sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
}

function referenceHints(model: ConfigModel, entry: Entry, hints: InlayHintItem[]): void {
  if (!entry.value.includes('%(')) return;
  for (const token of scanPercents(entry.value)) {
    if (token.kind !== 'reference' || !token.name) continue;
    const name = token.name;
    // A hint is read over a shoulder: any name that may hold a secret gets none, beyond the catalog's secret keys.
    if (isSecretKey('app', name) || MAYBE_SECRET.test(name)) continue;
    const got = model.get(entry.section.name, name);
    if (!got?.ok) continue;
    hints.push({
      position: valueOffsetToPosition(entry, token.offset + token.length),
      label: `= ${displayValue(got.value, false, 60)}`,
      kind: 'value',
      tooltip: `%(${name})s expands to this here`,
    });
  }
}

function workerHint(model: ConfigModel, fromLine: number, toLine: number, env: LintEnvironment, hints: InlayHintItem[]): void {
  const { entry, threads } = workerLayout(model);
  if (!entry) return;
  const line = entry.keyRange.start.line;
  if (line < fromLine || line > toLine) return;
  hints.push({ position: entry.valueRange.end, label: workersLabel(workerProcesses(model, env.settings), threads), kind: 'note', tooltip: 'Worker processes and threads per process that serve requests in this instance.' });
}

function poolHint(model: ConfigModel, fromLine: number, toLine: number, env: LintEnvironment, hints: InlayHintItem[]): void {
  const pool = model.appSetting('sqlalchemy.pool_size')?.entry;
  if (!pool) return;
  const line = pool.keyRange.start.line;
  if (line < fromLine || line > toLine) return;
  const budget = connectionBudget(model, env);
  if (!budget) return;
  const instances = budget.instances.length;
  hints.push({
    position: pool.valueRange.end,
    label: `site: ${budget.total} of ${budget.limit} connections`,
    kind: 'note',
    tooltip: `(pool_size + max_overflow) × worker processes${instances > 1 ? ` over ${instances} instances` : ''}${budget.celery ? ', plus Celery' : ''}, against ${budget.server}'s max_connections.`,
  });
}
