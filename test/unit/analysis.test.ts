// The one analysis entry point: the file-level rules before the parse, one parse,
// the rules on it, and a rule that throws reported without hiding the others.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, lintFile, openFile } from '../../server/src/core/analysis/analysis';
import type { AnyRule } from '../../server/src/core/analysis/diagnostics';
import { fixAll } from '../../server/src/core/analysis/fixes';
import { RULES } from '../../server/src/core/rules';
import { CLEAN_APP, FILE, lines } from '../helpers/core';

const CLEAN = lines(...CLEAN_APP);

describe('analysis entry point', () => {
  test('a file over the size limit is left unparsed with one notice, also when the notice is turned off', () => {
    const big = CLEAN + '# ' + 'x'.repeat(500) + '\n';
    const over = openFile({ text: big, filePath: FILE }, { maxFileSize: 200 });
    assert.equal(over.model, undefined);
    assert.deepEqual(lintFile(over).map((d) => d.rule), ['file-too-large']);
    const quiet = openFile({ text: big, filePath: FILE }, { maxFileSize: 200, rules: { 'file-too-large': 'off' } });
    assert.equal(quiet.model, undefined, 'turning the notice off does not lift the limit');
    assert.deepEqual(lintFile(quiet), []);
    assert.ok(openFile({ text: big, filePath: FILE }).model, 'the default limit is 8 MB');
  });

  test('an opened file is linted again from its one model, with other settings', () => {
    const opened = openFile({ text: CLEAN + 'git_path = git ; note\n', filePath: FILE });
    const model = opened.model;
    assert.deepEqual(lintFile(opened).map((d) => d.rule), ['inline-comment']);
    assert.deepEqual(lintFile(opened, { rules: { 'inline-comment': 'off' } }), []);
    assert.equal(opened.model, model);
  });

  test('bytes that were not UTF-8 give invalid-encoding, and the rest is still checked', () => {
    const { diagnostics } = analyze({ text: CLEAN + 'git_path = git ; note\n', filePath: FILE, validUtf8: false });
    assert.deepEqual(diagnostics.map((d) => d.rule).sort(), ['inline-comment', 'invalid-encoding']);
  });

  test('a rule that throws is named by internal-error; every other rule still reports', () => {
    const broken: AnyRule = {
      id: 'broken-on-purpose',
      category: 'values',
      severity: 'warning',
      description: 'Always fails.',
      check() {
        throw new Error('deliberately broken');
      },
    };
    const text = CLEAN + 'git_path = git ; note\n';
    const { diagnostics } = analyze({ text, filePath: FILE }, {}, [broken, ...RULES]);
    const failure = diagnostics.find((d) => d.rule === 'internal-error');
    assert.match(failure!.message, /"broken-on-purpose" failed on this file \(deliberately broken\)/);
    assert.ok(diagnostics.some((d) => d.rule === 'inline-comment'));
    // Reported even when the rule list does not name internal-error, and silenced only by turning it off.
    assert.equal(analyze({ text, filePath: FILE }, {}, [broken]).diagnostics[0].rule, 'internal-error');
    assert.deepEqual(analyze({ text, filePath: FILE }, { rules: { 'internal-error': 'off' } }, [broken]).diagnostics, []);
  });

  test('the byte order mark: reported by utf8-bom, whose safe fix (--fix) drops it', () => {
    const { diagnostics } = analyze({ text: '\ufeff' + CLEAN, filePath: FILE });
    assert.deepEqual(diagnostics.map((d) => d.rule), ['utf8-bom']);
    assert.equal(fixAll('\ufeff' + CLEAN, { filePath: FILE }).text, CLEAN);
    assert.equal(fixAll('\ufeff' + CLEAN, { filePath: FILE }, { rules: { 'utf8-bom': 'off' } }).text, '\ufeff' + CLEAN);
  });
});
