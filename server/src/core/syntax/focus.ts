// The part of a file a section-scoped rule looks at. A full analysis looks at the
// whole file; an incremental one (analysis/incremental.ts) only at the sections an
// edit changed, and reuses what the rules found in the others. A focus is a set of
// whole sections (and the lines before the first header), so a rule that reads one
// section at a time never sees half of one.

import { factOf } from './facts';
import type { Entry, InvalidLine, ParsedConfig, Section } from './parser';

/** Lines [from, to). */
export interface LineSpan {
  from: number;
  to: number;
}

export class Focus {
  private sectionList?: readonly Section[];
  private names?: readonly string[];

  private constructor(
    readonly parsed: ParsedConfig,
    /** Sorted, disjoint, each the lines of whole sections; undefined for the whole file. */
    readonly spans: readonly LineSpan[] | undefined,
  ) {}

  /** The whole file (one object per parse, so that facts cached per focus are shared by a full analysis). */
  static readonly whole = factOf((parsed: ParsedConfig) => new Focus(parsed, undefined));

  /** Some sections of the file: `spans` sorted, disjoint, each starting at a header (or line 0). */
  static of(parsed: ParsedConfig, spans: readonly LineSpan[]): Focus {
    return new Focus(parsed, spans);
  }

  /** How many lines the focus covers. */
  get lineCount(): number {
    return this.spans ? this.spans.reduce((n, s) => n + s.to - s.from, 0) : this.parsed.lines.length;
  }

  includesLine(line: number): boolean {
    if (!this.spans) return true;
    for (const s of this.spans) if (line >= s.from && line < s.to) return true;
    return false;
  }

  /** The sections whose header is in focus, in file order. */
  sections(): readonly Section[] {
    return (this.sectionList ??= this.spans ? this.parsed.sections.filter((s) => this.includesLine(s.line)) : this.parsed.sections);
  }

  /** The names of the sections in focus, each once, in file order. */
  sectionNames(): readonly string[] {
    return (this.names ??= [...new Set(this.sections().map((s) => s.name))]);
  }

  /**
   * The sections in focus that have entries, with the positions of their entries
   * [from, to): walks that decide by key and line numbers (parsed.entryKeys...) make
   * an entry object only for a hit.
   */
  entryRuns(): { section: Section; from: number; to: number }[] {
    const runs = [];
    for (const section of this.sections()) if (section.entryCount) runs.push({ section, from: section.firstEntry, to: section.firstEntry + section.entryCount });
    return runs;
  }

  /** parsed.entriesWithChar(), only in focus. */
  entriesWithChar(char: string, accept?: (entry: number) => boolean, keep = true): Entry[] {
    if (!this.spans) return this.parsed.entriesWithChar(char, undefined, undefined, accept, keep);
    const out: Entry[] = [];
    for (const s of this.spans) out.push(...this.parsed.entriesWithChar(char, s.from, s.to, accept, keep));
    return out;
  }

  /** The lines Python cannot read, in focus. */
  invalidLines(): readonly InvalidLine[] {
    return this.spans ? this.parsed.invalidLines.filter((l) => this.includesLine(l.line)) : this.parsed.invalidLines;
  }
}
