import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LineKind, parse } from '../../server/src/core/syntax/parser';
import { seeded } from '../helpers/random';
import { lines } from '../helpers/core';

const r = (l: number, s: number, el: number, e: number) => ({ start: { line: l, character: s }, end: { line: el, character: e } });

describe('parser', () => {
  test('keeps exact ranges for headers, keys, delimiters and values', () => {
    const p = parse(lines('[app:main]', '  use  =  egg:kallithea  ', 'port: 5000'));
    assert.equal(p.sections.length, 1);
    const s = p.sections[0];
    assert.equal(s.name, 'app:main');
    assert.deepEqual(s.headerRange, r(0, 0, 0, 10));
    assert.deepEqual(s.nameRange, r(0, 1, 0, 9));
    const [use, port] = s.entries;
    assert.equal(use.key, 'use');
    assert.deepEqual(use.keyRange, r(1, 2, 1, 5));
    assert.deepEqual(use.delimiterRange, r(1, 7, 1, 8));
    assert.equal(use.value, 'egg:kallithea');
    assert.deepEqual(use.valueRange, r(1, 10, 1, 23));
    assert.equal(port.delimiter, ':');
    assert.equal(port.value, '5000');
  });

  test('the first "=" or ":" ends the key, as in configparser', () => {
    const p = parse(lines('[s]', 'a:b = c', 'url = http://h:1/x=y'));
    assert.deepEqual(
      p.entries.map((e) => [e.key, e.value]),
      [
        ['a', 'b = c'],
        ['url', 'http://h:1/x=y'],
      ],
    );
  });

  test('CRLF and lone CR line breaks give the same values and positions', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const p = parse(['[s]', 'a = 1', '  more', 'b = 2'].join(eol) + eol);
      assert.equal(p.entries[0].value, '1\nmore', `eol ${JSON.stringify(eol)}`);
      assert.deepEqual(p.entries[1].keyRange, r(3, 0, 3, 1));
      assert.equal(p.lines.eol(1), eol);
    }
  });

  test('a byte order mark is recorded and positions stay those of the visible text', () => {
    const p = parse('\ufeff[s]\nkey = v\n');
    assert.equal(p.bom, true);
    assert.deepEqual(p.sections[0].headerRange, r(0, 0, 0, 3));
    assert.equal(p.entries[0].value, 'v');
  });

  test('columns count UTF-16 code units, tabs count as one', () => {
    const p = parse('[s]\n\tkey\t=\t😀 é\n');
    const e = p.entries[0];
    assert.deepEqual(e.keyRange, r(1, 1, 1, 4));
    assert.equal(e.value, '😀 é');
    assert.deepEqual(e.valueRange, r(1, 7, 1, 11));
  });

  test('a missing final newline does not change the last value', () => {
    const p = parse('[s]\nlast = value');
    assert.equal(p.entries[0].value, 'value');
    assert.equal(p.lines.length, 2);
  });

  test('continuation lines keep inner blank lines; comments inside neither end nor join the value', () => {
    const p = parse(lines('[s]', 'keys =', '    one', '', '    # not part of it', '    two', '', 'next = x'));
    const e = p.entries[0];
    assert.equal(e.value, '\none\n\ntwo');
    assert.deepEqual(e.range, r(1, 0, 5, 7));
    assert.equal(p.lineKinds[4], LineKind.Comment);
    assert.equal(p.lineKinds[5], LineKind.Continuation);
    assert.equal(p.entries[1].key, 'next');
  });

  test('an indented key line continues the value above, and an indented header too', () => {
    const p = parse(lines('[s]', 'a = 1', '    b = 2', '    [t]'));
    assert.equal(p.entries.length, 1);
    assert.equal(p.entries[0].value, '1\nb = 2\n[t]');
    assert.equal(p.sections.length, 1);
  });

  test('after a line without delimiter, a more indented line still continues the previous key (as in Python)', () => {
    const p = parse(lines('[s]', 'a = 1', 'junk', '  more'));
    assert.equal(p.invalidLines.length, 1);
    assert.equal(p.invalidLines[0].reason, 'no-delimiter');
    assert.equal(p.entries[0].value, '1\nmore');
  });

  test('a header runs to the last "]"; text after it is ignored like Python does', () => {
    const p = parse(lines('[a] trailing', '[x]]', '[ spaced ]'));
    assert.deepEqual(
      p.sections.map((s) => s.name),
      ['a', 'x]', ' spaced '],
    );
  });

  test('duplicates are linked to the first occurrence; [DEFAULT] may repeat', () => {
    const p = parse(lines('[DEFAULT]', 'a = 1', '[s]', 'k = 1', 'k = 2', '[s]', '[DEFAULT]', 'b = 2'));
    assert.equal(p.entries[2].duplicateOf, p.entries[1]);
    assert.equal(p.sections[2].duplicateOf, p.sections[1]);
    assert.equal(p.sections[3].duplicateOf, p.sections[0]);
  });

  test('lines before the first header are orphans; empty keys are invalid', () => {
    const p = parse(lines('# comment', 'stray = 1', '[s]', '= value'));
    assert.deepEqual(p.orphanLines, [1]);
    assert.equal(p.invalidLines[0].reason, 'empty-key');
  });

  test('never throws and keeps every range inside the text on random input', () => {
    const rand = seeded(7);
    const alphabet = ['[', ']', '=', ':', ' ', '\t', '\n', '\r', '\r\n', '%', '(', ')', 's', '#', ';', 'a', 'é', '😀', '\ufeff', '\u0000', '\u2028'];
    for (let i = 0; i < 500; i++) {
      let text = '';
      const n = Math.floor(rand() * 200);
      for (let k = 0; k < n; k++) text += alphabet[Math.floor(rand() * alphabet.length)];
      const p = parse(text);
      for (const e of p.entries) {
        for (const pos of [e.keyRange.start, e.keyRange.end, e.valueRange.start, e.valueRange.end]) {
          assert.ok(pos.line < p.lines.length && pos.character <= p.lines.text(pos.line).length, `range outside text for ${JSON.stringify(text)}`);
        }
      }
    }
  });
});
