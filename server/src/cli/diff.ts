// `--diff`: what --fix would change, as a unified diff (the format `patch` and
// `git apply` read), with secrets masked in every line it shows, so that a CI log
// never carries a password or a session secret, not even a fresh one a fix made.

import { isSecretKey, maskUrlPasswords } from '../core/catalog/display';

const CONTEXT = 3;
const MASK = '••••••';
const KEY_LINE = /^(\s*(?:(?:set|get)\s+)?)([^=:\s#;[][^=:]*?)(\s*[=:]\s*)(.*)$/;

/** A config line as a CI log may show it: a secret key's value and URL passwords masked. */
export function maskLine(line: string): string {
  const m = KEY_LINE.exec(line);
  // A secret URL keeps its shape and loses only its password, as in messages.
  if (m && m[4] !== '' && isSecretKey('app', m[2].trim()) && !/^[A-Za-z][\w+.-]*:\/\//.test(m[4])) return `${m[1]}${m[2]}${m[3]}${MASK}`;
  return maskUrlPasswords(line);
}

type Op = { kind: ' ' | '-' | '+'; text: string; a: number; b: number };

/** The line-by-line edit from a to b (Myers' O(ND) algorithm: fast when few lines differ, as with fixes). */
function editScript(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) x++, y++;
      v[max + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk back through the saved frontiers to recover the path.
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[max + k - 1] < vd[max + k + 1]) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[max + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) ops.push({ kind: ' ', text: a[--x], a: x, b: --y });
    if (d > 0) {
      if (x === prevX) ops.push({ kind: '+', text: b[--y], a: x, b: y });
      else ops.push({ kind: '-', text: a[--x], a: x, b: y });
    }
  }
  return ops.reverse();
}

function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The unified diff of two texts ('' when they are the same), every shown line passed through `mask`. */
export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, mask: (line: string) => string = maskLine): string {
  if (oldText === newText) return '';
  const ops = editScript(splitLines(oldText), splitLines(newText));
  const out = [`--- ${oldName}`, `+++ ${newName}`];
  for (let i = 0; i < ops.length; ) {
    if (ops[i].kind === ' ') {
      i++;
      continue;
    }
    // A hunk: the changes, with up to CONTEXT lines around, merged while the gaps are short.
    const start = Math.max(0, i - CONTEXT);
    let end = i;
    for (let j = i; j < ops.length; j++) {
      if (ops[j].kind !== ' ') end = j;
      else if (j - end > 2 * CONTEXT) break;
    }
    const stop = Math.min(ops.length, end + CONTEXT + 1);
    const hunk = ops.slice(start, stop);
    const aStart = hunk[0].a;
    const bStart = hunk[0].b;
    const aLen = hunk.filter((o) => o.kind !== '+').length;
    const bLen = hunk.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${aLen ? aStart + 1 : aStart},${aLen} +${bLen ? bStart + 1 : bStart},${bLen} @@`);
    for (const o of hunk) out.push(o.kind + mask(o.text));
    i = stop;
  }
  return out.join('\n') + '\n';
}
