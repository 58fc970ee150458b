// The property test behind `npm test` (a short seeded run) and `npm run test:stress`
// (the full run): random and mutated configs through every core feature, checking
// that nothing throws and every range returned lies inside the document. A failing
// input is written to test/fixtures/fuzz/ so that it becomes a regression fixture.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { complete } from '../../server/src/core/features/completion';
import type { Diagnostic } from '../../server/src/core/analysis/diagnostics';
import { effectiveConfigView } from '../../server/src/core/features/effective-view';
import { applyEdits, fixesFor } from '../../server/src/core/analysis/fixes';
import { hover } from '../../server/src/core/features/hover';
import { analyze } from '../../server/src/core/analysis/analysis';
import { ConfigModel } from '../../server/src/core/model/model';
import { definition, documentSymbols, foldingRanges, prepareRename, references, rename, type SymbolNode } from '../../server/src/core/features/navigation';
import type { Position, Range } from '../../server/src/core/syntax/text';
import { mutate } from './mutate';
import { corpusFiles, EXAMPLES, FIXTURES, iniFilesIn, readText } from './paths';
import { int, pick, seeded, type Random } from './random';

export const REGRESSIONS = path.join(FIXTURES, 'fuzz');

const TOKENS = ['[', ']', '[app:main]', '[DEFAULT]', '[uwsgi]', '[loggers]', 'keys = a, b', '=', ':', ' ', '\t', '\n', '\r\n', '\r', '%', '%%', '%(', ')s', '%(here)s', '%(a)s', 'a', 'b = 1', '#', ';', ' ; c', 'use = egg:kallithea', 'debug = true', 'workers = 4', 'é', '😀', '\ufeff', '\u0000', '\u2028', '\ud800', '\udfff', '    ', 'set x', 'get y', 'sqlalchemy.url = sqlite:///%(here)s/k.db', 'filter-with = p', 'session.type = cookie'];

function randomTokens(rand: Random, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += pick(rand, TOKENS);
  return s;
}

function randomUnits(rand: Random, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(rand() < 0.7 ? int(rand, 0, 127) : int(rand, 0, 0xffff));
  return s;
}

/** One input for a seed: mostly mutated real configs, sometimes pathological text. */
export function fuzzInput(seed: number, bases: string[]): string {
  const rand = seeded(seed);
  const r = rand();
  if (r < 0.55) return mutate(pick(rand, bases), rand);
  if (r < 0.75) return randomTokens(rand, int(rand, 0, 300));
  if (r < 0.87) return randomUnits(rand, int(rand, 0, 600));
  if (r < 0.9) return '[app:main]\nuse = egg:kallithea\nx = ' + 'y'.repeat(int(rand, 1000, 200_000)) + '\n';
  if (r < 0.93) return '[app:main]\nuse = egg:kallithea\nlist =\n' + '    item %(here)s ; z\n'.repeat(int(rand, 100, 5000));
  if (r < 0.96) return Array.from({ length: int(rand, 100, 3000) }, (_, i) => `[s${i % 500}]\nk${i} = %(k${i - 1})s`).join(rand() < 0.5 ? '\n' : '\r');
  return '\ufeff' + mutate(pick(rand, bases), rand).replace(/\n/g, rand() < 0.5 ? '\r' : '\r\n');
}

export function baseTexts(): string[] {
  return [...corpusFiles(), ...iniFilesIn(FIXTURES).filter((f) => !f.startsWith(REGRESSIONS)), ...iniFilesIn(EXAMPLES)].map(readText);
}

function inside(model: ConfigModel, r: Range | Position | undefined, what: string): void {
  if (!r) return;
  const positions = 'start' in r ? [r.start, r.end] : [r];
  for (const p of positions) {
    const lines = model.parsed.lines;
    if (p.line < 0 || p.line >= lines.length || p.character < 0 || p.character > lines.width(p.line)) throw new Error(`${what}: position ${p.line}:${p.character} is outside the document`);
  }
  if ('start' in r && (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character))) throw new Error(`${what}: range ends before it starts`);
}

function symbolsInside(model: ConfigModel, nodes: SymbolNode[]): void {
  for (const n of nodes) {
    inside(model, n.range, 'symbol');
    inside(model, n.selectionRange, 'symbol selection');
    symbolsInside(model, n.children ?? []);
  }
}

/** Everything the product does with a text; throws on the first broken promise. */
export function exercise(text: string, rand: Random, positions = 6): { diagnostics: Diagnostic[]; fixes: number } {
  // The entry point the hosts use; the fuzz texts are small, so the size limit never stops them.
  const { file, diagnostics } = analyze({ text, filePath: '/srv/fuzz/kallithea.ini' });
  const model = file.model!;
  let fixes = 0;
  for (const d of diagnostics.slice(0, 40)) {
    inside(model, d.range, `diagnostic ${d.rule}`);
    for (const f of fixesFor(model, d, undefined, (n) => 'a'.repeat(n))) {
      for (const e of f.edits) inside(model, e.range, `fix ${f.title}`);
      applyEdits(model.parsed, f.edits);
      fixes++;
    }
  }
  symbolsInside(model, documentSymbols(model));
  for (const f of foldingRanges(model)) if (f.startLine > f.endLine || f.endLine >= model.parsed.lines.length) throw new Error('folding range outside the document');
  effectiveConfigView(model);
  const lines = model.parsed.lines;
  const at: Position[] = diagnostics.slice(0, 5).map((d) => d.range.start);
  for (let i = 0; i < positions; i++) {
    const line = int(rand, 0, lines.length - 1);
    at.push({ line, character: int(rand, 0, lines.width(line)) });
  }
  for (const p of at) {
    const h = hover(model, p);
    if (h) inside(model, h.range, 'hover');
    for (const c of complete(model, p, { snippets: true, hex: (n) => 'b'.repeat(n) })) inside(model, c.range, 'completion');
    inside(model, definition(model, p), 'definition');
    for (const r of references(model, p)) inside(model, r, 'reference');
    const prep = prepareRename(model, p);
    if (prep) inside(model, prep.range, 'prepareRename');
    for (const e of rename(model, p, 'renamed') ?? []) inside(model, e.range, 'rename');
  }
  return { diagnostics, fixes };
}

export interface FuzzReport {
  cases: number;
  fixes: number;
  failures: string[];
}

/** Replay the saved regressions, then `count` seeded cases from `firstSeed`. */
export function runFuzz(firstSeed: number, count: number): FuzzReport {
  const bases = baseTexts();
  const report: FuzzReport = { cases: 0, fixes: 0, failures: [] };
  const saved = fs.existsSync(REGRESSIONS) ? fs.readdirSync(REGRESSIONS).filter((f) => f.endsWith('.ini')).sort() : [];
  const cases: [string, () => string][] = [
    ...saved.map((f): [string, () => string] => [`regression ${f}`, () => fs.readFileSync(path.join(REGRESSIONS, f), 'utf8')]),
    ...Array.from({ length: count }, (_, i): [string, () => string] => [`seed ${firstSeed + i}`, () => fuzzInput(firstSeed + i, bases)]),
  ];
  for (const [name, make] of cases) {
    const text = make();
    try {
      report.fixes += exercise(text, seeded(text.length + 17)).fixes;
    } catch (err) {
      const seed = /^seed (\d+)$/.exec(name)?.[1];
      if (seed) {
        fs.mkdirSync(REGRESSIONS, { recursive: true });
        fs.writeFileSync(path.join(REGRESSIONS, `seed-${seed}.ini`), text);
      }
      report.failures.push(`${name}: ${(err as Error).stack?.split('\n').slice(0, 3).join(' | ')}`);
    }
    report.cases++;
  }
  return report;
}
