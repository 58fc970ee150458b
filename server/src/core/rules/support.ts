// Small helpers the deployment rules share: where settings live, how to describe
// the reason for a warning, and how to edit uWSGI values without eating the
// "; comment" text that uWSGI users keep after them.

import { SECTION_KINDS } from '../catalog/sections';
import type { KeyInfo, ValueType } from '../catalog/types';
import { factOfBoth } from '../syntax/facts';
import type { Focus } from '../syntax/focus';
import { valueKind, type ValueVerdict } from '../catalog/value-kinds';
import type { MultiWorkerReason, ServerInfo } from '../model/deployment';
import type { TextEdit } from '../analysis/diagnostics';
import { commentOutLines, entryTextLines, insertLineAfter, moveToCommentLine, setKeyEdit } from '../edits/edits';
import type { ConfigModel } from '../model/model';
import type { Entry, ParsedConfig, Section } from '../syntax/parser';
import { APP_PREFIXES } from '../syntax/section-names';
import { lineRange } from '../syntax/text';

export function basename(path: string): string {
  const p = path.replace(/\\/g, '/');
  return p.slice(p.lastIndexOf('/') + 1);
}

export function relativeTo(from: string, to: string): string {
  const a = from.replace(/\\/g, '/').split('/').slice(0, -1);
  const b = to.replace(/\\/g, '/').split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

/** "4 gunicorn worker processes (line 72)" and the like, for messages. */
export function describeMultiWorker(reason: MultiWorkerReason, selfPath: string): string {
  switch (reason.kind) {
    case 'workers':
      return `${reason.count} ${SECTION_KINDS[reason.server].readBy} worker processes (line ${reason.entry.keyRange.start.line + 1})`;
    case 'setting':
      return `${reason.count} worker processes (the setting kallithea.deployment.workerProcesses)`;
    case 'instances': {
      const names = reason.peers.map((p) => relativeTo(selfPath, p.path));
      return `${reason.peers.length + 1} instances of this site (with ${names.slice(0, 3).join(', ')}${names.length > 3 ? ', ...' : ''})`;
    }
  }
}

/** The first header line of a section, for diagnostics about something missing from it. */
export function sectionHeader(parsed: ParsedConfig, name: string): Section | undefined {
  return parsed.sections.find((s) => s.name === name);
}

/** The range of the first whitespace-separated word of an entry's value (empty at its start when there is none). */
export function firstWordRange(entry: Entry): TextEdit['range'] {
  const part = entry.parts[0];
  const m = /^\S*/.exec(part.text)!;
  return lineRange(part.line, part.character, part.character + m[0].length);
}

/** Set a uWSGI option: replace only its first word when it exists, so a trailing "; note" stays. */
export function setUwsgiEdit(model: ConfigModel, key: string, value: string, eol: string): TextEdit | undefined {
  const entry = model.sections.get('uwsgi')?.get(key);
  if (entry && entry.parts[0].text !== '') return { range: firstWordRange(entry), newText: value };
  return setKeyEdit(model.parsed, 'uwsgi', key, value, eol);
}

export function commentOutEntry(parsed: ParsedConfig, entry: Entry): TextEdit[] {
  return commentOutLines(parsed, entryTextLines(entry));
}

/** Insert `key = value` right after an existing entry (to keep related settings together). */
export function insertAfterEntry(parsed: ParsedConfig, entry: Entry, key: string, value: string, eol: string): TextEdit {
  const indent = /^\s*/.exec(parsed.lines.text(entry.range.start.line))![0];
  return insertLineAfter(parsed, entry.range.end.line, `${indent}${key} = ${value}`, eol);
}

/** Find the entry a diagnostic's data points at (by its key line), as the model sees it now. */
export function entryAt(model: ConfigModel, line: number): Entry | undefined {
  const owner = model.parsed.ownerAt(line);
  return owner && 'key' in owner ? owner : undefined;
}

/**
 * Keep only the first word of a one-line value and move the rest above the key as a
 * comment (the usual repair for "value ; note"). Undefined when there is nothing after the word.
 */
export function keepFirstWordEdits(parsed: ParsedConfig, entry: Entry, eol: string): TextEdit[] | undefined {
  if (entry.parts.length !== 1) return undefined;
  const part = entry.parts[0];
  const word = /^\S+/.exec(part.text)?.[0];
  if (!word || word.length === part.text.length) return undefined;
  const rest = part.text.slice(word.length).trim();
  const comment = rest.startsWith(';') || rest.startsWith('#') ? rest : `# ${rest}`;
  return moveToCommentLine(parsed, entry.keyRange.start.line, comment, lineRange(part.line, part.character + word.length, part.character + part.text.length), eol);
}

/**
 * gunicorn's worker model from worker_class: 'sync' (the default; with threads > 1
 * it runs as gthread), 'gthread', or 'async' (gevent, eventlet, tornado: one
 * process serving many requests at once, which ignores `threads` and treats
 * `timeout` as a heartbeat rather than a limit per request).
 */
export function gunicornWorkerModel(server: ServerInfo): { model: 'sync' | 'gthread' | 'async' | 'other'; name: string } {
  const name = (server.value('worker_class') ?? 'sync').trim();
  const short = name.toLowerCase().replace(/^egg:gunicorn#/, '').replace(/^gunicorn\.workers\./, '');
  if (short === 'sync' || short === 'sync.syncworker') return { model: 'sync', name };
  if (short === 'gthread' || short === 'gthread.threadworker') return { model: 'gthread', name };
  if (/^(gevent|eventlet|tornado|ggevent|geventlet|gtornado)/.test(short)) return { model: 'async', name };
  return { model: 'other', name };
}

/** A line whose value its reader refuses or misreads, with the reading and the check's verdict. */
interface MisreadValue {
  entry: Entry;
  value: string;
  info: KeyInfo;
  verdict: ValueVerdict;
}

const CHECKED_TYPES: ReadonlySet<ValueType['kind']> = new Set(['bool', 'int', 'enum']);

/**
 * The lines whose values the value rules report, found in one pass per model: lines a
 * program reads (not repeated, not dropped by PasteDeploy, not `get` copies), outside
 * [uwsgi] (uWSGI reads numbers and switches its own forgiving way), whose catalog type
 * has a check (a switch, a number, a list of values) that the value fails. Only those
 * are kept: most values are fine, and a big file has many. Only in focus.
 */
const misread = factOfBoth((model: ConfigModel, focus: Focus): MisreadValue[] => {
  const out: MisreadValue[] = [];
  for (const run of focus.entryRuns()) {
    if (model.kindOf(run.section) === 'uwsgi') continue;
    for (let i = run.from; i < run.to; i++) {
      const info = model.keyInfoAt(i);
      if (!info || !CHECKED_TYPES.has(info.type.kind)) continue;
      // Most values pass: the line's object is kept only for one that does not.
      const reading = model.lineValue(model.parsed.peekEntry(i));
      if (reading.how === 'refused' || reading.how === 'dropped' || reading.how === 'get' || reading.value === undefined) continue;
      const verdict = valueKind(info.type).check?.(info.type, reading.value);
      if (verdict) out.push({ entry: model.parsed.entry(i), value: reading.value, info, verdict });
    }
  }
  return out;
});

/** Lines whose catalog type is `kind` and whose value the reader refuses or misreads (the value kind's check), with the verdict. */
export function misreadValues<K extends ValueType['kind']>(
  model: ConfigModel,
  focus: Focus,
  kind: K,
): { entry: Entry; value: string; info: KeyInfo; type: Extract<ValueType, { kind: K }>; verdict: ValueVerdict }[] {
  return misread(model, focus)
    .filter((m) => m.info.type.kind === kind)
    .map((m) => ({ ...m, type: m.info.type as Extract<ValueType, { kind: K }> }));
}

/** Lines grouped by what the catalog says of their key, for the rules about keys. */
export interface KeyFacts {
  /** In [app:*] or [DEFAULT], a setting Kallithea keeps in its database (repeated lines included). */
  fromDatabase: Entry[];
  /** Old names (not repeated lines). */
  deprecated: { entry: Entry; info: KeyInfo }[];
  /** `celery.imports` lines. */
  celeryImports: Entry[];
  /** Keys nothing reads any more. */
  noEffect: Entry[];
  /** Keys the catalog does not know, in sections whose keys it covers (and [uwsgi]). */
  unknown: Entry[];
}

/** One pass over the lines in focus for every rule about keys, instead of one pass per rule. */
export const keyFacts = factOfBoth((model: ConfigModel, focus: Focus): KeyFacts => {
  const facts: KeyFacts = { fromDatabase: [], deprecated: [], celeryImports: [], noEffect: [], unknown: [] };
  const { parsed } = model;
  for (const run of focus.entryRuns()) {
    const kind = model.kindOf(run.section);
    const unknownCounts = kind === 'uwsgi' || SECTION_KINDS[kind].checked;
    const fromDatabaseCounts = kind === 'app' || kind === 'defaults';
    for (let i = run.from; i < run.to; i++) {
      const info = model.keyInfoAt(i);
      if (info?.fromDatabase && fromDatabaseCounts) facts.fromDatabase.push(parsed.entry(i));
      if (parsed.firstOf(i) !== i) continue;
      if (!info) {
        if (unknownCounts) facts.unknown.push(parsed.entry(i));
        continue;
      }
      if (info.deprecated) facts.deprecated.push({ entry: parsed.entry(i), info });
      else if (info.name === 'celery.imports') facts.celeryImports.push(parsed.entry(i));
      if (info.noEffect) facts.noEffect.push(parsed.entry(i));
    }
  }
  return facts;
});

/**
 * `reads` of a file-wide rule that looks only at the app's settings: they come from
 * the app section and [DEFAULT] (whose edits make a full lint anyway), so the rule
 * keeps its findings while a keystroke changes any other section.
 */
export function appSettingSections(name: string): boolean {
  return APP_PREFIXES.some((prefix) => name.startsWith(prefix + ':'));
}
