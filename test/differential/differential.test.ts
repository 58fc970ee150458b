// The parser and the effective-config model against Python's configparser itself:
// on the project's fixtures and examples, on the corpus of generated Kallithea
// configs when it is present, and on thousands of random edits of all of them.
// Sections, keys, raw and interpolated values must agree exactly; where Python
// raises, the linter must report the matching rule, and where it does not, no
// load-failure rule may fire.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analysis/analysis';
import { interpolatedByPython } from '../../server/src/core/catalog/sections';
import { mutate } from '../helpers/mutate';
import { runOracle, type OracleResult } from '../helpers/oracle';
import { corpusFiles, EXAMPLES, FIXTURES, iniFilesIn, readText } from '../helpers/paths';
import { seeded } from '../helpers/random';

const READ_RULES = ['missing-section-header', 'invalid-line', 'duplicate-section', 'duplicate-key', 'utf8-bom'];
const GET_RULES: Record<string, string> = { syntax: 'bad-percent', missing: 'undefined-reference', depth: 'recursive-reference' };
const VARIATIONS = Number(process.env.DIFFERENTIAL_VARIATIONS ?? 2500);

interface Case {
  name: string;
  text: string;
}

/** Compare one case; returns a list of disagreements (empty when all agree). */
function compare(c: Case, file: string, py: OracleResult): string[] {
  const problems: string[] = [];
  const { file: opened, diagnostics } = analyze({ text: c.text, filePath: file });
  const model = opened.model!;
  const rules = new Set(diagnostics.map((d) => d.rule));
  const readRules = READ_RULES.filter((r) => rules.has(r));

  if (py.readError) {
    const accepted = py.readError === 'missing-section-header' ? ['missing-section-header', 'utf8-bom'] : [py.readError];
    if (!accepted.some((r) => rules.has(r))) problems.push(`Python: ${py.readError} (${py.detail}); linter: ${[...rules].join(', ') || 'nothing'}`);
    return problems;
  }
  if (readRules.length) problems.push(`Python reads the file, but the linter reports ${readRules.join(', ')}`);

  const ours = model.parsed.sections.map((s) => s.name).filter((n, i, all) => n !== 'DEFAULT' && all.indexOf(n) === i);
  assertSame(problems, 'sections', ours, py.sections);

  const rawDefaults: Record<string, string> = {};
  for (const [k, b] of model.defaults) rawDefaults[k] = b.value;
  assertSame(problems, 'raw [DEFAULT]', rawDefaults, py.raw!.DEFAULT);
  for (const name of py.sections!) {
    const raw: Record<string, string> = {};
    for (const [k, e] of model.sections.get(name) ?? []) raw[k] = e.value;
    assertSame(problems, `raw [${name}]`, raw, py.raw![name]);
  }

  const pyFailures = new Set<string>();
  for (const [section, options] of Object.entries(py.interpolated!)) {
    for (const [key, expected] of Object.entries(options)) {
      const got = model.get(section, key);
      const actual = !got ? { error: 'absent' } : got.ok ? { ok: got.value } : { error: got.error.kind };
      assertSame(problems, `get(${section}, ${key})`, actual, expected);
      if (!('error' in expected) || !got || got.ok) continue;
      const entry = section === 'DEFAULT' ? model.defaults.get(key)?.entry : model.sections.get(section)?.get(key);
      // Only values Python reads at run time must be reported ([uwsgi] and formatter strings are not).
      if (!entry || !interpolatedByPython(entry.section.name, key)) continue;
      pyFailures.add(`${section}\u0000${key}`);
      const origin = got.error.origin.entry ?? entry;
      const rule = GET_RULES[got.error.kind];
      const reported = diagnostics.some(
        (d) => d.rule === rule && d.range.start.line >= origin.range.start.line && d.range.start.line <= origin.range.end.line,
      );
      if (!reported) problems.push(`Python fails on get(${section}, ${key}) with ${got.error.kind}; no ${rule} on line ${origin.range.start.line + 1}`);
    }
  }
  // No false alarms: every interpolation diagnostic sits on a key whose read fails in Python.
  for (const d of diagnostics) {
    if (!Object.values(GET_RULES).includes(d.rule)) continue;
    const owner = model.parsed.ownerAt(d.range.start.line);
    if (!owner || !('key' in owner)) {
      problems.push(`${d.rule} at line ${d.range.start.line + 1} is not on a key`);
      continue;
    }
    const section = owner.section.name;
    if (!pyFailures.has(`${section}\u0000${owner.key}`)) problems.push(`${d.rule} on ${section}.${owner.key}, but Python reads it fine`);
  }
  return problems;
}

function assertSame(problems: string[], what: string, actual: unknown, expected: unknown): void {
  try {
    assert.deepStrictEqual(actual, expected);
  } catch {
    problems.push(`${what}: parser ${JSON.stringify(actual)?.slice(0, 300)} vs Python ${JSON.stringify(expected)?.slice(0, 300)}`);
  }
}

function baseCases(): Case[] {
  const files = [...iniFilesIn(FIXTURES), ...iniFilesIn(EXAMPLES), ...corpusFiles()];
  return files.map((f) => ({ name: path.relative(path.dirname(path.dirname(f)), f), text: readText(f) }));
}

function runCases(cases: Case[]): { compared: number; failures: string[]; refused: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kallithea-diff-'));
  try {
    const files = cases.map((c, i) => {
      const file = path.join(dir, `case-${i}.ini`);
      fs.writeFileSync(file, c.text, 'utf8');
      return file;
    });
    const results = runOracle(files);
    const failures: string[] = [];
    cases.forEach((c, i) => {
      const problems = compare(c, files[i], results[i]);
      if (problems.length) failures.push(`${c.name}:\n  ${problems.slice(0, 5).join('\n  ')}`);
    });
    return { compared: cases.length, failures, refused: results.filter((r) => r.readError).length };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('the parser reads every fixture, example and corpus file exactly as Python does', () => {
  const cases = baseCases();
  assert.ok(cases.length >= 5, 'expected fixtures to compare');
  const { compared, failures } = runCases(cases);
  console.log(`differential: ${compared} real files compared with Python's configparser (${corpusFiles().length} from the corpus)`);
  assert.deepEqual(failures, []);
});

test(`the parser agrees with Python on ${VARIATIONS} random variations of real configs`, () => {
  const bases = baseCases();
  const cases: Case[] = [];
  for (let i = 0; i < VARIATIONS; i++) {
    const rand = seeded(1000 + i);
    const base = bases[i % bases.length];
    cases.push({ name: `variation seed=${1000 + i} of ${base.name}`, text: mutate(base.text, rand) });
  }
  const { compared, failures, refused } = runCases(cases);
  console.log(`differential: ${compared} variations compared with Python's configparser (${refused} of them refused by Python, ${compared - refused} loaded)`);
  assert.deepEqual(failures.slice(0, 20), [], `${failures.length} of ${compared} variations disagree`);
});
