// Completion: section names, keys valid in the current section (those already set
// left out) with their one-line docs, values for switches and enumerations, use =
// entry points, %(name)s references in scope, and the snippets.

import { baseKey, keysFor } from '../catalog';
import { spellingsOf } from '../model/app-options';
import type { KeyInfo, SectionKind } from '../catalog/types';
import { code, prose } from './markdown';
import type { ConfigModel } from '../model/model';
import { DEFAULT_SECTION, type Entry, type Section } from '../syntax/parser';
import { classifySection, SECTION_KINDS } from '../catalog/sections';
import { ALL_SNIPPETS, resolveVariables } from './snippets';
import { skipSpace, skipSpaceBack, type Position, type Range } from '../syntax/text';
import { valueKind } from '../catalog/value-kinds';

export type CompletionKind = 'section' | 'key' | 'value' | 'reference' | 'snippet';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Text to insert; a snippet (with tab stops) when `snippet` is true. */
  insertText: string;
  snippet?: boolean;
  /** The text the item replaces. */
  range: Range;
  sortText?: string;
  preselect?: boolean;
}

export interface CompletionOptions {
  /** Offer the snippets as items (editors other than VS Code, which has them natively). */
  snippets?: boolean;
  /** Random hex digits, for snippets that create secrets. */
  hex?: (digits: number) => string;
}

/** What to offer after `use =`: the first `use` of each kind of section of the same family. */
function usesFor(kind: SectionKind): string[] {
  const family = kind.split(':')[0];
  return (Object.keys(SECTION_KINDS) as SectionKind[]).filter((k) => k.split(':')[0] === family && SECTION_KINDS[k].uses).map((k) => SECTION_KINDS[k].uses![0]);
}

function sectionAt(model: ConfigModel, line: number): Section | undefined {
  for (let l = line; l >= 0; l--) {
    const owner = model.parsed.ownerAt(l);
    if (owner) return 'key' in owner ? owner.section : owner;
  }
  return undefined;
}

const range = (line: number, start: number, end: number): Range => ({ start: { line, character: start }, end: { line, character: end } });

export function complete(model: ConfigModel, pos: Position, options: CompletionOptions = {}): CompletionItem[] {
  const lineText = pos.line < model.parsed.lines.length ? model.parsed.lines.text(pos.line) : '';
  const before = lineText.slice(0, pos.character);

  const header = /^(\s*)\[([^\]]*)$/.exec(before);
  if (header) return sectionNames(model, range(pos.line, header[1].length + 1, pos.character), lineText.slice(pos.character).startsWith(']'));

  const reference = /%\(([^)]*)$/.exec(before);
  if (reference) return references(model, pos, range(pos.line, pos.character - reference[1].length, pos.character));

  const owner = model.parsed.ownerAt(pos.line);
  const entry = owner && 'key' in owner && owner.keyRange.start.line === pos.line ? owner : undefined;
  if (entry && pos.character > entry.delimiterRange.start.character) return values(model, entry, pos);

  const section = sectionAt(model, pos.line);
  const wordStart = skipSpace(lineText);
  if (before.slice(wordStart).includes('=') || before.slice(wordStart).includes(':')) return [];
  // The word being typed (Python's idea of whitespace decides where it starts; never an inverted range).
  const start = Math.min(wordStart, pos.character);
  const replace = range(pos.line, start, Math.max(start, entry ? entry.keyRange.end.character : Math.max(pos.character, skipSpaceBack(lineText))));
  const items = section ? keys(model, section, replace) : [];
  if (options.snippets) items.push(...snippets(replace, options.hex));
  return items;
}

function sectionNames(model: ConfigModel, replace: Range, closed: boolean): CompletionItem[] {
  const existing = new Set(model.parsed.sections.map((s) => s.name));
  const listed = (section: string, prefix: string) =>
    (model.sections.get(section)?.get('keys')?.value ?? '')
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean)
      .map((n) => prefix + n);
  const names = [
    DEFAULT_SECTION,
    'server:main',
    'filter:proxy-prefix',
    'app:main',
    'uwsgi',
    'alembic',
    'loggers',
    'handlers',
    'formatters',
    ...listed('loggers', 'logger_'),
    ...listed('handlers', 'handler_'),
    ...listed('formatters', 'formatter_'),
    'ssh_serve:logger_root',
  ];
  // The filter offered is the prefix filter, the only one a Kallithea config uses.
  const kindOf = (name: string) => classifySection(name, name === 'filter:proxy-prefix' ? SECTION_KINDS['filter:prefix'].uses![0] : undefined);
  return [...new Set(names)]
    .filter((n) => !existing.has(n))
    .map((name, i) => ({
      label: name,
      kind: 'section' as const,
      documentation: prose(SECTION_KINDS[kindOf(name)].about),
      insertText: closed ? name : `${name}]`,
      range: replace,
      sortText: String(i).padStart(3, '0'),
    }));
}

function references(model: ConfigModel, pos: Position, replace: Range): CompletionItem[] {
  const section = sectionAt(model, pos.line)?.name;
  if (!section || section === 'uwsgi') return [];
  const names = new Map<string, string>();
  for (const [name, b] of model.defaults) names.set(name, b.entry ? '[DEFAULT]' : 'built in');
  if (section !== DEFAULT_SECTION) for (const name of model.sections.get(section)?.keys() ?? []) names.set(name, `[${section}]`);
  const closeAfter = (model.parsed.lines.text(pos.line).slice(pos.character).match(/^[^)\s]*\)s/) ?? [''])[0];
  return [...names].map(([name, where]) => {
    const got = model.interpolateText(section, `%(${name})s`);
    return {
      label: name,
      kind: 'reference' as const,
      detail: where,
      documentation: got.ok ? `Expands to ${code(got.value)}` : undefined,
      insertText: closeAfter ? name : `${name})s`,
      range: closeAfter ? { start: replace.start, end: { line: replace.end.line, character: replace.end.character + closeAfter.length - 2 } } : replace,
    };
  });
}

function valuesFor(info: KeyInfo | undefined, kind: SectionKind, key: string): string[] {
  if (key === 'use') {
    const uses = usesFor(kind);
    if (uses.length) return uses;
  }
  return info ? valueKind(info.type).completions(info.type, info) : [];
}

function values(model: ConfigModel, entry: Entry, pos: Position): CompletionItem[] {
  const kind = model.kindOf(entry.section);
  const { name } = baseKey(entry.key);
  const info = model.keyInfo(entry);
  const options = valuesFor(info, kind, name);
  const part = entry.parts[0];
  const replace = range(pos.line, part.character, Math.max(pos.character, part.character + part.text.length));
  return options.map((value, i) => ({
    label: value,
    kind: 'value' as const,
    detail: info?.recommended === value ? 'recommended' : info?.default === value ? 'default' : undefined,
    documentation: info?.recommended === value && info.recommendedWhy ? prose(info.recommendedWhy) : undefined,
    insertText: value,
    range: replace,
    preselect: info?.recommended === value,
    sortText: (info?.recommended === value ? '0' : '1') + String(i).padStart(3, '0'),
  }));
}

function keys(model: ConfigModel, section: Section, replace: Range): CompletionItem[] {
  const kind = model.sectionKind(section.name);
  const present = new Set(section.name === DEFAULT_SECTION ? model.defaults.keys() : model.sections.get(section.name)?.keys() ?? []);
  const items: CompletionItem[] = [];
  for (const info of keysFor(kind)) {
    if (info.pattern || present.has(info.name) || info.deprecated || info.noEffect || info.fromDatabase) continue;
    // beaker.session.secret already sets session.secret: offering it again would make two lines for one option.
    if (spellingsOf(info.name)?.some((name) => present.has(name))) continue;
    if (info.name === 'here' || info.name === '__file__') continue;
    const first = info.description.split(/(?<=\.)\s/)[0];
    const value = info.recommended ?? (info.type.kind === 'bool' ? 'false' : '');
    items.push({
      label: info.name,
      kind: 'key',
      detail: first,
      documentation: [prose(info.description), info.default ? `Default when absent: ${prose(info.default)}` : '', info.recommended !== undefined ? `Recommended: ${code(info.recommended)}` : '']
        .filter(Boolean)
        .join('\n\n'),
      insertText: `${info.name} = \${1:${value.replace(/[$}\\]/g, '\\$&')}}`,
      snippet: true,
      range: replace,
      // The section's own keys first; in [DEFAULT], the e-mail keys the template puts there.
      sortText: (kind === 'defaults' && !info.sections.includes('defaults') ? '1' : '0') + info.name,
    });
  }
  return items;
}

function snippets(replace: Range, hex = (n: number) => '0'.repeat(n)): CompletionItem[] {
  return ALL_SNIPPETS.map((s) => ({
    label: s.prefix,
    kind: 'snippet' as const,
    detail: s.name,
    documentation: prose(s.description),
    insertText: resolveVariables(s.body.join('\n'), hex),
    snippet: true,
    range: replace,
    sortText: '9' + s.prefix,
  }));
}
