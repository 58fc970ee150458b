// Which release a config was written for. Admins keep their .ini across upgrades,
// so a file in the wild often comes from RhodeCode or from Kallithea before 0.4
// (Pylons). Each generation left marks in the files its generator wrote: the egg
// name, the database key, the Celery 3 names, Pylons-only keys, a missing
// [alembic], the template's own header comment. The marks were read from the
// shipped development.ini/production.ini and config templates of each release.

import { factOf } from '../syntax/facts';
import { isKallitheaUse } from './detect';
import type { ConfigModel } from './model';
import type { Entry } from '../syntax/parser';
import type { Range } from '../syntax/text';

export type GenerationId = 'rhodecode' | 'kallithea-0.1' | 'kallithea-0.4' | 'kallithea-0.6';

export interface Generation {
  id: GenerationId;
  /** "Kallithea 0.1-0.3 (Pylons)" and the like. */
  label: string;
  /** Written for a release before 0.4: 0.7 reads many of its settings differently. */
  legacy: boolean;
}

export const GENERATIONS: Record<GenerationId, Generation> = {
  rhodecode: { id: 'rhodecode', label: 'RhodeCode 1.x/2.x', legacy: true },
  'kallithea-0.1': { id: 'kallithea-0.1', label: 'Kallithea 0.1-0.3 (Pylons)', legacy: true },
  'kallithea-0.4': { id: 'kallithea-0.4', label: 'Kallithea 0.4-0.5 (TurboGears, Python 2)', legacy: false },
  'kallithea-0.6': { id: 'kallithea-0.6', label: 'Kallithea 0.6-0.7', legacy: false },
};

const ORDER: GenerationId[] = ['rhodecode', 'kallithea-0.1', 'kallithea-0.4', 'kallithea-0.6'];

/** True when generation `id` came before `other`. */
export function olderThan(id: GenerationId, other: GenerationId): boolean {
  return ORDER.indexOf(id) < ORDER.indexOf(other);
}

export interface Evidence {
  /** What was found, in words: "sqlalchemy.db1.url (line 12)". */
  text: string;
  range?: Range;
  points: GenerationId;
  /** The key of the line, when the evidence is a key. */
  key?: string;
}

export interface GenerationReading extends Generation {
  evidence: Evidence[];
  /** The app section loads another application (RhodeCode 4's egg:rhodecode-enterprise-ce, say): no Kallithea generation applies. */
  foreignApp?: string;
}

/** Keys only RhodeCode and Kallithea before 0.4 wrote (Pylons, Celery 3 by host/user, error services). */
const PRE_04_KEYS: readonly RegExp[] = [
  /^sqlalchemy\.db1\./,
  /^broker\.(host|port|user|password|vhost)$/,
  /^(BROKER|CELERY|CELERYD)_[A-Z_]+$/,
  /^celeryd\.log\./,
  /^pdebug$/,
  /^errormator(\.|$)/,
  /^lang$/,
  /^issue_prefix/,
  /^initial_repo_scan$/,
  /^vcs_full_cache$/,
  /^container_auth_enabled$/,
  /^proxypass_auth_enabled$/,
  /^sqlalchemy\.convert_unicode$/,
];

/** Keys Kallithea 0.4 and 0.5 wrote and 0.6 replaced (Celery 3 dotted names, AppEnlight, the beaker.session prefix). */
const KEYS_04_05: readonly RegExp[] = [
  /^broker\.url$/,
  /^celeryd\.(concurrency|max\.tasks\.per\.child)$/,
  /^celery\.(always\.eager|accept\.content|result\.dburi|result\.serialier|send\.task\.error\.emails)$/,
  /^appenlight(\.|$)/,
  /^beaker\.session\./,
];

// Each list as one expression too: every key of the app is tested, and most match neither.
const anyOf = (list: readonly RegExp[]) => new RegExp(list.map((re) => `(?:${re.source})`).join('|'));
const ANY_PRE_04_KEY = anyOf(PRE_04_KEYS);
const ANY_KEY_04_05 = anyOf(KEYS_04_05);

const PYLONS_HEADER = /Pylons environment configuration/i;
const CLI_HEADER = /generated with kallithea-cli/i;

const at = (entry: Entry) => `${entry.key} (line ${entry.keyRange.start.line + 1})`;

/** The generation the file was written for, with the lines that show it; computed once per model. */
export const generationOf: (model: ConfigModel) => GenerationReading = factOf(readGeneration);

function readGeneration(model: ConfigModel): GenerationReading {
  const evidence: Evidence[] = [];
  const app = model.appSection();
  const appEntries = app ? model.sections.get(app)! : new Map<string, Entry>();
  const use = appEntries.get('use');
  if (use && /^egg:/i.test(use.value.trim()) && !isKallitheaUse(use.value))
    return { ...GENERATIONS['kallithea-0.6'], label: `not Kallithea (${use.value.trim()})`, evidence: [], foreignApp: use.value.trim() };
  if (use && /^egg:rhodecode(#main)?$/i.test(use.value.trim()))
    evidence.push({ text: `use = ${use.value.trim()} (line ${use.keyRange.start.line + 1})`, range: use.valueRange, points: 'rhodecode' });

  const keyed = [...model.defaults.values()].flatMap((b) => (b.entry ? [b.entry] : [])).concat([...appEntries.values()]);
  for (const entry of keyed) {
    if (ANY_PRE_04_KEY.test(entry.key)) evidence.push({ text: at(entry), range: entry.keyRange, points: 'kallithea-0.1', key: entry.key });
    else if (ANY_KEY_04_05.test(entry.key)) evidence.push({ text: at(entry), range: entry.keyRange, points: 'kallithea-0.4', key: entry.key });
  }
  const server = model.findSection(['server']);
  const serverUse = server ? model.sections.get(server)!.get('use') : undefined;
  if (serverUse && /^egg:paste#http$/i.test(serverUse.value.trim()))
    evidence.push({ text: `the Paste HTTP server (line ${serverUse.keyRange.start.line + 1})`, range: serverUse.valueRange, points: 'kallithea-0.1' });
  for (const comment of model.parsed.firstComments(20)) {
    if (PYLONS_HEADER.test(comment.text)) evidence.push({ text: `the header comment "Pylons environment configuration" (line ${comment.line + 1})`, range: comment.range, points: 'kallithea-0.1' });
    else if (CLI_HEADER.test(comment.text)) evidence.push({ text: `the header comment of kallithea-cli (line ${comment.line + 1})`, range: comment.range, points: 'kallithea-0.6' });
  }

  const count = (id: GenerationId) => evidence.filter((e) => e.points === id).length;
  const hasModernDb = appEntries.has('sqlalchemy.url') || model.defaults.has('sqlalchemy.url');
  const oldDbOnly = !hasModernDb && evidence.some((e) => e.key === 'sqlalchemy.db1.url');
  const noAlembic = app !== undefined && !model.sections.has('alembic');

  let id: GenerationId = 'kallithea-0.6';
  if (count('rhodecode') > 0) id = 'rhodecode';
  // One stray old key in a maintained file is not enough; the old database key alone is (0.4 renamed it).
  else if (oldDbOnly || (count('kallithea-0.1') >= 2 && noAlembic)) id = 'kallithea-0.1';
  else if (count('kallithea-0.4') > 0 && count('kallithea-0.6') === 0) id = 'kallithea-0.4';
  if (GENERATIONS[id].legacy && noAlembic) evidence.push({ text: 'no [alembic] section (added in 0.4)', points: 'kallithea-0.1' });
  // A RhodeCode file shows the same Pylons marks as Kallithea 0.1-0.3. The decisive marks come first.
  const shown = (e: Evidence) => e.points === id || (id === 'rhodecode' && e.points === 'kallithea-0.1');
  const weight = (e: Evidence) => (e.points === 'rhodecode' ? 0 : e.key === 'sqlalchemy.db1.url' ? 1 : e.range ? 2 : 3);
  return { ...GENERATIONS[id], evidence: evidence.filter(shown).sort((a, b) => weight(a) - weight(b)) };
}
