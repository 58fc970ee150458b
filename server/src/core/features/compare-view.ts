// The instances of a site side by side, as text: `--compare` prints it, and the editor's
// Compare Instances command shows the Markdown form. One row per setting that must
// agree or that differs, one column per instance; secrets are masked already.

import type { Comparison, CompareRow } from '../model/site';

const WIDTH = 36;

// Long values lose their middle: instances usually differ at the end (a host, a folder).
const cut = (s: string, width: number) => {
  if (s.length <= width) return s;
  const head = Math.floor((width - 1) / 3);
  return s.slice(0, head) + '…' + s.slice(s.length - (width - 1 - head));
};

/** `!` a setting that must agree and differs, `~` another setting that differs, `=` one that must agree and does. */
export function rowMark(row: CompareRow): '!' | '~' | '=' {
  return row.differs ? (row.mustAgree ? '!' : '~') : '=';
}

/** The summary line: how many shared settings differ, by name. */
export function comparisonSummary(c: Comparison): string {
  const broken = c.rows.filter((r) => r.mustAgree && r.differs).map((r) => r.key);
  const others = c.rows.filter((r) => !r.mustAgree).length;
  const shared = broken.length === 0 ? 'Every setting that must agree does.' : `${broken.length} setting${broken.length === 1 ? '' : 's'} that must agree differ${broken.length === 1 ? 's' : ''}: ${broken.join(', ')}.`;
  return `${shared} ${others} other setting${others === 1 ? '' : 's'} differ${others === 1 ? 's' : ''} (host, port and the like may).`;
}

/** Aligned columns for a terminal. `paint` colours a marked row (identity for plain text). */
export function comparisonText(c: Comparison, paint: (mark: '!' | '~' | '=', text: string) => string = (_m, t) => t): string {
  const out = [`Comparing ${c.instances.length} instances:`, ...c.instances.map((p, i) => `  [${i + 1}] ${p}`), ''];
  const keyWidth = Math.min(40, Math.max(3, ...c.rows.map((r) => r.key.length)));
  const widths = c.instances.map((_, i) => Math.min(WIDTH, Math.max(`[${i + 1}]`.length, ...c.rows.map((r) => (r.values[i] ?? '(not set)').length))));
  const line = (mark: string, key: string, cells: string[]) => `${mark} ${cut(key, keyWidth).padEnd(keyWidth)}  ${cells.map((v, i) => cut(v, widths[i]).padEnd(widths[i])).join('  ')}`.trimEnd();
  out.push(line(' ', 'key', c.instances.map((_, i) => `[${i + 1}]`)));
  for (const row of c.rows) {
    const mark = rowMark(row);
    out.push(paint(mark, line(mark, row.key, row.values.map((v) => v ?? '(not set)'))));
  }
  out.push('', '! must agree and differs   ~ differs   = must agree and does', comparisonSummary(c));
  return out.join('\n') + '\n';
}

/** A Markdown table (for the editor's read-only view): differences in bold, marked in the first column. */
export function comparisonMarkdown(c: Comparison, title: string): string {
  const esc = (s: string) => s.replace(/[\\`*_|<>[\]]/g, (ch) => `\\${ch}`);
  const out = [`# ${esc(title)}`, '', ...c.instances.map((p, i) => `${i + 1}. \`${p.replace(/`/g, '')}\``), ''];
  out.push(`| | Setting | ${c.instances.map((_, i) => `[${i + 1}]`).join(' | ')} |`, `| --- | --- | ${c.instances.map(() => '---').join(' | ')} |`);
  for (const row of c.rows) {
    const mark = rowMark(row);
    const label = { '!': '**≠ must agree**', '~': '≠', '=': '=' }[mark];
    const cell = (v: string | null) => (v === null ? '*(not set)*' : row.differs ? `**${esc(v)}**` : esc(v));
    out.push(`| ${label} | \`${row.key.replace(/`/g, '')}\` | ${row.values.map(cell).join(' | ')} |`);
  }
  out.push('', comparisonSummary(c));
  return out.join('\n') + '\n';
}
