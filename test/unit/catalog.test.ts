import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { CATALOG as FULL_CATALOG } from '../../server/src/core/catalog';
import { APP_KEYS } from '../../server/src/core/catalog/keys-app';
import { OTHER_KEYS } from '../../server/src/core/catalog/keys-other';
import { SERVER_KEYS } from '../../server/src/core/catalog/keys-servers';
import { UWSGI_KEYS } from '../../server/src/core/catalog/keys-uwsgi';
import type { KeyInfo, SectionKind } from '../../server/src/core/catalog/types';
import { ConfigModel } from '../../server/src/core/model/model';
import { parse } from '../../server/src/core/syntax/parser';
import { complete } from '../../server/src/core/features/completion';
import { hover } from '../../server/src/core/features/hover';
import { lintText } from '../helpers/core';
import { corpusFiles, EXAMPLES, FIXTURES, ROOT } from '../helpers/paths';

const CATALOG: readonly KeyInfo[] = [...APP_KEYS, ...SERVER_KEYS, ...UWSGI_KEYS, ...OTHER_KEYS];

const TYPE_KINDS = new Set(['bool', 'int', 'path', 'url', 'enum', 'list', 'secret', 'string', 'regex', 'python', 'entry-point', 'section-ref', 'host-port']);
const SECTION_KINDS = new Set<SectionKind>([
  'defaults', 'app', 'server:waitress', 'server:gunicorn', 'server:wsgiref', 'server:gevent', 'server',
  'filter:prefix', 'filter', 'composite', 'uwsgi', 'alembic', 'loggers', 'handlers', 'formatters', 'logger', 'handler', 'formatter', 'other',
]);

// Parser fixtures that exist to exercise configparser edge cases with made-up keys.
const PARSER_FIXTURES = new Set(['no-final-newline.ini', 'tricky-crlf.ini']);

/** In [DEFAULT] any application key may stand, since PasteDeploy hands it to the app as global config. */
function appliesTo(info: KeyInfo, kind: SectionKind): boolean {
  return info.sections.includes(kind) || (kind === 'defaults' && info.sections.includes('app'));
}

/** The first entry that names the key for this kind of section, as the language server looks it up. */
function lookup(key: string, kind: SectionKind): KeyInfo | undefined {
  return CATALOG.find((info) => appliesTo(info, kind) && (info.pattern ? info.pattern.test(key) : info.name === key));
}

/** `set NAME` and `get NAME` lines are about NAME. */
function bareKey(key: string): string {
  const m = /^(?:set|get)\s+(.+)$/.exec(key);
  return m ? m[1].trim() : key;
}

/** Keys of `file` that are not in the catalog for their section kind, as "[section] key". */
function unknownKeys(file: string, allowUserVariables: boolean): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const model = new ConfigModel(parse(text), { filePath: file });
  // A key used only as `%(name)s` elsewhere is the admin's own variable, such as a shared root folder.
  const referenced = new Set([...text.matchAll(/%\(([^)]+)\)s/g)].map((m) => m[1]));
  const missing: string[] = [];
  for (const entry of model.parsed.entries) {
    const kind = model.sectionKind(entry.section.name);
    if (kind === 'other') continue;
    const key = bareKey(entry.key);
    if (allowUserVariables && referenced.has(key)) continue;
    if (!lookup(key, kind)) missing.push(`[${entry.section.name}] ${entry.key} (${kind})`);
  }
  return missing;
}

function iniFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.ini')).sort().map((f) => path.join(dir, f));
}

test('every entry is described, typed and placed in a section kind; patterns match whole keys', () => {
  for (const info of CATALOG) {
    assert.ok(info.name.length > 0, 'an entry without a name');
    assert.ok(info.description.trim().length >= 20, `${info.name}: description too short`);
    assert.ok(TYPE_KINDS.has(info.type.kind), `${info.name}: unknown type kind ${info.type.kind}`);
    assert.ok(info.sections.length > 0, `${info.name}: no section kind`);
    for (const s of info.sections) assert.ok(SECTION_KINDS.has(s), `${info.name}: unknown section kind ${s}`);
    if (info.pattern) {
      assert.ok(info.pattern.source.startsWith('^') && info.pattern.source.endsWith('$'), `${info.name}: pattern ${info.pattern} is not anchored`);
      assert.ok(/<[^>]+>/.test(info.name), `${info.name}: a pattern entry needs a <placeholder> in its name`);
    }
    if (info.docs !== undefined) assert.match(info.docs, /^https:\/\/\S+$/, `${info.name}: docs must be an https URL`);
    if (info.type.kind === 'secret') assert.equal(info.secret, true, `${info.name}: secret-typed entries must be masked`);
    if (info.impactTags?.length) assert.ok(info.impact, `${info.name}: impact tags without an impact text`);
  }
});

test('no exact entry is hidden behind an earlier pattern of the same section kind', () => {
  for (const info of CATALOG) {
    if (info.pattern) continue;
    for (const kind of info.sections) assert.equal(lookup(info.name, kind), info, `${info.name} in ${kind} is shadowed`);
  }
});

test('no two exact entries share a name in the same section kind', () => {
  const seen = new Map<string, KeyInfo>();
  for (const info of CATALOG) {
    if (info.pattern) continue;
    for (const kind of info.sections) {
      const id = `${kind} ${info.name}`;
      assert.ok(!seen.has(id), `duplicate entry ${info.name} for ${kind}`);
      seen.set(id, info);
    }
  }
});

test('every key in the configs Kallithea generates is in the catalog for its section kind', () => {
  const corpus = corpusFiles();
  const own = corpus.length > 0 ? [] : [...iniFiles(path.join(FIXTURES, 'valid')).filter((f) => !PARSER_FIXTURES.has(path.basename(f))), ...iniFiles(EXAMPLES)];
  assert.ok(corpus.length > 0 || own.length > 0, `no configs found under ${ROOT}`);
  for (const file of corpus) assert.deepEqual(unknownKeys(file, false), [], path.basename(file));
  for (const file of own) assert.deepEqual(unknownKeys(file, true), [], path.relative(ROOT, file));
});

test('every key in the project\'s own valid fixtures and production example is in the catalog', () => {
  const files = [...iniFiles(path.join(FIXTURES, 'valid')).filter((f) => !PARSER_FIXTURES.has(path.basename(f))), path.join(EXAMPLES, 'production.ini')];
  for (const file of files.filter((f) => fs.existsSync(f))) assert.deepEqual(unknownKeys(file, true), [], path.relative(ROOT, file));
});

const STRICT_BOOL = new Set(['true', 'yes', 'on', 'y', 't', '1', 'false', 'no', 'off', 'n', 'f', '0']);

function acceptedBy(parser: string, value: string): boolean {
  const v = value.trim().toLowerCase();
  switch (parser) {
    case 'tg':
    case 'paste':
    case 'beaker':
      return STRICT_BOOL.has(v);
    case 'gunicorn':
    case 'celery':
      return v === 'true' || v === 'false';
    case 'waitress':
      return STRICT_BOOL.has(v);
    default:
      return true; // uwsgi and truthy read any text as some boolean
  }
}

test('recommended values are ones their parsers accept', () => {
  for (const info of CATALOG) {
    if (info.recommended === undefined) continue;
    const t = info.type;
    if (t.kind === 'bool') assert.ok(acceptedBy(t.parser, info.recommended), `${info.name}: ${t.parser} rejects ${info.recommended}`);
    if (t.kind === 'int') assert.match(info.recommended, /^\d+$/, `${info.name}: recommended is not an integer`);
    if (t.kind === 'enum' && !t.open) assert.ok(t.values.includes(info.recommended), `${info.name}: ${info.recommended} is not one of its values`);
    if (t.kind === 'entry-point') assert.ok(t.values.includes(info.recommended), `${info.name}: unknown entry point ${info.recommended}`);
  }
});

// One declaration per enum key gives it its hover, its completion and its check.
const HEADERS: Partial<Record<SectionKind, string[]>> = {
  app: ['[app:main]', 'use = egg:kallithea'],
  'server:gunicorn': ['[server:main]', 'use = egg:gunicorn#main'],
  'server:waitress': ['[server:main]', 'use = egg:waitress#main'],
  alembic: ['[alembic]'],
  logger: ['[logger_root]'],
  handler: ['[handler_console]'],
  formatter: ['[formatter_generic]'],
  'filter:prefix': ['[app:main]', 'use = egg:kallithea', 'filter-with = proxy-prefix', '[filter:proxy-prefix]', 'use = egg:PasteDeploy#prefix'],
  uwsgi: ['[uwsgi]'],
};

test('each closed enum key: the hover names its values, completion offers them, and another value is reported', () => {
  let checked = 0;
  for (const info of CATALOG) {
    if (info.type.kind !== 'enum' || info.type.open || info.type.checkedBy || info.pattern) continue;
    const header = HEADERS[info.sections[0]];
    assert.ok(header, `no test header for ${info.sections[0]}`);
    const good = [...header, `${info.name} = ${info.type.values[0]}`].join('\n') + '\n';
    const model = ConfigModel.fromText(good);
    const line = good.split('\n').length - 2;
    const shown = hover(model, { line, character: 1 })!.markdown;
    for (const v of info.type.values.filter(Boolean)) assert.ok(shown.includes('`' + v + '`'), `${info.name}: hover lists ${v}`);
    const offered = complete(model, { line, character: good.split('\n')[line].length }).map((c) => c.label);
    assert.deepEqual(offered, [...info.type.values], `${info.name}: completion offers the values`);
    assert.deepEqual(lintText(good).filter((d) => d.rule === 'invalid-enum'), [], `${info.name}: a listed value is quiet`);
    const bad = good.replace(new RegExp(`= ${info.type.values[0].replace(/[$%{]/g, '\\$&')}\n$`), '= no-such-value\n');
    assert.equal(lintText(bad).filter((d) => d.rule === 'invalid-enum').length, 1, `${info.name}: another value is reported`);
    checked++;
  }
  assert.ok(checked >= 7, `${checked} closed enum keys checked`);
});

test('the catalog fits the two bytes the model keeps per line for its answer', () => {
  // ConfigModel.keyInfo stores 2 + a catalog position in a Uint16Array.
  assert.ok(FULL_CATALOG.length + 2 <= 0xffff, `${FULL_CATALOG.length} catalog entries`);
});
