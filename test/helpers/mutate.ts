// Random edits of real configs, of the kinds people make by hand: duplicated
// lines, a stray '%', indentation, inline comments, a header deleted, CRLF or CR
// line breaks, a BOM, empty values, non-ASCII text, references to keys.

import { int, pick, type Random } from './random';

const UNICODE = ['é', 'ß', '日本語', 'Ω', '😀', '\u00a0', '\u2028', '\u3000', 'ü', '\u0085', '\u000b', '\u000c', '\u001c'];
const NAMES = ['here', '__file__', 'cache_dir', 'missing_key', 'smtp_server', 'Here', 'index_dir', 'email_to', 'a', 'b'];

type Mutation = (lines: string[], rand: Random) => void;

const at = (lines: string[], rand: Random) => int(rand, 0, Math.max(0, lines.length - 1));

const MUTATIONS: Mutation[] = [
  // duplicate a line
  (l, r) => {
    const i = at(l, r);
    l.splice(i + 1, 0, l[i] ?? '');
  },
  // stray percent
  (l, r) => {
    const i = at(l, r);
    const s = l[i] ?? '';
    const p = int(r, 0, s.length);
    l[i] = s.slice(0, p) + pick(r, ['%', '50%', '%%', '%s', '%(', '%d', '%40']) + s.slice(p);
  },
  // indent a line
  (l, r) => {
    const i = at(l, r);
    l[i] = pick(r, [' ', '  ', '    ', '\t', ' \t']) + (l[i] ?? '');
  },
  // indent a block of lines by the same amount (and sometimes one of them a little more)
  (l, r) => {
    const i = at(l, r);
    const pad = pick(r, [' ', '  ', '\t']);
    const n = int(r, 2, 5);
    for (let k = i; k < Math.min(l.length, i + n); k++) l[k] = pad + l[k];
    if (r() < 0.3 && l[i + 1] !== undefined) l[i + 1] = ' ' + l[i + 1];
  },
  // inline comment
  (l, r) => {
    const i = at(l, r);
    l[i] = (l[i] ?? '') + pick(r, [' ; note', '  # note', ';x', ' #', '\t; tab note']);
  },
  // remove a section header (or any line)
  (l, r) => {
    const headers = l.map((s, i) => (s.startsWith('[') ? i : -1)).filter((i) => i >= 0);
    const i = headers.length && r() < 0.7 ? pick(r, headers) : at(l, r);
    l.splice(i, 1);
  },
  // empty a value
  (l, r) => {
    const i = at(l, r);
    const s = l[i] ?? '';
    const eq = s.search(/[=:]/);
    if (eq >= 0) l[i] = s.slice(0, eq + 1) + pick(r, ['', ' ', '  ']);
  },
  // non-ASCII text
  (l, r) => {
    const i = at(l, r);
    const s = l[i] ?? '';
    const p = int(r, 0, s.length);
    l[i] = s.slice(0, p) + pick(r, UNICODE) + s.slice(p);
  },
  // a reference to some key
  (l, r) => {
    const i = at(l, r);
    l[i] = (l[i] ?? '') + `%(${pick(r, NAMES)})s`;
  },
  // a new key line, possibly defining a referenced name, possibly with ':'
  (l, r) => {
    const i = at(l, r);
    const name = pick(r, NAMES);
    l.splice(i, 0, `${name}${pick(r, [' = ', ':', ' : ', '='])}${pick(r, ['value', '%(here)s/x', '%(a)s', '%(b)s', '', 'x=y', 'http://h:1/'])}`);
  },
  // a line without delimiter, or with an empty key
  (l, r) => {
    const i = at(l, r);
    l.splice(i, 0, pick(r, ['just words', '= value', ' : value', 'key', '[', '[]', '[unclosed', 'x[y]']));
  },
  // a new section header, possibly repeated or DEFAULT
  (l, r) => {
    const i = at(l, r);
    l.splice(i, 0, pick(r, ['[DEFAULT]', '[app:main]', '[new]', '  [indented]', '[a] trailing', '[x]]', '[ spaced ]', '[default]']));
  },
  // a blank line or a comment inside a value
  (l, r) => {
    const i = at(l, r);
    l.splice(i, 0, pick(r, ['', '   ', '# c', '    ; c', '\t']));
  },
  // a continuation line
  (l, r) => {
    const i = at(l, r);
    l.splice(i + 1, 0, pick(r, ['    more text', '\tkey = value', '  %(here)s', '   [looks:like] header', '  # c']));
  },
];

/** Apply 1-3 random edits; line breaks and a BOM are chosen last. */
export function mutate(text: string, rand: Random): string {
  const lines = text.split(/\r\n|\r|\n/);
  const n = int(rand, 1, 3);
  for (let k = 0; k < n; k++) pick(rand, MUTATIONS)(lines, rand);
  const eol = rand() < 0.15 ? '\r\n' : rand() < 0.05 ? '\r' : '\n';
  let out = lines.join(eol);
  if (rand() < 0.1) out = out.replace(/\n$/, ''); // no final newline
  if (rand() < 0.03) out = '\ufeff' + out;
  return out;
}
