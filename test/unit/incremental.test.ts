// Incremental analysis (server/src/core/analysis/incremental.ts) against full
// analysis: after every edit of a random sequence, the diagnostics of a lint that
// reuses the last one's findings must be exactly those of a lint from scratch (the
// short run of test/helpers/incremental.ts), and targeted cases of what is reused.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lintAgain, lintFile, openFile, type LintOptions, type LintRecord } from '../../server/src/core/analysis/analysis';
import type { AnyRule, Rule } from '../../server/src/core/analysis/diagnostics';
import { RULES } from '../../server/src/core/rules';
import { FILE, lines } from '../helpers/core';
import { runIncremental } from '../helpers/incremental';

const SEQUENCES = Number(process.env.INCREMENTAL_SEQUENCES ?? 6);
const EDITS = Number(process.env.INCREMENTAL_EDITS ?? 20);

function analyzeBoth(text: string, options: LintOptions, previous: LintRecord | undefined, rules: readonly AnyRule[] = RULES) {
  const again = lintAgain(openFile({ text, filePath: FILE }, { maxFileSize: Infinity }), options, previous, rules);
  const full = lintFile(openFile({ text, filePath: FILE }, { maxFileSize: Infinity }), options, rules);
  return { again, full };
}

describe('incremental analysis', () => {
  test(`after each of ${EDITS} random edits (${SEQUENCES} sequences per config), the same diagnostics as a full analysis`, () => {
    const report = runIncremental(0, SEQUENCES, EDITS);
    console.log(`incremental: ${report.edits} edits, ${report.partial} linted without looking at every line; section-scoped rules looked at ${(100 * report.lookedAt).toFixed(0)}% of the lines`);
    assert.deepEqual(report.failures, []);
    // Most edits stay inside one section: if the reuse stopped working, this says so.
    assert.ok(report.partial > report.edits / 2, `only ${report.partial} of ${report.edits} edits were linted incrementally`);
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

  test('the rules that read only app settings keep their findings while another section changes', () => {
    const urlRule = RULES.find((r) => r.id === 'url-format')!;
    let runs = 0;
    const counted: AnyRule = { ...urlRule, check: (ctx) => (runs++, urlRule.check!(ctx)) };
    const text = lines('[server:main]', 'use = egg:waitress#main', 'port = 5000', '', '[app:main]', 'use = egg:kallithea', 'canonical_url = example.com');
    const rules = [counted, RULES[RULES.length - 1]];
    let { again } = analyzeBoth(text, {}, undefined, rules);
    // A line added in [server:main] moves the finding down, without running the rule.
    runs = 0;
    const edited = text.replace('port = 5000', 'port = 5000\nthreads = 4');
    let full;
    ({ again, full } = analyzeBoth(edited, {}, again.record, rules));
    assert.equal(runs, 1); // the full analysis only
    assert.deepEqual(again.diagnostics, full);
    assert.deepEqual(again.diagnostics.find((d) => d.rule === 'url-format')?.data, { line: 7, value: 'https://example.com' });
    // An edit of the app section runs it again.
    runs = 0;
    ({ again, full } = analyzeBoth(edited.replace('example.com', 'example.org'), {}, again.record, rules));
    assert.equal(runs, 2);
    assert.deepEqual(again.diagnostics, full);
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
