// "Upgrade this config to Kallithea 0.7": one set of edits that renames what 0.7
// renamed, comments out what 0.7 does not read (the user's text stays in the
// file), and adds what 0.7 needs, keeping every value of the user. It is driven by
// the key catalog (deprecated keys and their replacements) plus the few changes
// that are not one key for another: the Celery 3 broker parts that make one URL,
// the RhodeCode egg and logging classes, the Paste HTTP server, [alembic].
// Applied to its own result it changes nothing.

import { useFor } from '../catalog/sections';
import { findKey } from '../catalog';
import type { TextEdit } from '../analysis/diagnostics';
import { capturesNextLine, commentOutLines, entryTextLines, renameKeyEdit, setValueEdit } from './edits';
import { generationOf } from '../model/generation';
import { translateIssuePrefix } from './issue-links';
import type { ConfigModel } from '../model/model';
import type { Entry, ParsedConfig, Section } from '../syntax/parser';
import { missingTaskModules, replacementKey } from '../catalog/renames';
import { cacheRegionEdits } from './cache-regions';
import { REQUIRED } from '../catalog/required-keys';
import { lineRange } from '../syntax/text';
import { supersededDuplicates } from '../syntax/duplicates';
import { readBool } from '../catalog/values';

export interface UpgradeResult {
  edits: TextEdit[];
  /** What the upgrade does, one line per change, for the CLI and previews. */
  changes: string[];
  /** Why nothing was done, when the file is not one to upgrade. */
  refused?: string;
}

const BROKER_PARTS = ['host', 'port', 'user', 'password', 'vhost'] as const;
type BrokerPart = (typeof BROKER_PARTS)[number];

/** RhodeCode's colour formatter and logger name, which Kallithea 0.7 has under its own name. */
const RHODECODE_CLASS = /^rhodecode(?=\.lib\.colored_formatter\.)/;
const RHODECODE_LOGGER = /^rhodecode(?=\.|$)/;

export function upgradeEdits(model: ConfigModel, eol: string, randomHex: (digits: number) => string): UpgradeResult {
  // Another application's config (RhodeCode 4, say) is not turned into a hybrid.
  const foreign = generationOf(model).foreignApp;
  if (foreign) return { edits: [], changes: [], refused: `its app section loads ${foreign}, not Kallithea` };
  const up = new Upgrade(model, eol);
  const app = model.appSection();
  const superseded = supersededDuplicates(model.parsed);
  for (const entry of model.parsed.entries) {
    // Python 2 (every release before 0.6) took the last of repeated keys; Python 3 refuses the file.
    if (superseded.has(entry)) {
      up.commentOutDuplicate(entry);
      continue;
    }
    const kind = model.kindOf(entry.section);
    if (kind === 'app' || kind === 'defaults') up.appEntry(entry);
    else if (kind === 'formatter' && entry.key === 'class') up.renameRhodecodeValue(entry, RHODECODE_CLASS);
    else if (kind === 'logger' && entry.key === 'qualname') up.renameRhodecodeValue(entry, RHODECODE_LOGGER);
  }
  up.broker();
  up.server();
  up.cacheRegions();
  if (app) up.additions(app, randomHex);
  return { edits: up.edits, changes: up.changes };
}

class Upgrade {
  readonly edits: TextEdit[] = [];
  readonly changes: string[] = [];
  /** Keys each section will have after the upgrade, to never rename onto an existing one. */
  private readonly keys = new Map<string, Set<string>>();
  private readonly brokerParts = new Map<BrokerPart, Entry>();
  private readonly parsed: ParsedConfig;

  constructor(
    private readonly model: ConfigModel,
    private readonly eol: string,
  ) {
    this.parsed = model.parsed;
    for (const [name, entries] of model.sections) this.keys.set(name, new Set(entries.keys()));
    this.keys.set('DEFAULT', new Set([...model.defaults.keys()]));
  }

  private has(section: string, key: string): boolean {
    return this.keys.get(section)?.has(key) ?? false;
  }

  private line(entry: Entry): string {
    return `line ${entry.keyRange.start.line + 1}`;
  }

  commentOutDuplicate(entry: Entry): void {
    this.commentOut(entry, `a later line sets ${entry.key} again; Python 2 used the last one, and Python 3 (Kallithea 0.6 and later) refuses a repeated key`);
  }

  private readonly commented = new Set<Entry>();

  private commentOut(entry: Entry, why: string): void {
    this.commented.add(entry);
    this.edits.push(...commentOutLines(this.parsed, entryTextLines(entry)));
    this.keys.get(entry.section.name)?.delete(entry.key);
    this.changes.push(`commented out ${entry.key} (${this.line(entry)}): ${why}`);
  }

  private rename(entry: Entry, newKey: string): void {
    this.edits.push(renameKeyEdit(entry, newKey));
    const keys = this.keys.get(entry.section.name);
    keys?.delete(entry.key);
    keys?.add(newKey);
    this.changes.push(`renamed ${entry.key} to ${newKey} (${this.line(entry)})`);
  }

  appEntry(entry: Entry): void {
    const section = entry.section.name;
    if (entry.key === 'use' && /^egg:rhodecode(#main)?$/i.test(entry.value.trim())) {
      this.replaceInValue(entry, 'egg:'.length, 'rhodecode'.length, 'kallithea');
      this.changes.push(`use = egg:kallithea instead of ${entry.value.trim()} (${this.line(entry)})`);
      return;
    }
    const info = this.model.keyInfo(entry);
    if (info?.name === 'celery.imports' && missingTaskModules(entry.value).length > 0) {
      this.commentOut(entry, 'names task modules Kallithea 0.7 does not have');
      return;
    }
    if (info?.noEffect) {
      this.noEffect(entry);
      return;
    }
    const old = info?.deprecated;
    if (!info || !old) return;
    if (entry.key.startsWith('issue_prefix')) return this.issuePrefix(entry);
    // Nothing before 0.7 sent errors to Sentry; a rename would switch that on, often with a placeholder DSN.
    if (entry.key === 'sentry.dsn') return this.commentOut(entry, 'to report errors to Sentry from 0.7, set trace_errors.sentry_dsn');
    if (old.combinedInto) {
      const part = entry.key.toLowerCase().replace(/^broker[._]/, '') as BrokerPart;
      if (BROKER_PARTS.includes(part)) this.brokerParts.set(part, entry);
      return;
    }
    const newKey = replacementKey(entry, info);
    if (!newKey) return this.commentOut(entry, 'Kallithea 0.7 does not read it');
    if (!this.has(section, newKey)) return this.rename(entry, newKey);
    // Both spellings of one option: keep the line that is in effect now, under the new name.
    const winner = old.stillWorks ? this.model.appOption(newKey).winner?.entry : undefined;
    const current = this.model.sections.get(section)?.get(newKey);
    if (winner === entry && current) {
      this.commentOut(current, `${entry.key} (${this.line(entry)}) overrides it`);
      this.rename(entry, newKey);
    } else this.commentOut(entry, `${newKey} is already set`);
  }

  /** issue_prefix<suffix> becomes issue_sub<suffix> with the same link text and URL (see issue-links.ts). */
  private issuePrefix(entry: Entry): void {
    const translated = translateIssuePrefix(this.model, entry);
    if (!translated) return this.commentOut(entry, 'Kallithea 0.7 does not read it; issue_sub takes its place');
    this.edits.push(...translated.edits);
    this.keys.get(entry.section.name)?.add(translated.subKey);
    const link = translated.linkChanged ? `, and {id} in issue_server_link${translated.subKey.slice('issue_sub'.length)} became the pattern's groups` : '';
    this.changes.push(`${entry.key} (${this.line(entry)}) became ${translated.subKey} = ${translated.sub}${link}; the whole match is now link text, so check that the pattern does not match the spaces before an issue`);
  }

  /** A line nothing reads: static_files carries the admin's intent over to serve_static; the rest goes. */
  private noEffect(entry: Entry): void {
    const section = entry.section.name;
    const asBool = readBool('tg', entry.value);
    if (entry.key === 'static_files' && asBool.ok && !this.has(section, 'serve_static')) {
      this.rename(entry, 'serve_static');
      return;
    }
    this.commentOut(entry, 'nothing in Kallithea 0.7 reads it');
  }

  /** broker.host, .port, .user, .password, .vhost (any spelling) become one celery.broker_url. */
  broker(): void {
    if (this.brokerParts.size === 0) return;
    const entries = [...this.brokerParts.values()];
    const app = entries[0].section.name;
    const value = (part: BrokerPart) => {
      const entry = this.brokerParts.get(part);
      const got = entry && this.model.get(entry.section.name, entry.key);
      return entry ? (got?.ok ? got.value : entry.value).trim() : '';
    };
    const hasUrl = this.has(app, 'celery.broker_url');
    for (const entry of entries) this.commentOut(entry, hasUrl ? 'celery.broker_url already names the broker' : 'combined into celery.broker_url');
    if (hasUrl) return;
    const user = value('user');
    const password = value('password');
    const credentials = user ? `${encodeURIComponent(user)}${password ? ':' + encodeURIComponent(password) : ''}@` : '';
    const port = value('port');
    const vhost = value('vhost');
    const url = `amqp://${credentials}${value('host') || 'localhost'}${port ? ':' + port : ''}/${vhost && vhost !== '/' ? encodeURIComponent(vhost) : ''}`;
    // configparser reads % as interpolation: a percent-encoded character must be written %%.
    const last = entries.reduce((a, b) => (a.range.end.line > b.range.end.line ? a : b));
    this.insertAfter(last, `celery.broker_url = ${url.replace(/%/g, '%%')}`);
    this.keys.get(app)?.add('celery.broker_url');
    this.changes.push(`added celery.broker_url, built from the Celery 3 broker settings`);
  }

  private insertAfter(entry: Entry, text: string): void {
    const line = entry.range.end.line;
    if (!capturesNextLine(this.parsed, line, 0)) this.edits.push(this.lineAfter(line, text));
    else this.appendToSection(entry.section.name, [text]);
  }

  /**
   * A new line after `line`, inserted at that line's end rather than at the start of
   * the next one, where commenting out the next line inserts too (and would end up
   * in front of the new line).
   */
  private lineAfter(line: number, text: string): TextEdit {
    const end = this.parsed.lines.text(line).length;
    return { range: lineRange(line, end, end), newText: this.eol + text };
  }

  /**
   * The web server: egg:Paste#http (RhodeCode 1.x) is not installed with Kallithea 0.7,
   * so it becomes waitress with one thread on the same host and port; keys waitress or
   * gunicorn do not know are commented out, since waitress and gunicorn 20 and later
   * refuse to start on them (gunicorn 19 skipped them).
   */
  server(): void {
    const name = this.model.findSection(['server']);
    if (!name) return;
    const entries = this.model.sections.get(name)!;
    const use = entries.get('use');
    const paste = !!use && /^egg:paste#http$/i.test(use.value.trim());
    const kind = paste ? 'server:waitress' : this.model.sectionKind(name);
    if (kind !== 'server:waitress' && kind !== 'server:gunicorn') return;
    if (paste && use) {
      this.edits.push(setValueEdit(use, useFor('server:waitress')));
      this.changes.push(`use = ${useFor('server:waitress')} instead of the Paste HTTP server (${this.line(use)})`);
    }
    const server = kind === 'server:waitress' ? 'waitress' : 'gunicorn';
    for (const entry of entries.values()) {
      if (entry === use || entry.key.startsWith('set ') || entry.key.startsWith('get ') || this.commented.has(entry)) continue;
      if (!findKey(kind, server === 'gunicorn' ? entry.key.toLowerCase() : entry.key)) this.commentOut(entry, `${server} has no such setting and would refuse to start`);
    }
    if (paste && use && !this.has(name, 'threads')) {
      this.insertAfter(use, 'threads = 1');
      this.changes.push('added threads = 1: Kallithea is not thread-safe');
    }
  }

  /** Replace `length` characters at `offset` in a one-line value, leaving the spacing around it as it is. */
  private replaceInValue(entry: Entry, offset: number, length: number, text: string): void {
    const part = entry.parts[0];
    this.edits.push({ range: lineRange(part.line, part.character + offset, part.character + offset + length), newText: text });
  }

  /** The cache regions 0.7's code uses (long_term_file is new in 0.6), with the template's settings. */
  cacheRegions(): void {
    const { edits, added } = cacheRegionEdits(this.model, this.eol);
    if (added.length === 0) return;
    this.edits.push(...edits);
    this.changes.push(`added the cache region${added.length > 1 ? 's' : ''} ${added.join(' and ')} to beaker.cache.regions, with the template's settings`);
  }

  /** RhodeCode's module names in logging (formatter classes, logger names) are kallithea's in 0.7. */
  renameRhodecodeValue(entry: Entry, prefix: RegExp): void {
    const value = entry.value.trim();
    if (!prefix.test(value) || entry.parts.length !== 1) return;
    const renamed = value.replace(prefix, 'kallithea');
    this.replaceInValue(entry, 0, 'rhodecode'.length, 'kallithea');
    this.changes.push(`${entry.key} = ${renamed} instead of ${value} ([${entry.section.name}] ${this.line(entry)})`);
  }

  /** What 0.7 needs that older releases did without: the required keys with the template's values, fresh secrets, [alembic]. */
  additions(app: string, randomHex: (digits: number) => string): void {
    const missing = (key: string) => !this.has(app, key) && !this.has('DEFAULT', key);
    const lines: string[] = [];
    for (const req of REQUIRED) if (req.section === 'app' && missing(req.key)) lines.push(`${req.key} = ${req.value}`);
    if (missing('app_instance_uuid')) lines.push(`app_instance_uuid = ${randomHex(32)}`);
    if (missing('session.secret') && missing('beaker.session.secret')) lines.push(`session.secret = ${randomHex(32)}`);
    if (lines.length) {
      this.appendToSection(app, lines);
      this.changes.push(`added ${lines.map((l) => l.split(' = ')[0]).join(', ')} to [${app}]`);
    }
    const alembic = REQUIRED.find((r) => r.section === 'alembic')!;
    if (!this.model.sections.has('alembic')) {
      const last = this.parsed.lines.length - 1;
      const text = this.parsed.lines.text(last);
      const lead = this.parsed.lines.eol(last) === '' && text !== '' ? this.eol : '';
      this.edits.push({ range: { start: { line: last, character: text.length }, end: { line: last, character: text.length } }, newText: `${lead}${this.eol}[alembic]${this.eol}${alembic.key} = ${alembic.value}${this.eol}` });
      this.changes.push(`added [alembic] with ${alembic.key} = ${alembic.value}`);
    } else if (!this.has('alembic', alembic.key)) {
      this.appendToSection('alembic', [`${alembic.key} = ${alembic.value}`]);
      this.changes.push(`added ${alembic.key} = ${alembic.value} to [alembic]`);
    }
  }

  /** Add lines after the last setting of a section (its last occurrence), with a comment that says where they came from. */
  private appendToSection(name: string, lines: string[]): void {
    const section = [...this.parsed.sections].reverse().find((s: Section) => s.name === name)!;
    const last = section.entries[section.entries.length - 1];
    const after = last ? last.range.end.line : section.line;
    const text = ['# Added by the upgrade to Kallithea 0.7 (values from its template):', ...lines].join(this.eol);
    this.edits.push(this.lineAfter(after, text));
  }
}
