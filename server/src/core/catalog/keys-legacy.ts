// Keys that RhodeCode 1.x/2.x and Kallithea before 0.6 read and Kallithea 0.7 does
// not: Pylons-era switches, the Celery 3 broker parts, the error-reporting
// services, the numbered database section. They are here so that hovers explain
// them, deprecated-key reports them (not unknown-key), and the upgrade knows what
// to rename or comment out. Taken from the shipped development.ini, production.ini
// and config templates of each release.

import type { KeyInfo, ValueType } from './types';

const UPGRADE = 'https://kallithea.readthedocs.io/en/stable/upgrade.html';
const CELERY = 'https://docs.celeryq.dev/en/stable/userguide/configuration.html';
const str: ValueType = { kind: 'string' };

function old(name: string, description: string, message: string, extra: Partial<KeyInfo> = {}): KeyInfo {
  return { name, sections: ['app'], type: str, description, deprecated: { message }, docs: UPGRADE, ...extra };
}

const BROKER_PART = 'One part of the Celery 3 broker address that Kallithea before 0.4 assembled itself.';
const BROKER_MESSAGE = 'Kallithea 0.7 reads the broker as one URL; combine host, port, user, password and vhost into celery.broker_url (amqp://USER:PASSWORD@HOST:PORT/VHOST).';

export const LEGACY_KEYS: KeyInfo[] = [
  old('pdebug', 'Switch of the Pylons interactive debugger of RhodeCode and Kallithea before 0.4.', 'Nothing in 0.7 reads it; the debugger is `debug`, which must stay false in production.', { sections: ['defaults', 'app'] }),
  old('initial_repo_scan', 'Pylons-era switch that scanned the repository folder at every start.', 'Kallithea 0.7 does not scan at startup; run `kallithea-cli repo-scan` instead.'),
  old('vcs_full_cache', 'Pylons-era switch for caching whole repository objects.', 'Nothing in 0.7 reads it.'),
  old('container_auth_enabled', 'Pylons-era switch for trusting REMOTE_USER from the web server.', 'Container authentication is an authentication plugin in 0.7, turned on under Admin > Authentication.'),
  old('proxypass_auth_enabled', 'Pylons-era switch for trusting the X-Forwarded-User header.', 'Container authentication is an authentication plugin in 0.7, turned on under Admin > Authentication.'),
  old('api_access_controllers_whitelist', 'List of pages (up to 0.5) that also accepted an API key instead of a login.', 'Kallithea 0.6 and later do not read it.'),
  old('lock_ret_code', 'HTTP status for pushes to a locked repository (repository locking, up to 0.5).', 'Repository locking is gone since 0.6; nothing reads it.'),
  old('alternative_gravatar_url', 'Avatar URL template of RhodeCode and Kallithea before 0.4.', 'Nothing in 0.7 reads it; the avatar URL is set under Admin > Settings > Visual.'),
  old('clone_uri', 'Clone URL template of RhodeCode configs.', 'Kallithea keeps the clone URL template in its database (Admin > Settings > Visual, clone_uri_tmpl); this line does nothing.'),
  old('license_token', 'License key of RhodeCode 2.x.', 'Kallithea has no license key; nothing reads it.'),
  old('sqlalchemy.convert_unicode', 'SQLAlchemy option that RhodeCode set for Python 2 strings.', 'Not needed on Python 3; Kallithea 0.7 templates no longer set it.'),
  {
    name: 'sqlalchemy.db1.convert_unicode', sections: ['app'], type: str, docs: UPGRADE,
    description: 'SQLAlchemy option of the numbered database section (before 0.4).',
    deprecated: { message: 'Not needed on Python 3, and the sqlalchemy.db1. prefix is not read by 0.7 at all.' },
  },
  {
    name: 'sqlalchemy.db1.<option>', pattern: /^sqlalchemy\.db1\.(?!url$).+$/, sections: ['app'], type: str, docs: UPGRADE,
    description: 'SQLAlchemy engine option under the numbered prefix of RhodeCode and Kallithea before 0.4.',
    deprecated: { message: 'Kallithea 0.4 and later read engine options only under `sqlalchemy.`.', replacement: 'sqlalchemy.<option>' },
  },
  {
    name: 'errormator', pattern: /^errormator(\..+)?$/, sections: ['app'], type: str, docs: UPGRADE,
    description: 'Client settings of the Errormator error-reporting service (RhodeCode, Kallithea before 0.3).',
    deprecated: { message: 'Nothing in 0.7 reads it; TurboGears can report errors by e-mail or to Sentry (`trace_errors.*`).' },
  },
  {
    name: 'appenlight', pattern: /^appenlight(\..+)?$/, sections: ['app'], type: str, docs: UPGRADE,
    description: 'Client settings of the AppEnlight error-reporting service (Kallithea 0.3 to 0.5).',
    deprecated: { message: 'Nothing in 0.6 and later reads it; TurboGears can report errors by e-mail or to Sentry (`trace_errors.*`).' },
  },
  ...['host', 'port', 'user', 'password', 'vhost'].map((part): KeyInfo => ({
    name: `broker.${part}`, sections: ['app'], type: str, docs: CELERY, secret: part === 'password',
    description: BROKER_PART,
    deprecated: { message: BROKER_MESSAGE, combinedInto: 'celery.broker_url' },
  })),
  ...['HOST', 'PORT', 'USER', 'PASSWORD', 'VHOST'].map((part): KeyInfo => ({
    name: `BROKER_${part}`, sections: ['app'], type: str, docs: CELERY, secret: part === 'PASSWORD',
    description: `${BROKER_PART} (upper-case Celery 3 spelling).`,
    deprecated: { message: BROKER_MESSAGE, combinedInto: 'celery.broker_url' },
  })),
  {
    name: 'BROKER_URL', sections: ['app'], type: { kind: 'url' }, secret: true, docs: CELERY,
    description: 'Celery 3 broker address in the upper-case spelling of configs before 0.4.',
    deprecated: { message: 'Kallithea 0.7 reads only `celery.` settings in Celery 4/5 names.', replacement: 'celery.broker_url' },
  },
  {
    name: 'CELERYD_CONCURRENCY', sections: ['app'], type: str, docs: CELERY,
    description: 'Celery 3 worker process count in the upper-case spelling of configs before 0.4.',
    deprecated: { message: 'Kallithea 0.7 reads only `celery.` settings in Celery 4/5 names.', replacement: 'celery.worker_concurrency' },
  },
  {
    name: 'CELERYD_MAX_TASKS_PER_CHILD', sections: ['app'], type: str, docs: CELERY,
    description: 'Celery 3 worker recycling in the upper-case spelling of configs before 0.4.',
    deprecated: { message: 'Kallithea 0.7 reads only `celery.` settings in Celery 4/5 names.', replacement: 'celery.worker_max_tasks_per_child' },
  },
  {
    name: 'Celery 3 setting', pattern: /^(BROKER|CELERY|CELERYD)_[A-Z0-9_]+$/, sections: ['app'], type: str, docs: CELERY,
    description: 'Celery 3 setting in the upper-case spelling that Kallithea before 0.4 passed to Celery.',
    deprecated: { message: 'Kallithea 0.7 passes Celery only `celery.` settings in Celery 4/5 names (lower case, e.g. celery.task_serializer); there is no automatic translation.' },
  },
  {
    name: 'celeryd.log.<option>', pattern: /^celeryd\.log\..+$/, sections: ['app'], type: str, docs: CELERY,
    description: 'Log file and level of the Celery 3 worker started by `paster celeryd` (before 0.4).',
    deprecated: { message: 'Nothing in 0.7 reads it; give `kallithea-cli celery-run` Celery\'s own --loglevel/--logfile options.' },
  },
];
