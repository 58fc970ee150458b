// Reading a new version from the parse of the previous one (server/src/core/syntax/splice.ts)
// against reading it whole: after each edit of random sequences of edits of every corpus
// config and generation fixture, the two parses must hold the same lines, entries,
// sections, repeated keys and unreadable lines.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ParsedConfig } from '../../server/src/core/syntax/parser';
import { keepsShape, reparse } from '../../server/src/core/syntax/splice';
import { edit, inputs } from '../helpers/incremental';
import { lines } from '../helpers/core';
import { seeded } from '../helpers/random';

const SEQUENCES = Number(process.env.SPLICE_SEQUENCES ?? 6);
const EDITS = Number(process.env.SPLICE_EDITS ?? 25);

/** Everything a parse says about a text, as plain data. */
function shape(p: ParsedConfig) {
  const n = p.entryCount;
  return {
    bom: p.bom,
    lines: p.lines.length,
    lineKinds: [...p.lineKinds],
    owners: [...p.owners],
    entries: n,
    keys: p.entryKeys.slice(0, n),
    entryLines: [...p.entryLines.subarray(0, n)],
    entryLastLines: [...p.entryLastLines.subarray(0, n)],
    entrySections: [...p.entrySections.subarray(0, n)],
    sections: p.sections.map((s) => ({ name: s.name, index: s.index, line: s.line, lastLine: s.lastLine, firstEntry: s.firstEntry, entryCount: s.entryCount, lastUse: s.lastUse, duplicateOf: s.duplicateOf?.index, header: s.headerRange })),
    repeated: p.repeatedEntries().map((i) => [i, p.firstOf(i)]),
    invalid: p.invalidLines.map((l) => ({ ...l })),
    orphans: [...p.orphanLines],
  };
}

test(`after each of ${EDITS} random edits (${SEQUENCES} sequences per config), the spliced parse equals a whole reading`, () => {
  let edits = 0;
  let spliced = 0;
  let copied = 0;
  for (const [n, input] of inputs().entries()) {
    for (let s = 0; s < SEQUENCES; s++) {
      const rand = seeded(7000 + 1000 * n + s);
      let text = input.text;
      let previous = new ParsedConfig(text);
      for (let e = 0; e < EDITS; e++) {
        text = edit(text, rand);
        if (keepsShape(previous, text)) copied++;
        const next = reparse(text, previous);
        assert.deepEqual(shape(next), shape(new ParsedConfig(text)), `${input.name}, seed ${7000 + 1000 * n + s}, edit ${e + 1}`);
        edits++;
        if (next.spliced) spliced++;
        previous = next;
      }
    }
  }
  console.log(`splice: ${edits} edits, ${spliced} read by sections, ${copied} of them with no line read again`);
  // Most edits stay within a section: if splicing stopped happening, this says so.
  assert.ok(spliced > edits / 2, `only ${spliced} of ${edits} edits were read by sections`);
  assert.ok(copied > edits / 20, `only ${copied} of ${edits} edits kept every line's shape`);
});

test('an edit reads only its section again; a repeated section name makes a whole reading', () => {
  const text = lines('[DEFAULT]', 'a = 1', '[app:main]', 'use = egg:kallithea', 'x = 1', '[server:main]', 'use = egg:gunicorn#main', 'workers = 4', '');
  const first = new ParsedConfig(text);
  const edited = reparse(text.replace('x = 1', 'x = 12\ny = 2'), first);
  assert.ok(edited.spliced);
  assert.equal(edited.sections[2].line, 6);
  assert.deepEqual(edited.entryLines.subarray(0, edited.entryCount), Int32Array.from([1, 3, 4, 5, 7, 8]));
  const repeated = lines('[app:main]', 'x = 1', '[other]', 'y = 1', '[app:main]', 'x = 2', '');
  const again = reparse(repeated.replace('x = 2', 'x = 2\nw = 1'), new ParsedConfig(repeated));
  assert.equal(again.spliced, false);
  assert.equal(again.duplicateOf(2)?.index, 0);
  // A second U+FEFF after the byte order mark is text (an orphan line): it must not be read as a mark again.
  const marks = '\ufeff\ufeff# note\n[app:main]\nx = 1\n';
  const edited2 = marks.replace('# note', '# notes');
  assert.deepEqual(shape(reparse(edited2, new ParsedConfig(marks))), shape(new ParsedConfig(edited2)));
});

test('typing in a value or a comment reads no line again; anything that can change how a line reads does', () => {
  const text = lines('[app:main]', 'use = egg:kallithea', '# a note', 'list =', '    one', '[x = 1', 'port: 80', '');
  const first = new ParsedConfig(text);
  const cases: [string, string, boolean][] = [
    ['egg:kallithea', 'egg:kallitheaX', true], // a value
    ['# a note', '# a notes', true], // a comment
    ['    one', '    ones', true], // a continuation line
    ['port: 80', 'port: 8080', true], // after a ':' delimiter
    ['use = egg', 'uses = egg', false], // the key
    ['use = egg', 'use == egg', true], // a second '=' is the value's
    ['port: 80', 'port 80', false], // the delimiter itself
    ['[x = 1', '[x = 1]', false], // a key line that a ']' turns into a header
    ['    one', '     one', false], // indentation
    ['# a note', '#', true], // a comment's text, down to its first character
    ['# a note', ' a note', false], // ... which it cannot lose
    ['egg:kallithea', 'egg:kallithea\nx = 2', false], // a new line
  ];
  for (const [from, to, kept] of cases) {
    const edited = text.replace(from, to);
    assert.equal(keepsShape(first, edited), kept, `${from} -> ${to}`);
    assert.deepEqual(shape(reparse(edited, first)), shape(new ParsedConfig(edited)), `${from} -> ${to}`);
  }
});
