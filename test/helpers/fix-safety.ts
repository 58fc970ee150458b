// "Fixes never lose text": every offered fix, alone and all together (fix-all), on
// real configs and random variations of them. The result still loads in Python's
// configparser (when the original did), the fixed rule fires less, no line outside
// the fix's own lines changes, every comment and the line endings survive, and
// fix-all applied twice changes nothing the second time.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyEdits, fixAll, fixesFor } from '../../server/src/core/analysis/fixes';
import { analyzed } from './core';
import { ConfigModel } from '../../server/src/core/model/model';
import { parse } from '../../server/src/core/syntax/parser';
import { mutate } from './mutate';
import { runOracle } from './oracle';
import { seeded } from './random';

const FILE = '/srv/fixes/kallithea.ini';
const model = (text: string) => new ConfigModel(parse(text), { filePath: FILE });

interface Candidate {
  name: string;
  original: string;
  fixed: string;
  rule?: string;
}

function comments(text: string): string[] {
  const p = parse(text);
  return p.comments.map((c) => c.text).sort();
}

function eols(text: string): Set<string> {
  return new Set(text.match(/\r\n|\r|\n/g) ?? []);
}

function lineProblems(c: Candidate, editLines: [number, number] | undefined): string[] {
  const problems: string[] = [];
  const before = comments(c.original);
  const after = comments(c.fixed);
  // Every original comment still there (a fix may add comments, e.g. a moved inline note).
  const remaining = [...after];
  for (const com of before) {
    const i = remaining.indexOf(com);
    if (i < 0) problems.push(`comment lost: ${JSON.stringify(com)}`);
    else remaining.splice(i, 1);
  }
  const be = eols(c.original);
  if (be.size === 1) for (const e of eols(c.fixed)) if (!be.has(e)) problems.push(`line ending ${JSON.stringify(e)} introduced`);
  if (editLines) {
    const a = c.original.split(/\r\n|\r|\n/);
    const b = c.fixed.split(/\r\n|\r|\n/);
    let start = 0;
    while (start < a.length && start < b.length && a[start] === b[start]) start++;
    let endA = a.length;
    let endB = b.length;
    while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
      endA--;
      endB--;
    }
    if (start < endA && (start < editLines[0] || endA - 1 > editLines[1])) problems.push(`lines ${start + 1}-${endA} changed outside the fix's lines ${editLines[0] + 1}-${editLines[1] + 1}`);
  }
  return problems;
}

export interface FixSafetyReport {
  configs: number;
  fixesApplied: number;
  failures: string[];
}

export function checkFixes(bases: { name: string; text: string }[], variations: number, seed = 1): FixSafetyReport {
  const inputs = [...bases];
  for (let i = 0; i < variations; i++) {
    const base = bases[i % bases.length];
    inputs.push({ name: `${base.name} variation ${seed + i}`, text: mutate(base.text, seeded(seed + i)) });
  }
  const candidates: (Candidate & { editLines?: [number, number]; before?: number })[] = [];
  const failures: string[] = [];
  for (const input of inputs) {
    const { model: m, diagnostics } = analyzed(input.text);
    for (const d of diagnostics) {
      for (const fix of fixesFor(m, d, undefined, (n) => 'c'.repeat(n))) {
        if (fix.edits.length === 0) continue;
        let fixed: string;
        try {
          fixed = (m.parsed.bom ? '\ufeff' : '') + applyEdits(m.parsed, fix.edits);
        } catch (err) {
          failures.push(`${input.name}: ${d.rule} / ${fix.title}: ${(err as Error).message}`);
          continue;
        }
        const lines = fix.edits.flatMap((e) => [e.range.start.line, e.range.end.line]);
        candidates.push({
          name: `${input.name}: ${d.rule} / ${fix.title}`,
          original: input.text,
          fixed,
          rule: d.rule,
          editLines: [Math.min(...lines), Math.max(...lines)],
          before: diagnostics.filter((x) => x.rule === d.rule).length,
        });
      }
    }
    const all = fixAll(input.text, { filePath: FILE }).text;
    candidates.push({ name: `${input.name}: fix-all`, original: input.text, fixed: all });
    if (fixAll(all, { filePath: FILE }).text !== all) failures.push(`${input.name}: fix-all applied twice changes the text again`);
  }
  // Python reads every original and every result, in one batch.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kallithea-fixes-'));
  try {
    const texts = [...new Set(candidates.flatMap((c) => [c.original, c.fixed]))];
    const files = texts.map((t, i) => {
      const f = path.join(dir, `${i}.ini`);
      fs.writeFileSync(f, t);
      return f;
    });
    const loads = new Map<string, boolean>();
    runOracle(files).forEach((r, i) => loads.set(texts[i], r.readError === null));
    for (const c of candidates) {
      const problems = lineProblems(c, c.editLines);
      if (loads.get(c.original) && !loads.get(c.fixed)) problems.push('the original loads in Python, the fixed file does not');
      // A file with repeated keys or sections, or several lines before the first header, can
      // report the next occurrence in place of the fixed one; elsewhere the rule must fire less.
      const messy = /duplicate-|missing-section-header/.test(c.rule ?? '') || analyzed(c.original).diagnostics.some((d) => d.rule.startsWith('duplicate-'));
      if (!messy && c.rule && c.before !== undefined && analyzed(c.fixed).diagnostics.filter((d) => d.rule === c.rule).length >= c.before) problems.push(`${c.rule} fires as often as before`);
      if (problems.length) failures.push(`${c.name}: ${problems.join('; ')}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { configs: inputs.length, fixesApplied: candidates.length, failures };
}
