// What each section is: from its name, and for [server:*] and [filter:*] from its
// `use` line, since the keys a server accepts depend on which server it is.

import type { ConfigModel } from '../model/model';
import { DEFAULT_SECTION } from '../syntax/parser';
import { sectionPrefix, stripCommandPrefix } from './sections';
import { pyStrip } from '../syntax/text';
import type { SectionKind } from './types';

const SERVER_EGGS: Record<string, SectionKind> = {
  'egg:waitress#main': 'server:waitress',
  'egg:waitress': 'server:waitress',
  'egg:gunicorn#main': 'server:gunicorn',
  'egg:gunicorn': 'server:gunicorn',
  'egg:gearbox#wsgiref': 'server:wsgiref',
  'egg:gearbox#gevent': 'server:gevent',
};

export function serverKindFromUse(use: string | undefined): SectionKind {
  if (use === undefined) return 'server';
  return SERVER_EGGS[pyStrip(use).toLowerCase()] ?? 'server';
}

export function sectionKind(model: ConfigModel, name: string): SectionKind {
  let kind = model.sectionKinds.get(name) as SectionKind | undefined;
  if (kind === undefined) model.sectionKinds.set(name, (kind = computeKind(model, name)));
  return kind;
}

function computeKind(model: ConfigModel, name: string): SectionKind {
  if (name === DEFAULT_SECTION) return 'defaults';
  if (name === 'uwsgi') return 'uwsgi';
  if (name === 'alembic') return 'alembic';
  const prefix = sectionPrefix(name);
  if (prefix === 'app' || prefix === 'application') return 'app';
  if (prefix === 'server') return serverKindFromUse(model.sections.get(name)?.get('use')?.value);
  if (prefix === 'filter') {
    const use = model.sections.get(name)?.get('use')?.value;
    return use !== undefined && /^egg:pastedeploy#prefix$/i.test(pyStrip(use)) ? 'filter:prefix' : 'filter';
  }
  const logging = stripCommandPrefix(name).section;
  if (logging === 'loggers' || logging === 'handlers' || logging === 'formatters') return logging;
  if (logging.startsWith('logger_')) return 'logger';
  if (logging.startsWith('handler_')) return 'handler';
  if (logging.startsWith('formatter_')) return 'formatter';
  return 'other';
}
