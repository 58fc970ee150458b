// Who reads each kind of section, in words, for hovers and completion.

import type { SectionKind } from './types';

export const SECTION_READERS: Record<SectionKind, string> = {
  defaults:
    'Read by PasteDeploy (Python configparser). Its values are inherited by every section PasteDeploy loads and become the global configuration of the app. A plain key of the same name in [app:main] is ignored: use `set key = value` there to override.',
  app: "Read by PasteDeploy: the Kallithea WSGI application (`use = egg:kallithea`). Its keys, with [DEFAULT] and `set` lines, are Kallithea's configuration (TurboGears, Beaker, Celery, backlash).",
  'server:waitress': 'Read by `gearbox serve`: the waitress web server. One process; `threads` sets the threads in it. waitress refuses keys it does not know.',
  'server:gunicorn': 'Read by `gearbox serve`: the gunicorn web server. `workers` sets the worker processes. Keys go to gunicorn lower-cased; an unknown one stops it.',
  'server:wsgiref': "Read by `gearbox serve`: Python's wsgiref development server (one process, no chunked uploads). For development only.",
  'server:gevent': "Read by `gearbox serve`: gearbox's gevent server, one process serving each connection as a greenlet.",
  server: 'Read by `gearbox serve` (PasteDeploy): a web server whose `use` line this extension does not recognise.',
  'filter:prefix': "Read by PasteDeploy: the prefix middleware (`egg:PasteDeploy#prefix`) that hosts Kallithea under a URL path. Named by `filter-with` in [app:main].",
  filter: 'Read by PasteDeploy: WSGI middleware named by `filter-with` in [app:main].',
  uwsgi:
    "Read by uWSGI's own ini parser (`uwsgi --ini-paste my.ini`), not by Python: no `%(name)s` interpolation (uWSGI has `%d`, `%p`...), and text after a value, `; comments` included, is part of the value. Python still reads the file and refuses repeated keys here too.",
  alembic: 'Read by alembic (`alembic -c my.ini`) for database migrations. `script_location` must be `kallithea:alembic`.',
  loggers: "Read by Python's logging.config.fileConfig: `keys` lists the loggers; each needs a [logger_NAME] section, and `root` is required.",
  handlers: "Read by Python's logging.config.fileConfig: `keys` lists the handlers; each needs a [handler_NAME] section.",
  formatters: "Read by Python's logging.config.fileConfig: `keys` lists the formatters; each needs a [formatter_NAME] section.",
  logger: "Read by Python's logging.config.fileConfig: one logger, with its level, handlers and the module name it covers (`qualname`).",
  handler: "Read by Python's logging.config.fileConfig: one handler. `args` and `kwargs` are Python expressions, interpolated first (so `%(here)s` there breaks kallithea-cli, which passes no defaults).",
  formatter: "Read by Python's logging.config.fileConfig: one formatter. `format` and `datefmt` are read raw, so `%(asctime)s` needs no escaping.",
  other: 'Not read by Kallithea, its servers or its logging; Python only checks its syntax.',
};

/** A `[command:section]` logging override, e.g. [ssh_serve:logger_root]. */
export function commandOverrideNote(command: string, section: string): string {
  return `When \`kallithea-cli ${command.replace(/_/g, '-')}\` runs, this section replaces [${section}] (Kallithea renames [${command}:X] to [X] before it configures logging).`;
}
