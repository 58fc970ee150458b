// The name lists of Python's logging config and what each name points at:
// [loggers] keys -> [logger_NAME], [handlers] keys -> [handler_NAME],
// [formatters] keys -> [formatter_NAME], a logger's `handlers` -> [handler_NAME],
// a handler's `formatter` (and a MemoryHandler's `target`) -> [formatter_NAME] / [handler_NAME].

import { factOf } from '../syntax/facts';
import type { Entry, ParsedConfig, Section } from '../syntax/parser';
import { commandlessName } from '../catalog/sections';
import { lineRange, skipSpace, skipSpaceBack, type Range } from '../syntax/text';

export type NameKind = 'logger' | 'handler' | 'formatter';

/** A name in a logging list; its range is made when asked (lists can hold thousands of names). */
export class NameMention {
  constructor(
    readonly entry: Entry,
    readonly name: string,
    readonly kind: NameKind,
    private readonly line: number,
    private readonly character: number,
  ) {}

  get range(): Range {
    return lineRange(this.line, this.character, this.character + this.name.length);
  }
}

const LIST_KEYS: ReadonlySet<string> = new Set(['keys', 'handlers', 'formatter', 'target']);

/** Which name list an entry holds, if any. */
function listKind(entry: Entry): NameKind | undefined {
  // Only four keys hold names; most lines are none of them, so look at the key first.
  const key = entry.key;
  if (key !== 'keys' && key !== 'handlers' && key !== 'formatter' && key !== 'target') return undefined;
  const section = commandlessName(entry.section.name);
  if (entry.key === 'keys') {
    if (section === 'loggers') return 'logger';
    if (section === 'handlers') return 'handler';
    if (section === 'formatters') return 'formatter';
  }
  if (section.startsWith('logger_') && entry.key === 'handlers') return 'handler';
  if (section.startsWith('handler_') && entry.key === 'formatter') return 'formatter';
  if (section.startsWith('handler_') && entry.key === 'target') return 'handler';
  return undefined;
}

/**
 * Every name mentioned in a logging list, with its exact range (names are
 * comma-separated, spaces ignored). Not kept: lists can hold a name per line of a
 * big file, and a rename walks them once.
 */
export function nameMentions(parsed: ParsedConfig): NameMention[] {
  const out: NameMention[] = [];
  forEachMention(parsed, 'all', (entry, kind, name, line, character) => out.push(new NameMention(entry, name, kind, line, character)), true);
  return out;
}

type MentionVisitor = (entry: Entry, kind: NameKind, name: string, line: number, character: number) => void;

/**
 * Each name of the logging lists, in file order, without a list of them: 'lists' are
 * the `keys` of [loggers], [handlers] and [formatters], 'uses' the names loggers and
 * handlers use. The entries are made for the walk and not kept, unless `keep`.
 */
export function forEachMention(parsed: ParsedConfig, which: 'lists' | 'uses' | 'all', visit: MentionVisitor, keep = false): void {
  for (const section of listSections(parsed)) {
    // By key first: a logger's level or a handler's class needs no entry object.
    for (let i = section.firstEntry; i < section.firstEntry + section.entryCount; i++) {
      const key = parsed.entryKeys[i];
      if (!LIST_KEYS.has(key) || (which === 'lists' && key !== 'keys') || (which === 'uses' && key === 'keys')) continue;
      visitMentions(keep ? parsed.entry(i) : parsed.peekEntry(i), visit);
    }
  }
}

// Only the logging sections hold lists: a big file's other sections are skipped whole,
// and found once per parse (the rule walks the lists twice).
const listSections = factOf((parsed: ParsedConfig) => parsed.sections.filter((s) => holdsLists(s.name)));

/** [loggers], [handlers], [formatters], [logger_x], [handler_x] and their [command:...] overrides. */
function holdsLists(name: string): boolean {
  const section = commandlessName(name);
  return section === 'loggers' || section === 'handlers' || section === 'formatters' || section.startsWith('logger_') || section.startsWith('handler_');
}

/** The sections of Python's logging config: those with lists, and [formatter_x]. */
export function isLoggingSection(name: string): boolean {
  return holdsLists(name) || commandlessName(name).startsWith('formatter_');
}

/** The names an entry's value mentions, if the entry holds a logging list (added to `out`). */
export function mentionsIn(entry: Entry, out: NameMention[] = []): NameMention[] {
  visitMentions(entry, (e, kind, name, line, character) => out.push(new NameMention(e, name, kind, line, character)));
  return out;
}

function visitMentions(entry: Entry, visit: MentionVisitor): void {
  const kind = listKind(entry);
  if (!kind) return;
  // Line by line, so that a list of thousands of names costs one pass.
  for (const part of entry.parts) {
    // Each comma-separated piece, stripped (a name is the text between commas, without surrounding spaces).
    const text = part.text;
    for (let from = 0; from <= text.length; ) {
      let to = text.indexOf(',', from);
      if (to < 0) to = text.length;
      const start = skipSpace(text, from);
      const end = skipSpaceBack(text, to, start);
      if (end > start) visit(entry, kind, text.slice(start, end), part.line, part.character + start);
      from = to + 1;
    }
  }
}

/** The logging section a name refers to (the plain one, not a [command:...] override). */
export function definitionOf(parsed: ParsedConfig, kind: NameKind, name: string): Section | undefined {
  return loggingSections(parsed)[kind].get(name);
}

/** The first plain [logger_x], [handler_x] and [formatter_x] of each name, by kind and name (definitionOf() for many names). */
export const loggingSections = factOf((parsed: ParsedConfig) => {
  const byKind: Record<NameKind, Map<string, Section>> = { logger: new Map(), handler: new Map(), formatter: new Map() };
  for (const s of parsed.sections) {
    const named = plainSectionName(s.name);
    if (named && !byKind[named.kind].has(named.name)) byKind[named.kind].set(named.name, s);
  }
  return byKind;
});

const KINDS: readonly NameKind[] = ['logger', 'handler', 'formatter'];

/** `logger_x` and the like: the kind and the name, without regular expressions (this runs for every section). */
export function plainSectionName(section: string): { kind: NameKind; name: string } | undefined {
  for (const kind of KINDS) {
    if (section.length > kind.length + 1 && section.startsWith(kind) && section.charCodeAt(kind.length) === 0x5f /* _ */) return { kind, name: section.slice(kind.length + 1) };
  }
  return undefined;
}

/** For a [logger_x]/[handler_x]/[formatter_x] header (or its [command:...] override): its kind and name. */
export function sectionName(section: Section): { kind: NameKind; name: string } | undefined {
  return plainSectionName(commandlessName(section.name));
}
