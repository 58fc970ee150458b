// Incremental analysis: what the lint of one version of a document leaves for the
// lint of the next. The file is cut into spans: the lines before the first header,
// then each section from its header to the next one. Python reads a section the
// same way whatever comes before its header, so after an edit a span whose text is
// unchanged keeps what the section-scoped rules found in it (moved with it when
// lines were added or removed above). Those rules look again only at the spans
// that changed, the other spans of the same name, and [DEFAULT]. A file-wide rule
// that names the sections it reads runs again only when one of them changed; the
// others run on the whole file every time (they read a few settings, not every line).
//
// A change that can alter how every section reads (a header added, removed or
// renamed, [DEFAULT] edited, another path, other rule settings) or a rule that
// failed last time makes the lint a full one. The property test
// (test/helpers/incremental.ts) checks, edit after edit, that the result is
// exactly what a full analysis of the same text gives.

import { DEFAULT_SECTION, type ParsedConfig } from '../syntax/parser';
import { Focus, type LineSpan } from '../syntax/focus';
import { factOf } from '../syntax/facts';
import type { ConfigModel } from '../model/model';
import type { AnyRule, Diagnostic, RelatedLocation } from './diagnostics';
import type { Range } from '../syntax/text';

/**
 * The spans of a parse, worked out from its sections when asked (a file may have
 * tens of thousands): span 0 is the lines before the first header, span i > 0 is
 * the i-th section, from its header to the next one.
 */
class Spans {
  readonly count: number;

  constructor(readonly parsed: ParsedConfig) {
    this.count = parsed.sections.length + 1;
  }

  from(i: number): number {
    return i === 0 ? 0 : this.parsed.sections[i - 1].line;
  }

  to(i: number): number {
    return i < this.parsed.sections.length ? this.parsed.sections[i].line : this.parsed.lines.length;
  }

  /** The section's name; undefined for the lines before the first header. */
  name(i: number): string | undefined {
    return i === 0 ? undefined : this.parsed.sections[i - 1].name;
  }

  text(i: number): string {
    const from = this.from(i);
    const to = this.to(i);
    if (from >= to) return '';
    const { lines, text } = this.parsed;
    return text.slice(lines.offset(from), to < lines.length ? lines.offset(to) : text.length);
  }

  /** The span holding `line`: how many headers are at or above it. */
  at(line: number): number {
    const sections = this.parsed.sections;
    let lo = 0;
    let hi = sections.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sections[mid].line <= line) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** What one lint leaves for the next lint of the same document. */
export interface LintRecord {
  readonly parsed: ParsedConfig;
  readonly filePath: string;
  /** The rule settings it ran with. */
  readonly settings: string;
  /** By span (see Spans), for the spans that have any: what the section-scoped rules found there. */
  readonly found: ReadonlyMap<number, readonly Diagnostic[]>;
  /** What each file-wide rule that names the sections it reads found. */
  readonly foundByRule: ReadonlyMap<string, readonly Diagnostic[]>;
  /** The effective values of the app settings the section-scoped rules also read (readsAppSettings). */
  readonly appSettings: ReadonlyMap<string, string | undefined>;
  /** A rule failed: the next lint is a full one, so that the failure is reported as long as it happens. */
  readonly failed: boolean;
  /** How many lines the section-scoped rules looked at (the whole file for a full lint). */
  readonly linesLookedAt: number;
}

/** How one lint runs: what each rule looks at, and the earlier findings it keeps. */
export interface RunPlan {
  focusFor(rule: AnyRule): Focus;
  /** True for a file-wide rule whose sections did not change: its earlier findings are in `reused`. */
  skips(rule: AnyRule): boolean;
  /** Earlier findings of the section-scoped rules in spans they do not look at again (already moved). */
  readonly reused: readonly Diagnostic[];
  /** The record for the next lint, from the fresh findings of the section-scoped rules (none when nothing is kept). */
  record?(fresh: readonly Diagnostic[], failed: boolean): LintRecord;
}

/** A lint of the whole file that keeps nothing for a next one (the CLI, one-off analyses). */
export function wholeFile(parsed: ParsedConfig): RunPlan {
  const whole = Focus.whole(parsed);
  return { focusFor: () => whole, skips: () => false, reused: EMPTY };
}

export function settingsKey(rules: Record<string, unknown> | undefined): string {
  return rules ? JSON.stringify(rules) : '';
}

const EMPTY: readonly Diagnostic[] = [];

const rulesById = factOf((rules: readonly AnyRule[]) => new Map(rules.map((r) => [r.id, r])));

export function planRun(model: ConfigModel, settings: string, rules: readonly AnyRule[], previous?: LintRecord): RunPlan {
  const parsed = model.parsed;
  const spans = new Spans(parsed);
  const whole = Focus.whole(parsed);
  const appSettings = new Map<string, string | undefined>();
  for (const rule of rules) for (const name of rule.readsAppSettings ?? []) if (!appSettings.has(name)) appSettings.set(name, model.appSetting(name)?.value);
  const full = (): RunPlan => ({
    focusFor: () => whole,
    skips: () => false,
    reused: EMPTY,
    record: (fresh, failed) => makeRecord(model, settings, spans, appSettings, fresh, new Map(), failed, parsed.lines.length, new Map(), rules),
  });
  if (!previous || previous.failed || previous.filePath !== model.filePath || previous.settings !== settings || previous.parsed.bom !== parsed.bom) return full();
  const before = new Spans(previous.parsed);
  if (before.count !== spans.count) return full();
  const changed: boolean[] = [];
  const changedNames = new Set<string | undefined>();
  let moved = false;
  for (let i = 0; i < spans.count; i++) {
    const name = spans.name(i);
    if (name !== before.name(i)) return full();
    const from = spans.from(i);
    if (from !== before.from(i)) moved = true;
    const same = spans.to(i) - from === before.to(i) - before.from(i) && spans.text(i) === before.text(i);
    changed.push(!same);
    if (same) continue;
    // [DEFAULT] reaches every section (interpolation, PasteDeploy's global settings).
    if (name === DEFAULT_SECTION) return full();
    changedNames.add(name);
  }
  // The spans looked at again: the changed ones, every other span of their names
  // (repeated keys across them, the kind their first `use` gives), and [DEFAULT],
  // whose findings may depend on any section (a key used as %(key)s anywhere).
  const dirty = changed.map((c, i) => {
    const name = spans.name(i);
    return c || (name !== undefined && changedNames.has(name)) || name === DEFAULT_SECTION;
  });
  const focusSpans: LineSpan[] = [];
  for (let i = 0; i < spans.count; i++) {
    if (!dirty[i]) continue;
    const last = focusSpans[focusSpans.length - 1];
    if (last && last.to === spans.from(i)) last.to = spans.to(i);
    else focusSpans.push({ from: spans.from(i), to: spans.to(i) });
  }
  const changedFocus = Focus.of(parsed, focusSpans);
  const appSettingChanged = (rule: AnyRule) => rule.readsAppSettings?.some((name) => previous.appSettings.get(name) !== appSettings.get(name)) ?? false;
  const looksAtWhole = (rule: AnyRule) => rule.scope !== 'section' || (rule.mentionsLines && moved) || appSettingChanged(rule);
  const byId = rulesById(rules);
  const reusedBySpan = new Map<number, readonly Diagnostic[]>();
  const reused: Diagnostic[] = [];
  const moveLine = (line: number) => {
    const i = before.at(line);
    return line + spans.from(i) - before.from(i);
  };
  // File-wide rules whose sections did not change keep what they found.
  const skipped = new Set<string>();
  const reusedByRule = new Map<string, readonly Diagnostic[]>();
  for (const rule of rules) {
    const old = previous.foundByRule.get(rule.id);
    if (!old || !rule.reads || (rule.mentionsLines && moved) || [...changedNames].some((name) => name !== undefined && rule.reads!(name))) continue;
    const kept = moved ? old.map((d) => moveDiagnostic(d, moveLine)) : old;
    skipped.add(rule.id);
    reusedByRule.set(rule.id, kept);
    reused.push(...kept);
  }
  for (const [i, old] of previous.found) {
    if (dirty[i]) continue;
    const delta = spans.from(i) - before.from(i);
    const kept: Diagnostic[] = [];
    for (const d of old) {
      const rule = byId.get(d.rule);
      if (!rule || looksAtWhole(rule)) continue;
      kept.push(delta === 0 ? d : moveDiagnostic(d, moveLine));
    }
    if (kept.length === 0) continue;
    reusedBySpan.set(i, kept);
    reused.push(...kept);
  }
  return {
    focusFor: (rule) => (looksAtWhole(rule) ? whole : changedFocus),
    skips: (rule) => skipped.has(rule.id),
    reused,
    record: (fresh, failed) => makeRecord(model, settings, spans, appSettings, fresh, reusedBySpan, failed, changedFocus.lineCount, reusedByRule, rules),
  };
}

function makeRecord(
  model: ConfigModel,
  settings: string,
  spans: Spans,
  appSettings: ReadonlyMap<string, string | undefined>,
  fresh: readonly Diagnostic[],
  reusedBySpan: ReadonlyMap<number, readonly Diagnostic[]>,
  failed: boolean,
  linesLookedAt: number,
  reusedByRule: ReadonlyMap<string, readonly Diagnostic[]>,
  rules: readonly AnyRule[],
): LintRecord {
  const found = new Map<number, Diagnostic[]>();
  for (const [i, kept] of reusedBySpan) found.set(i, [...kept]);
  const foundByRule = new Map<string, Diagnostic[]>();
  for (const rule of rules) if (rule.reads) foundByRule.set(rule.id, [...(reusedByRule.get(rule.id) ?? [])]);
  for (const d of fresh) {
    const byRule = foundByRule.get(d.rule);
    if (byRule) {
      byRule.push(d);
      continue;
    }
    const i = spans.at(d.range.start.line);
    const list = found.get(i);
    if (list) list.push(d);
    else found.set(i, [d]);
  }
  return { parsed: model.parsed, filePath: model.filePath, settings, appSettings, found, foundByRule, failed, linesLookedAt };
}

const LINE_FIELD = /^line$|Line$/;

/** A finding moved with its section: its ranges, and the `line`/`...Line` fields of its data. */
function moveDiagnostic(d: Diagnostic, move: (line: number) => number): Diagnostic {
  const moveRange = (r: Range): Range => ({ start: { line: move(r.start.line), character: r.start.character }, end: { line: move(r.end.line), character: r.end.character } });
  let data = d.data;
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const copy: Record<string, unknown> = { ...(data as Record<string, unknown>) };
    for (const [k, v] of Object.entries(copy)) if (LINE_FIELD.test(k) && typeof v === 'number') copy[k] = move(v);
    data = copy;
  }
  const related = d.related?.map((r): RelatedLocation => ({ ...r, range: moveRange(r.range) }));
  return { ...d, range: moveRange(d.range), data, ...(related ? { related } : {}) };
}
