// Incremental analysis (server/src/core/analysis/incremental.ts) against full
// analysis: after every edit of a random sequence, the diagnostics of a lint that
// reuses the last one's findings must be exactly those of a lint from scratch.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { lintAgain, lintFile, openFile, type LintOptions, type LintRecord } from '../../server/src/core/analysis/analysis';
import type { AnyRule, Rule } from '../../server/src/core/analysis/diagnostics';
import { RULES } from '../../server/src/core/rules';
import { FILE, lines } from '../helpers/core';
import { mutate } from '../helpers/mutate';
import { corpusFiles, FIXTURES } from '../helpers/paths';
import { int, pick, seeded, type Random } from '../helpers/random';

const SEQUENCES = Number(process.env.INCREMENTAL_SEQUENCES ?? 6);
const EDITS = Number(process.env.INCREMENTAL_EDITS ?? 20);

function inputs(): { name: string; text: string }[] {
  const files = [...corpusFiles(), ...['kallithea-0.2.ini', 'kallithea-0.5.ini', 'rhodecode-1.x.ini'].map((f) => path.join(FIXTURES, 'generations', f)), path.join(FIXTURES, 'valid', 'tricky-crlf.ini')];
  return files.map((f) => ({ name: path.basename(path.dirname(f)) + '/' + path.basename(f), text: fs.readFileSync(f, 'utf8') }));
}

const SNIPPETS = ['%', '%(here)s', '%(nope)s', ' ; note', ' # note', '\n', '\n\n', '\n  ', 'x', '=', ':', ' ', '\t', 'true', 'yes', '0', '[', ']', '\nuse = egg:kallithea\n', '\n[app:main]\n', '\n[DEFAULT]\ndebug = true\n', '\n[server:main]\nuse = egg:gunicorn#main\nworkers = 4\n', '\nfoo = bar\n', '\nsqlalchemy.url = sqlite:///x.db\n', '\ncache_dir = %(here)s/data\n'];

/** One edit as an editor sends it: a range of the text replaced by new text. */
function edit(text: string, rand: Random): string {
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

const OPTIONS: LintOptions[] = [{}, { rules: { 'unknown-key': 'error', 'no-effect-key': 'off', 'inline-comment': 'information' } }];

function analyzeBoth(text: string, options: LintOptions, previous: LintRecord | undefined, rules: readonly AnyRule[] = RULES) {
  const again = lintAgain(openFile({ text, filePath: FILE }, { maxFileSize: Infinity }), options, previous, rules);
  const full = lintFile(openFile({ text, filePath: FILE }, { maxFileSize: Infinity }), options, rules);
  return { again, full };
}

describe('incremental analysis', () => {
  test(`after each of ${EDITS} random edits (${SEQUENCES} sequences per config), the same diagnostics as a full analysis`, () => {
    let edits = 0;
    let partial = 0;
    let lookedAt = 0;
    let total = 0;
    for (const [n, input] of inputs().entries()) {
      for (let s = 0; s < SEQUENCES; s++) {
        const seed = 1000 * n + s;
        const rand = seeded(seed);
        const options = OPTIONS[s % OPTIONS.length];
        let text = input.text;
        let record = lintAgain(openFile({ text, filePath: FILE }, { maxFileSize: Infinity }), options, undefined).record;
        for (let e = 0; e < EDITS; e++) {
          text = edit(text, rand);
          const { again, full } = analyzeBoth(text, options, record);
          assert.deepEqual(again.diagnostics, full, `${input.name}, seed ${seed}, edit ${e + 1}`);
          record = again.record;
          edits++;
          const count = text.split(/\r\n|\r|\n/).length;
          if (record && record.linesLookedAt < count) partial++;
          lookedAt += record?.linesLookedAt ?? 0;
          total += count;
        }
      }
    }
    console.log(`incremental: ${edits} edits, ${partial} linted without looking at every line; section-scoped rules looked at ${((100 * lookedAt) / total).toFixed(0)}% of the lines`);
    // Most edits stay inside one section: if the reuse stopped working, this says so.
    assert.ok(partial > edits / 2, `only ${partial} of ${edits} edits were linted incrementally`);
  });

  const SITE = lines(
    '[DEFAULT]',
    'debug = false',
    '',
    '[app:main]',
    'use = egg:kallithea',
    'cache_dir = %(here)s/data',
    'sqlalchemy.url = postgresql://k@db/k',
    'cut_off_limit = 256000',
    'use_celery = maybe',
    '',
    '[app:other]',
    'use = egg:kallithea',
    'secret = 50%',
    'unknwn_key = 1',
    '',
    '[server:main]',
    'use = egg:gunicorn#main',
    'workers = 4',
    '',
  );

  test('a one-character edit in a section looks only at that section and [DEFAULT]', () => {
    const first = analyzeBoth(SITE, {}, undefined);
    const edited = SITE.replace('cut_off_limit = 256000', 'cut_off_limit = 2560000');
    const { again, full } = analyzeBoth(edited, {}, first.again.record);
    assert.deepEqual(again.diagnostics, full);
    // [DEFAULT] is lines 0-2, [app:main] lines 3-9.
    assert.equal(again.record!.linesLookedAt, 3 + 7);
    // The findings of [app:other] were kept from the first lint.
    assert.ok(again.diagnostics.some((d) => d.rule === 'bad-percent' && d.range.start.line === 12));
  });

  test('lines added above a section move its findings with it', () => {
    const first = analyzeBoth(SITE, {}, undefined);
    const edited = SITE.replace('use_celery = maybe', 'use_celery = maybe\nextra_a = 1\nextra_b = 2');
    const { again, full } = analyzeBoth(edited, {}, first.again.record);
    assert.deepEqual(again.diagnostics, full);
    const moved = again.diagnostics.find((d) => d.rule === 'bad-percent')!;
    assert.equal(moved.range.start.line, 14);
    assert.deepEqual(moved.data, { line: 14, character: 11 });
  });

  test('a header renamed, or [DEFAULT] edited, makes the next lint a full one', () => {
    const first = analyzeBoth(SITE, {}, undefined);
    for (const edited of [SITE.replace('[app:other]', '[app:third]'), SITE.replace('debug = false', 'debug = true')]) {
      const { again, full } = analyzeBoth(edited, {}, first.again.record);
      assert.deepEqual(again.diagnostics, full);
      assert.equal(again.record!.linesLookedAt, edited.split('\n').length);
    }
  });

  test('a file-wide rule that names the sections it reads runs again only when one of them changed', () => {
    let runs = 0;
    const counted: Rule<{ line: number }> = {
      id: 'counted',
      category: 'values',
      severity: 'warning',
      description: 'test only',
      reads: (name) => name === 'app:other',
      check({ model, report }) {
        runs++;
        const key = model.sections.entry('app:other', 'unknwn_key');
        if (key) report({ range: key.keyRange, message: 'seen', data: { line: key.line } });
      },
    };
    const rules = [counted, RULES[RULES.length - 1]];
    let { again } = analyzeBoth(SITE, {}, undefined, rules);
    runs = 0;
    // An edit in [app:main] that adds a line: the rule is not run, its finding moves down.
    const moved = SITE.replace('use_celery = maybe', 'use_celery = maybe\nextra = 1');
    ({ again } = analyzeBoth(moved, {}, again.record, rules));
    assert.equal(runs, 1); // only the full analysis of analyzeBoth ran it
    assert.deepEqual(again.diagnostics[0].data, { line: 14 });
    // An edit in [app:other]: it runs again.
    runs = 0;
    ({ again } = analyzeBoth(moved.replace('unknwn_key = 1', 'unknwn_key = 2'), {}, again.record, rules));
    assert.equal(runs, 2);
  });

  test('the comparison catches a section-scoped rule that reads another section', () => {
    // A rule that breaks the contract: it reports in [app:other] from a value of [app:main].
    const cheat: Rule = {
      id: 'cheat',
      category: 'values',
      severity: 'warning',
      description: 'test only',
      scope: 'section',
      check({ model, focus, report }) {
        const limit = model.sections.entry('app:main', 'cut_off_limit')?.value;
        for (const section of focus.sections()) if (section.name === 'app:other' && limit === '1') report({ range: section.headerRange, message: 'limit is 1' });
      },
    };
    const rules = [...RULES.slice(0, -1), cheat, RULES[RULES.length - 1]];
    const first = analyzeBoth(SITE, {}, undefined, rules);
    const { again, full } = analyzeBoth(SITE.replace('cut_off_limit = 256000', 'cut_off_limit = 1'), {}, first.again.record, rules);
    assert.notDeepEqual(again.diagnostics, full);
  });

  test('a section-scoped rule that reads the environment is reported as failing', () => {
    const reader: Rule = {
      id: 'reads-env',
      category: 'values',
      severity: 'warning',
      description: 'test only',
      scope: 'section',
      check({ env, report }) {
        if (env.peers.length) report({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'peers' });
      },
    };
    const { full } = analyzeBoth(SITE, {}, undefined, [reader, RULES[RULES.length - 1]]);
    assert.deepEqual(
      full.map((d) => d.rule),
      ['internal-error'],
    );
  });
});
