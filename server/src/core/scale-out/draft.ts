// A config being rewritten one setting at a time: each change is a small text edit
// on the current text, which is parsed again before the next one, so every change
// sees the file as Python will and no two edits can collide. Changes keep the
// file's lines where they were: a value is replaced in place, a new key goes next to
// its commented-out template line or its neighbours, a section that no longer
// applies is commented out (its text stays), and the file's line endings are kept.

import type { TextEdit } from '../analysis/diagnostics';
import { applyEdits } from '../edits/apply';
import { capturesNextLine, commentOutLines, entryTextLines, insertLineAfter, insertLineBefore, lastEntry, leadingWhitespace, setKeyEdit, setValueEdit } from '../edits/edits';
import { ConfigModel } from '../model/model';
import type { Entry, Section } from '../syntax/parser';
import { firstWordRange } from '../rules/support';

/** `%` written as `%%`, so that configparser's interpolation gives the value back as it was typed. */
export function escapePercent(value: string): string {
  return value.replace(/%/g, '%%');
}

export class Draft {
  private current: ConfigModel;
  readonly eol: string;
  private readonly bom: string;

  constructor(
    text: string,
    private readonly filePath: string,
  ) {
    this.current = ConfigModel.fromText(text, { filePath });
    this.eol = this.current.parsed.lines.dominantEol();
    this.bom = this.current.parsed.bom ? '\ufeff' : '';
  }

  get model(): ConfigModel {
    return this.current;
  }

  get text(): string {
    return this.bom + this.current.parsed.text;
  }

  /** Apply edits made against the current text, then read the result again. */
  edit(edits: TextEdit[]): void {
    if (edits.length === 0) return;
    this.current = ConfigModel.fromText(this.bom + applyEdits(this.current.parsed, edits), { filePath: this.filePath });
  }

  /**
   * Set an app option to a value (already escaped for interpolation): on the line the
   * app reads it from, wherever that is, or as a new line of the app section, after its
   * commented-out template line or after the first of `after` that exists.
   */
  setApp(key: string, value: string, after: string[] = []): void {
    const app = this.model.appSection();
    if (!app) return;
    // A value Kallithea derives (beaker.cache.data_dir from cache_dir) has no line of its own: the file's line is still set.
    const entry = this.model.appSetting(key)?.entry ?? this.entry(app, key);
    if (entry) {
      if (entry.value !== value) this.edit([setValueEdit(entry, value)]);
      return;
    }
    this.insertKey(app, key, value, after.map((k) => this.model.appSetting(k)?.entry).find((e) => e && e.section.name === app));
  }

  /** Set a key of a section (its last occurrence) in place, or add it like setApp does. */
  setKey(section: string, key: string, value: string, after?: string[]): void {
    const entry = this.entry(section, key);
    if (entry) {
      if (entry.value !== value) this.edit([setValueEdit(entry, value)]);
      return;
    }
    this.insertKey(section, key, value, after?.map((k) => this.entry(section, k)).find(Boolean));
  }

  /** Set a uWSGI option's first word only, so that a "; note" after it stays. */
  setUwsgi(key: string, value: string, after?: string[]): void {
    const entry = this.entry('uwsgi', key);
    if (!entry) return this.insertKey('uwsgi', key, value, after?.map((k) => this.entry('uwsgi', k)).find(Boolean));
    if (/^\S*/.exec(entry.parts[0].text)![0] !== value) this.edit([{ range: firstWordRange(entry), newText: value }]);
  }

  entry(section: string, key: string): Entry | undefined {
    return lastEntry(this.model.parsed, section, key);
  }

  /** A comment line right above an entry, indented like it (once: not again when the line above already says it). */
  noteAbove(entry: Entry, note: string): void {
    const above = entry.line > 0 ? this.model.parsed.lines.text(entry.line - 1).trim() : '';
    if (above !== note) this.edit([insertLineBefore(this.model.parsed, entry.line, leadingWhitespace(this.model.parsed, entry.line) + note, this.eol)]);
  }

  /** Comment out an entry (its key line and continuation lines). */
  commentOut(entry: Entry): void {
    this.edit(commentOutLines(this.model.parsed, entryTextLines(entry)));
  }

  /**
   * Comment out every section of that name (header and settings; comments and blank
   * lines stay as they are), with a note line above the first header.
   */
  commentOutSection(name: string, note: string): void {
    const sections = this.model.parsed.sections.filter((s) => s.name === name);
    if (sections.length === 0) return;
    const lines = sections.flatMap((s) => [s.line, ...s.entries.flatMap(entryTextLines)]);
    this.edit([insertLineBefore(this.model.parsed, sections[0].line, note, this.eol), ...commentOutLines(this.model.parsed, lines)]);
  }

  /** Insert whole lines (a new section) before a section's header and the comment block right above it. */
  insertBefore(section: Section, lines: string[]): void {
    const at = this.leadOf(section);
    this.edit([insertLineBefore(this.model.parsed, at, lines.join(this.eol), this.eol)]);
  }

  /** Insert whole lines after the last line of a section (its last setting or comment). */
  insertAfter(name: string, lines: string[]): void {
    const sections = this.model.parsed.sections.filter((s) => s.name === name);
    const last = sections[sections.length - 1];
    if (!last) return;
    this.edit([insertLineAfter(this.model.parsed, this.lastLineOf(last), lines.join(this.eol), this.eol)]);
  }

  /** The first line of the comment block directly above a section's header (the header when none). */
  private leadOf(section: Section): number {
    let line = section.line;
    while (line > 0 && /^\s*[#;]/.test(this.model.parsed.lines.text(line - 1))) line--;
    // Comment lines right after the previous section's last setting may belong to it: only take a block that a blank line separates.
    if (line > 0 && this.model.parsed.lines.text(line - 1).trim() !== '') return section.line;
    return line;
  }

  /** The last line of a section that is not blank (before the next section's lead comments). */
  private lastLineOf(section: Section): number {
    const parsed = this.model.parsed;
    const next = parsed.sections.find((s) => s.line > section.line);
    let line = (next ? this.leadOf(next) : parsed.lines.length) - 1;
    while (line > section.line && parsed.lines.text(line).trim() === '') line--;
    return line;
  }

  private insertKey(section: string, key: string, value: string, anchor?: Entry): void {
    const parsed = this.model.parsed;
    const s = [...parsed.sections].reverse().find((x) => x.name === section);
    if (!s) return;
    const text = `${key} = ${value}`;
    // Next to the template's commented-out line for the key ("#remote_addr_variable = ..."), when the section has one.
    const template = new RegExp(`^\\s*[#;]+\\s*${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[=:]`);
    const end = this.lastLineOf(s);
    for (let line = s.line + 1; line <= end; line++) {
      if (!template.test(parsed.lines.text(line)) || s.entries.some((e) => e.line < line && line <= e.lastLine)) continue;
      if (capturesNextLine(parsed, line, 0)) break;
      this.edit([insertLineAfter(parsed, line, text, this.eol)]);
      return;
    }
    if (anchor && !capturesNextLine(parsed, anchor.range.end.line, leadingWhitespace(parsed, anchor.line).length)) {
      this.edit([insertLineAfter(parsed, anchor.range.end.line, leadingWhitespace(parsed, anchor.line) + text, this.eol)]);
      return;
    }
    const edit = setKeyEdit(parsed, section, key, value, this.eol);
    if (edit) this.edit([edit]);
  }
}
