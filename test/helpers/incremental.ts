// The property test of incremental analysis (server/src/core/analysis/incremental.ts):
// random sequences of edits of real configs, and after each edit the diagnostics of a
// lint that reuses the last one's findings against those of a lint from scratch. The
// short run is in test/unit/incremental.test.ts, the long one in test/stress/.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { lintAgain, lintFile, openFile, type LintOptions, type LintRecord } from '../../server/src/core/analysis/analysis';
import { FILE } from './core';
import { mutate } from './mutate';
import { corpusFiles, FIXTURES } from './paths';
import { int, pick, seeded, type Random } from './random';

export function inputs(): { name: string; text: string }[] {
  const files = [...corpusFiles(), ...['kallithea-0.2.ini', 'kallithea-0.5.ini', 'rhodecode-1.x.ini'].map((f) => path.join(FIXTURES, 'generations', f)), path.join(FIXTURES, 'valid', 'tricky-crlf.ini')];
  return files.map((f) => ({ name: path.basename(path.dirname(f)) + '/' + path.basename(f), text: fs.readFileSync(f, 'utf8') }));
}

const SNIPPETS = ['%', '%(here)s', '%(nope)s', ' ; note', ' # note', '\n', '\n\n', '\n  ', 'x', '=', ':', ' ', '\t', 'true', 'yes', '0', '[', ']', '\nuse = egg:kallithea\n', '\n[app:main]\n', '\n[DEFAULT]\ndebug = true\n', '\n[server:main]\nuse = egg:gunicorn#main\nworkers = 4\n', '\nfoo = bar\n', '\nsqlalchemy.url = sqlite:///x.db\n', '\ncache_dir = %(here)s/data\n'];

/** One edit as an editor sends it: a range of the text replaced by new text. */
export function edit(text: string, rand: Random): string {
  const kind = rand();
  if (kind < 0.1) return mutate(text, rand); // a line-level change of the kinds people make by hand
  const at = int(rand, 0, text.length);
  if (kind < 0.45) return text.slice(0, at) + pick(rand, SNIPPETS) + text.slice(at); // typing, Enter, a paste
  if (kind < 0.75) return text.slice(0, at) + text.slice(Math.min(text.length, at + int(rand, 1, 6))); // Backspace, a selection deleted
  if (kind < 0.9) {
    // Replace a word: a one-line change in the middle of a section.
    const end = Math.min(text.length, at + int(rand, 0, 8));
    return text.slice(0, at) + pick(rand, ['on', 'off', 'gunicorn', 'postgresql://k@db/k', '%%', '%(cache_dir)s', 'sessions', '']) + text.slice(end);
  }
  // Move a block of lines elsewhere (cut and paste).
  const from = int(rand, 0, text.length);
  const block = text.slice(from, Math.min(text.length, from + int(rand, 10, 400)));
  const rest = text.slice(0, from) + text.slice(from + block.length);
  const to = int(rand, 0, rest.length);
  return rest.slice(0, to) + block + rest.slice(to);
}

export const OPTIONS: LintOptions[] = [{}, { rules: { 'unknown-key': 'error', 'no-effect-key': 'off', 'inline-comment': 'information' } }];

export interface IncrementalReport {
  edits: number;
  /** Edits linted without the section-scoped rules looking at every line. */
  partial: number;
  /** Share of the lines the section-scoped rules looked at, over all edits. */
  lookedAt: number;
  /** The first few edits whose diagnostics differed, with how to regenerate them. */
  failures: string[];
}

/** `sequences` sequences of `edits` edits per config, seeds from `firstSeed`. */
export function runIncremental(firstSeed: number, sequences: number, edits: number): IncrementalReport {
  const report: IncrementalReport = { edits: 0, partial: 0, lookedAt: 0, failures: [] };
  let lookedAt = 0;
  let total = 0;
  for (const [n, input] of inputs().entries()) {
    for (let s = 0; s < sequences; s++) {
      const seed = firstSeed + 1000 * n + s;
      const rand = seeded(seed);
      const options = OPTIONS[s % OPTIONS.length];
      let text = input.text;
      let record: LintRecord | undefined = lintAgain(openFile({ text, filePath: FILE }, { maxFileSize: Infinity }), options, undefined).record;
      for (let e = 0; e < edits; e++) {
        text = edit(text, rand);
        // The new version read from the last one's parse too, as the server does.
        const again = lintAgain(openFile({ text, filePath: FILE }, { maxFileSize: Infinity, previous: record?.parsed }), options, record);
        const full = lintFile(openFile({ text, filePath: FILE }, { maxFileSize: Infinity }), options);
        if (!isDeepStrictEqual(again.diagnostics, full) && report.failures.length < 5) report.failures.push(`${input.name}, seed ${seed}, edit ${e + 1}`);
        record = again.record;
        report.edits++;
        const count = text.split(/\r\n|\r|\n/).length;
        if (record && record.linesLookedAt < count) report.partial++;
        lookedAt += record?.linesLookedAt ?? 0;
        total += count;
      }
    }
  }
  report.lookedAt = lookedAt / total;
  return report;
}
