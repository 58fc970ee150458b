// Incremental analysis: what the lint of one version of a document leaves for the
// lint of the next. The file is cut into spans: the lines before the first header,
// then each section from its header to the next one. Python reads a section the
// same way whatever comes before its header, so after an edit a span whose text is
// unchanged keeps what the section-scoped rules found in it (moved with it when
// lines were added or removed above). Those rules look again only at the spans
// that changed, the other spans of the same name, and [DEFAULT]; the file-wide
// rules run on the whole file every time (they read a few settings, not every line).
//
// A change that can alter how every section reads (a header added, removed or
// renamed, [DEFAULT] edited, another path, other rule settings) or a rule that
// failed last time makes the lint a full one. The property test
// (test/core/incremental.test.ts) checks, edit after edit, that the result is
// exactly what a full analysis of the same text gives.

import { DEFAULT_SECTION, type ParsedConfig } from '../syntax/parser';
import { Focus, type LineSpan } from '../syntax/focus';
import type { ConfigModel } from '../model/model';
import type { AnyRule, Diagnostic, RelatedLocation } from './diagnostics';
import type { Range } from '../syntax/text';

interface Span extends LineSpan {
  /** The section's name; undefined for the lines before the first header. */
  name: string | undefined;
}

/** What one lint leaves for the next lint of the same document. */
export interface LintRecord {
  readonly parsed: ParsedConfig;
  readonly filePath: string;
  /** The rule settings it ran with. */
  readonly settings: string;
  readonly spans: readonly Span[];
  /** Per span: what the section-scoped rules found there. */
  readonly found: readonly (readonly Diagnostic[])[];
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

function spansOf(parsed: ParsedConfig): Span[] {
  const { sections, lines } = parsed;
  const spans: Span[] = [{ name: undefined, from: 0, to: sections.length ? sections[0].line : lines.length }];
  for (let i = 0; i < sections.length; i++) spans.push({ name: sections[i].name, from: sections[i].line, to: i + 1 < sections.length ? sections[i + 1].line : lines.length });
  return spans;
}

function spanText(parsed: ParsedConfig, span: Span): string {
  if (span.from >= span.to) return '';
  const { lines } = parsed;
  return parsed.text.slice(lines.offset(span.from), span.to < lines.length ? lines.offset(span.to) : parsed.text.length);
}

/** The index of the span holding `line` (spans are sorted and cover every line). */
function spanAt(spans: readonly Span[], line: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (spans[mid].from <= line) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const EMPTY: readonly Diagnostic[] = [];

export function planRun(model: ConfigModel, settings: string, rules: readonly AnyRule[], previous?: LintRecord): RunPlan {
  const parsed = model.parsed;
  const spans = spansOf(parsed);
  const whole = Focus.whole(parsed);
  const appSettings = new Map<string, string | undefined>();
  for (const rule of rules) for (const name of rule.readsAppSettings ?? []) if (!appSettings.has(name)) appSettings.set(name, model.appSetting(name)?.value);
  const full = (): RunPlan => ({
    focusFor: () => whole,
    skips: () => false,
    reused: EMPTY,
    record: (fresh, failed) => makeRecord(model, settings, spans, appSettings, fresh, [], failed, parsed.lines.length, new Map(), rules),
  });
  if (!previous || previous.failed || previous.filePath !== model.filePath || previous.settings !== settings || previous.spans.length !== spans.length || previous.parsed.bom !== parsed.bom) return full();
  const before = previous.spans;
  const changed: boolean[] = [];
  const changedNames = new Set<string | undefined>();
  for (let i = 0; i < spans.length; i++) {
    if (spans[i].name !== before[i].name) return full();
    const same = spans[i].to - spans[i].from === before[i].to - before[i].from && spanText(parsed, spans[i]) === spanText(previous.parsed, before[i]);
    changed.push(!same);
    if (same) continue;
    // [DEFAULT] reaches every section (interpolation, PasteDeploy's global settings).
    if (spans[i].name === DEFAULT_SECTION) return full();
    changedNames.add(spans[i].name);
  }
  // The spans looked at again: the changed ones, every other span of their names
  // (repeated keys across them, the kind their first `use` gives), and [DEFAULT],
  // whose findings may depend on any section (a key used as %(key)s anywhere).
  const dirty = spans.map((s, i) => changed[i] || (s.name !== undefined && changedNames.has(s.name)) || s.name === DEFAULT_SECTION);
  const moved = spans.some((s, i) => s.from !== before[i].from);
  const focusSpans: LineSpan[] = [];
  for (let i = 0; i < spans.length; i++) {
    if (!dirty[i]) continue;
    const last = focusSpans[focusSpans.length - 1];
    if (last && last.to === spans[i].from) last.to = spans[i].to;
    else focusSpans.push({ from: spans[i].from, to: spans[i].to });
  }
  const changedFocus = Focus.of(parsed, focusSpans);
  const appSettingChanged = (rule: AnyRule) => rule.readsAppSettings?.some((name) => previous.appSettings.get(name) !== appSettings.get(name)) ?? false;
  const looksAtWhole = (rule: AnyRule) => rule.scope !== 'section' || (rule.mentionsLines && moved) || appSettingChanged(rule);
  const byId = new Map(rules.map((r) => [r.id, r]));
  const reusedBySpan: (readonly Diagnostic[])[] = [];
  const reused: Diagnostic[] = [];
  const moveLine = (line: number) => line + spans[spanAt(before, line)].from - before[spanAt(before, line)].from;
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
  for (let i = 0; i < spans.length; i++) {
    const old = previous.found[i];
    if (dirty[i] || old.length === 0) {
      reusedBySpan.push(EMPTY);
      continue;
    }
    const delta = spans[i].from - before[i].from;
    const kept: Diagnostic[] = [];
    for (const d of old) {
      const rule = byId.get(d.rule);
      if (!rule || looksAtWhole(rule)) continue;
      kept.push(delta === 0 ? d : moveDiagnostic(d, moveLine));
    }
    reusedBySpan.push(kept);
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
  spans: Span[],
  appSettings: ReadonlyMap<string, string | undefined>,
  fresh: readonly Diagnostic[],
  reusedBySpan: readonly (readonly Diagnostic[])[],
  failed: boolean,
  linesLookedAt: number,
  reusedByRule: ReadonlyMap<string, readonly Diagnostic[]>,
  rules: readonly AnyRule[],
): LintRecord {
  const found: Diagnostic[][] = [];
  for (let i = 0; i < spans.length; i++) found.push(reusedBySpan[i]?.length ? [...reusedBySpan[i]] : []);
  const foundByRule = new Map<string, Diagnostic[]>();
  for (const rule of rules) if (rule.reads) foundByRule.set(rule.id, [...(reusedByRule.get(rule.id) ?? [])]);
  for (const d of fresh) {
    const byRule = foundByRule.get(d.rule);
    if (byRule) byRule.push(d);
    else found[spanAt(spans, d.range.start.line)].push(d);
  }
  return { parsed: model.parsed, filePath: model.filePath, settings, spans, appSettings, found: found.map((f) => (f.length ? f : EMPTY)), foundByRule, failed, linesLookedAt };
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
