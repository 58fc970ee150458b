// [alembic] and the logging sections. Alembic reads [alembic] with its own
// ConfigParser; the logging sections are read by logging.config.fileConfig, which
// interpolates handler values but reads formatter strings raw.

import type { KeyInfo, ValueType } from './types';

const ALEMBIC = 'https://alembic.sqlalchemy.org/en/latest/tutorial.html#editing-the-ini-file';
const SQLALCHEMY = 'https://docs.sqlalchemy.org/en/14/core/engines.html#sqlalchemy.create_engine';
const LOGGING = 'https://docs.python.org/3/library/logging.config.html#configuration-file-format';
const KALLITHEA_UPGRADE = 'https://kallithea.readthedocs.io/en/stable/upgrade.html';

const str: ValueType = { kind: 'string' };
// logging's setLevel() knows only these names, spelled in upper case.
// logging's setLevel() raises ValueError on a name it does not know (names are upper case).
const LEVELS: ValueType = { kind: 'enum', values: ['CRITICAL', 'FATAL', 'ERROR', 'WARNING', 'WARN', 'INFO', 'DEBUG', 'NOTSET'], otherwise: 'fails' };
// alembic compares these with == "true", so True or yes count as off.
const exactTrue: ValueType = { kind: 'enum', values: ['true', 'false'], otherwise: 'ignored' };

function alembic(name: string, type: ValueType, fallback: string, description: string, extra: Partial<KeyInfo> = {}): KeyInfo {
  return { name, sections: ['alembic'], type, default: fallback, description, docs: ALEMBIC, ...extra };
}

function logging(name: string, sections: KeyInfo['sections'], type: ValueType, fallback: string | undefined, description: string, extra: Partial<KeyInfo> = {}): KeyInfo {
  return { name, sections, type, ...(fallback === undefined ? {} : { default: fallback }), description, docs: LOGGING, ...extra };
}

const ALEMBIC_KEYS: KeyInfo[] = [
  alembic('script_location', str, 'none (required)', 'Where alembic finds Kallithea\'s migration scripts. It must be `kallithea:alembic`; configs from before 0.4 lack the whole section and `alembic -c my.ini` then fails.', {
    recommended: 'kallithea:alembic', docs: KALLITHEA_UPGRADE, impactTags: ['startup'], impact: 'Without it no database migration can run.',
  }),
  alembic('sqlalchemy.url', { kind: 'url' }, 'the [app:main] sqlalchemy.url', 'Database URL used only for migrations, overriding the one in [app:main], for example to migrate with a more privileged account.', {
    secret: true, impactTags: ['security'], impact: 'Usually contains a database password.',
  }),
  alembic('file_template', str, '%(rev)s_%(slug)s', 'Name pattern of newly generated revision files; a `%` must be doubled. Only relevant to Kallithea developers.'),
  alembic('timezone', str, 'local time', 'Time zone name used for the date in new revision files.'),
  alembic('truncate_slug_length', { kind: 'int', parser: 'int' }, '40', 'Maximum length of the message part of new revision file names.'),
  alembic('revision_environment', { kind: 'bool', parser: 'paste' }, 'false', 'Runs the migration environment script even when only generating a new revision.'),
  alembic('sourceless', exactTrue, 'false', 'Lets alembic use migration files that exist only as compiled .pyc files. Only the exact lower-case `true` turns it on.'),
  alembic('version_locations', str, 'the versions folder under script_location', 'Extra folders holding revision files, split by `version_path_separator`.'),
  alembic('version_path_separator', { kind: 'enum', values: [':', ';', 'space', 'os'], open: true }, 'legacy splitting on spaces or commas', 'Character that separates entries of `version_locations` and `prepend_sys_path`: `:`, `;`, `space` or `os` (the platform\'s separator).'),
  alembic('recursive_version_locations', exactTrue, 'false', 'Also searches sub-folders of the version locations for revision files; only the exact lower-case `true` turns it on.'),
  alembic('output_encoding', str, 'utf-8', 'Encoding of generated revision files.'),
  alembic('prepend_sys_path', str, 'none', 'Folders put in front of the Python import path before migrations run, e.g. `.`.'),
  alembic('sqlalchemy.<option>', str, 'SQLAlchemy\'s default', 'Any other `create_engine()` keyword for the migration connection, which always uses a connection pool that keeps nothing open.', {
    pattern: /^sqlalchemy\..+$/, docs: SQLALCHEMY,
  }),
];

const LOGGING_KEYS: KeyInfo[] = [
  logging('keys', ['loggers'], { kind: 'list', separator: 'comma' }, 'none (required)', 'Comma-separated logger names. Each needs a `[logger_NAME]` section, and `root` must be among them.', { impactTags: ['startup'], impact: 'A name without its section makes logging setup fail.' }),
  logging('keys', ['handlers'], { kind: 'list', separator: 'comma' }, 'none (required)', 'Comma-separated handler names; each needs a `[handler_NAME]` section.', { impactTags: ['startup'], impact: 'A name without its section makes logging setup fail.' }),
  logging('keys', ['formatters'], { kind: 'list', separator: 'comma' }, 'none (required)', 'Comma-separated formatter names; each needs a `[formatter_NAME]` section.', { impactTags: ['startup'], impact: 'A name without its section makes logging setup fail.' }),
  logging('level', ['logger'], LEVELS, 'unchanged (root: WARNING)', 'Lowest severity this logger passes on, in upper case. `NOTSET` on the root logger lets everything through; on other loggers it defers to the parent.', {
    impact: 'DEBUG on busy loggers such as sqlalchemy.engine writes huge logs and slows every request.', impactTags: ['performance'],
  }),
  logging('handlers', ['logger'], { kind: 'list', separator: 'comma' }, 'none (required, may be empty)', 'Comma-separated handler names this logger writes to; empty means it only hands records to its parent.'),
  logging('qualname', ['logger'], str, 'none (required except for root)', 'Name of the logger in the code, such as `kallithea` or `sqlalchemy.engine`. Ignored for the root logger.'),
  logging('propagate', ['logger'], { kind: 'int', parser: 'int' }, '1', 'Whether records also go to the parent logger\'s handlers: 1 yes, 0 no. Read as an integer, so `true` or `false` fail.', {
    impactTags: ['startup'], impact: 'A non-numeric value makes logging setup fail.',
  }),
  logging('class', ['handler'], str, 'none (required)', 'Handler class, either a name from the logging module (`StreamHandler`, `handlers.RotatingFileHandler`) or a dotted import path.'),
  logging('args', ['handler'], { kind: 'python' }, '()', 'Python tuple of constructor arguments, evaluated with eval(), e.g. `(sys.stderr,)` or `(\'/var/log/kallithea.log\', \'a\')`. It is interpolated, so `%(here)s` only works where the loader supplies it.', {
    impact: 'kallithea-cli (including ssh-serve) and uWSGI --ini-paste-logged pass no `here`, so a `%(here)s` path fails there; use an absolute path.', impactTags: ['startup'],
  }),
  logging('kwargs', ['handler'], { kind: 'python' }, '{}', 'Python dict of keyword arguments for the handler, evaluated with eval(); needs Python 3.7 or later.'),
  logging('level', ['handler'], LEVELS, 'NOTSET', 'Lowest severity this handler writes, in upper case.'),
  logging('formatter', ['handler'], str, 'none: the default format', 'Name of the formatter (from [formatters] keys) this handler uses.'),
  logging('target', ['handler'], str, 'none', 'For a MemoryHandler, the name of the handler it flushes buffered records to.'),
  logging('format', ['formatter'], str, 'only the message', 'Layout of each log line with %-style fields such as `%(asctime)s`. Read without interpolation, so single `%` signs are fine here.'),
  logging('datefmt', ['formatter'], str, 'ISO-like date and time with milliseconds', 'strftime pattern for `%(asctime)s`, e.g. `%Y-%m-%d %H:%M:%S`; read without interpolation.'),
  logging('style', ['formatter'], { kind: 'enum', values: ['%', '{', '$'], otherwise: 'fails' }, '%', 'Placeholder syntax of `format`: `%`, `{` (str.format) or `$` (string.Template).'),
  logging('class', ['formatter'], str, 'logging.Formatter', 'Dotted path of the formatter class; Kallithea ships `kallithea.lib.colored_formatter.ColorFormatter` and `ColorFormatterSql`.'),
  logging('validate', ['formatter'], str, undefined, 'Formatter option known to dictConfig and shown in some file examples.', {
    noEffect: 'fileConfig, which reads these sections, never looks at it; the format string is always validated.',
  }),
  logging('defaults', ['formatter'], { kind: 'python' }, 'none', 'Python dict of default values for custom fields in `format`; fileConfig reads it only from Python 3.12 on.'),
];

export const OTHER_KEYS: readonly KeyInfo[] = [...ALEMBIC_KEYS, ...LOGGING_KEYS];
