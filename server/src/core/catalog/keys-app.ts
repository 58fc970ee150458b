// The keys of [DEFAULT] and [app:main]: what Kallithea 0.7 reads, what TurboGears 2.4,
// Beaker and backlash read from the same merged dict, and the leftovers, renamed keys
// and database-backed names that admins still carry over from older files.
// Lookup takes the first entry that matches, so every exact name stands before the
// patterns that would also match it, and narrow patterns before broad ones.

import type { KeyInfo, ValueType } from './types';

const KALLITHEA_DOCS = 'https://kallithea.readthedocs.io/en/stable/';
const SETUP = `${KALLITHEA_DOCS}setup.html`;
const PERFORMANCE = `${KALLITHEA_DOCS}usage/performance.html`;
const EMAIL = `${KALLITHEA_DOCS}usage/email.html`;
const AUTH = `${KALLITHEA_DOCS}administrator_guide/auth.html`;
const DEBUGGING = `${KALLITHEA_DOCS}usage/debugging.html`;
const STATISTICS = `${KALLITHEA_DOCS}usage/statistics.html`;
const UPGRADE = `${KALLITHEA_DOCS}upgrade.html`;
const GENERAL = `${KALLITHEA_DOCS}usage/general.html`;
const TROUBLESHOOTING = `${KALLITHEA_DOCS}usage/troubleshooting.html`;
const BEAKER = 'https://beaker.readthedocs.io/en/latest/configuration.html';
const SQLALCHEMY = 'https://docs.sqlalchemy.org/en/14/core/engines.html#sqlalchemy.create_engine';
const CELERY = 'https://docs.celeryq.dev/en/stable/userguide/configuration.html';
const PASTEDEPLOY = 'https://pastedeploy.readthedocs.io/en/latest/';

// TurboGears' asbool: strict, so an empty value or a trailing "; comment" raises.
const tgBool: ValueType = { kind: 'bool', parser: 'tg' };
// Beaker coerces session and cache options with the same spellings, at startup.
const beakerBool: ValueType = { kind: 'bool', parser: 'beaker' };
// SQLAlchemy's own asbool accepts exactly PasteDeploy's spellings.
const sqlaBool: ValueType = { kind: 'bool', parser: 'paste' };
const secret: ValueType = { kind: 'secret' };
const str: ValueType = { kind: 'string' };
const path: ValueType = { kind: 'path' };

const CACHE_TYPES = ['memory', 'file', 'dbm', 'ext:memcached', 'ext:database', 'ext:sqla', 'ext:redis', 'ext:mongodb', 'ext:google'];
const SESSION_TYPES = ['file', 'dbm', 'memory', 'cookie', 'ext:memcached', 'ext:database', 'ext:sqla', 'ext:redis', 'ext:mongodb', 'ext:google'];
const LANGUAGES = ['be', 'bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'fr', 'hu', 'ja', 'lb', 'nb_NO', 'nl_BE', 'pl', 'pt', 'pt_BR', 'ru', 'sk', 'tr', 'uk', 'zh_CN', 'zh_TW'];

/** A setting Kallithea keeps in its database: set_app_settings() copies it over any ini value of the same name. */
function fromDb(name: string, what: string, type: ValueType = str): KeyInfo {
  return {
    name,
    sections: ['app'],
    type,
    description: `${what} It lives in the database and is edited under Admin > Settings; an ini line of this name is overwritten when Kallithea starts.`,
    docs: GENERAL,
    fromDatabase: true,
    ...(type.kind === 'secret' ? { secret: true } : {}),
  };
}

/** A Celery 3 era name that Kallithea 0.7 only reports as an error in its log. */
function oldCelery(name: string, replacement?: string): KeyInfo {
  return {
    name,
    sections: ['app'],
    type: str,
    description: `Celery setting name from Kallithea 0.6 and older. Kallithea 0.7 no longer translates it and logs an error at startup when it has a value.`,
    docs: CELERY,
    deprecated: replacement
      ? { message: 'Kallithea 0.7 only logs an error for this Celery 3 name; the Celery 4/5 name replaces it.', replacement }
      : { message: 'Kallithea 0.7 has no equivalent and only logs an error; delete the line.' },
  };
}

const EMAIL_KEYS: KeyInfo[] = [
  {
    name: 'here', sections: ['defaults', 'app'], type: path, default: 'the folder that contains this .ini file',
    description: 'Built-in value that PasteDeploy adds to [DEFAULT]: the folder holding this config file. Refer to it as `%(here)s` to build paths next to the config; do not assign it yourself.',
    docs: PASTEDEPLOY,
  },
  {
    name: '__file__', sections: ['defaults', 'app'], type: path, default: 'the absolute path of this .ini file',
    description: 'Built-in value that PasteDeploy adds to [DEFAULT]: the full path of this config file. Kallithea writes it into Git hook environments and into every authorized_keys line, so keep the file where it is once hooks and SSH keys exist.',
    docs: PASTEDEPLOY,
  },
  {
    name: 'app_email_from', sections: ['defaults', 'app'], type: str, default: 'Kallithea',
    description: 'Sender of notification mails: the envelope sender, and the From header unless a user triggered the mail (then that user\'s name is shown with this address). Either `Name <address>` or a bare address.',
    docs: EMAIL,
  },
  {
    name: 'email_prefix', sections: ['defaults', 'app'], type: str, default: 'empty',
    description: 'Text placed before the subject of every application mail, for example `[Kallithea]`; Kallithea inserts the separating space itself.',
    docs: EMAIL,
  },
  {
    name: 'email_to', sections: ['defaults', 'app'], type: { kind: 'list', separator: 'comma' }, default: 'none',
    description: 'Comma-separated addresses, without display names, that get error tracebacks (through the template\'s `get trace_errors.error_email` line) and act as fallback recipients of application mail next to the admins.',
    impact: 'Error mails contain tracebacks and request data. When it is non-empty, backlash needs `smtp_server` and `error_email_from` too, or the app refuses to start.',
    impactTags: ['security', 'startup'], docs: EMAIL,
  },
  {
    name: 'error_email_from', sections: ['defaults', 'app'], type: str, default: 'none',
    description: 'From address of the error mails backlash sends; the template hands it over with `get trace_errors.from_address`.',
    impact: 'Must be set whenever `email_to` is, or building the error mailer fails at startup.',
    impactTags: ['startup'], docs: EMAIL,
  },
  {
    name: 'smtp_server', sections: ['defaults', 'app'], type: str, default: 'none: mails are only written to the log',
    description: 'Host name of the SMTP relay for all outgoing mail. With an empty value Kallithea sends nothing and logs each message instead.',
    docs: EMAIL,
  },
  {
    name: 'smtp_port', sections: ['defaults', 'app'], type: str, default: 'empty: 25, or 465 with smtp_use_ssl',
    description: 'TCP port of the SMTP relay, handed to Python\'s smtplib as text, so empty is fine. Usually 465 together with `smtp_use_ssl` or 587 together with `smtp_use_tls`.',
    docs: EMAIL,
  },
  {
    name: 'smtp_username', sections: ['defaults', 'app'], type: str, default: 'none: no SMTP login',
    description: 'Account used to log in to the SMTP relay. Kallithea only logs in when this is non-empty and a password line exists.',
    impact: 'Credentials cross the network in clear text unless `smtp_use_ssl` or `smtp_use_tls` is on.',
    impactTags: ['security'], docs: EMAIL,
  },
  {
    name: 'smtp_password', sections: ['defaults', 'app'], type: secret, secret: true, default: 'none',
    description: 'Password for `smtp_username`. Any `%` in it must be written as `%%` because the file is interpolated.',
    impact: 'Readable by anyone who can read the .ini; restrict the file\'s permissions.',
    impactTags: ['security'], docs: EMAIL,
  },
  {
    name: 'smtp_use_ssl', sections: ['defaults', 'app'], type: tgBool, default: 'false',
    description: 'Connect to the relay with implicit TLS (SMTP over SSL), normally on port 465. It is parsed when a mail is sent, so a bad value breaks mailing rather than startup.',
    impact: 'Protects credentials and mail contents in transit. The backlash error mailer cannot do implicit TLS, so error mails need a relay that also offers STARTTLS.',
    impactTags: ['security'], docs: EMAIL,
  },
  {
    name: 'smtp_use_tls', sections: ['defaults', 'app'], type: tgBool, default: 'false',
    description: 'Upgrade the SMTP connection with STARTTLS, normally on port 587. The template also copies it into `trace_errors.smtp_use_tls`, where an invalid value stops startup.',
    impact: 'Protects credentials and mail contents in transit; do not combine it with `smtp_use_ssl`.',
    impactTags: ['security'], recommended: 'true',
    recommendedWhy: 'When the relay needs a login: STARTTLS on port 587 works for both Kallithea\'s mailer and the backlash error mailer.',
    docs: EMAIL,
  },
  {
    name: 'smtp_auth', sections: ['defaults', 'app'], type: str, default: 'none: the mechanisms the server advertises',
    description: 'Undocumented override of the SMTP AUTH mechanisms to try (for example `PLAIN LOGIN`), for relays that advertise ones Python handles badly.',
    docs: EMAIL,
  },
];

const CORE_KEYS: KeyInfo[] = [
  {
    name: 'use', sections: ['app'], type: { kind: 'entry-point', values: ['egg:kallithea'] }, default: 'none (required)',
    description: 'Tells PasteDeploy which application factory builds this section. For Kallithea it is `egg:kallithea`, which resolves to the package\'s `main` app factory.',
    recommended: 'egg:kallithea', docs: PASTEDEPLOY,
  },
  {
    name: 'filter-with', sections: ['app'], type: { kind: 'section-ref', prefix: 'filter' }, default: 'none',
    description: 'Wraps Kallithea in the middleware of the named `[filter:NAME]` section, typically the PasteDeploy prefix filter for serving under a sub-path.',
    impact: 'A name without a matching section stops loading with LookupError; the prefix filter also decides whether forwarded headers are trusted.',
    impactTags: ['startup', 'security'], docs: SETUP,
  },
  {
    name: 'sqlalchemy.url', sections: ['app'], type: { kind: 'url' }, secret: true, default: 'none (required)',
    description: 'Database URL, for example `postgresql://USER:PASSWORD@HOST/kallithea`, `mysql://…?charset=utf8mb4` or `sqlite:///%(here)s/kallithea.db?timeout=60`. db-create and alembic migrations use it too.',
    impact: 'SQLite locks the whole database on writes, which hurts with several workers or Celery; use PostgreSQL or MariaDB/MySQL beyond small sites. The URL usually holds the database password, and a `%` in it must be doubled.',
    impactTags: ['performance', 'scaling', 'security'], docs: SETUP,
  },
  {
    name: 'sqlalchemy.pool_recycle', sections: ['app'], type: { kind: 'int', parser: 'int', unit: 'seconds' }, default: '-1 (never recycled)',
    description: 'Age in seconds after which a pooled database connection is replaced before it is used again.',
    impact: 'Avoids "server has gone away" errors from connections the database closed while idle (MySQL\'s wait_timeout, firewalls).',
    impactTags: ['performance'], recommended: '3600', docs: SQLALCHEMY,
  },
  {
    name: 'sqlalchemy.pool_size', sections: ['app'], type: { kind: 'int', parser: 'int', unit: 'count' }, default: '5',
    description: 'Number of connections each worker process keeps open in its pool.',
    impact: 'Multiply by the number of worker processes to size the database\'s connection limit. SQLite rejects this keyword and the app fails to start.',
    impactTags: ['scaling', 'startup'], docs: SQLALCHEMY,
  },
  {
    name: 'sqlalchemy.max_overflow', sections: ['app'], type: { kind: 'int', parser: 'int', unit: 'count' }, default: '10',
    description: 'Extra connections a worker may open beyond `sqlalchemy.pool_size` during peaks; they are closed when returned.',
    impact: 'Rejected with SQLite, which stops startup.',
    impactTags: ['scaling', 'startup'], docs: SQLALCHEMY,
  },
  {
    name: 'sqlalchemy.pool_pre_ping', sections: ['app'], type: sqlaBool, default: 'false',
    description: 'Checks each pooled connection with a cheap round trip before handing it out, replacing dead ones transparently.',
    impact: 'Costs one small query per checkout but removes errors after database restarts.',
    impactTags: ['performance'], docs: SQLALCHEMY,
  },
  {
    name: 'sqlalchemy.db1.url', sections: ['app'], type: { kind: 'url' }, secret: true,
    description: 'Database URL key of RhodeCode and Kallithea before 0.4 (Pylons). Kallithea 0.4 and later read only `sqlalchemy.url` and refuse to start without it.',
    deprecated: { message: 'Old name of the database URL; Kallithea 0.7 ignores it.', replacement: 'sqlalchemy.url' }, docs: UPGRADE,
  },
  {
    name: 'cache_dir', sections: ['app'], type: path, default: 'none; the template uses %(here)s/data',
    description: 'Base folder for working data: task lock files, and through TurboGears the file sessions (`<cache_dir>/sessions`) and the Beaker file cache (`<cache_dir>/cache`).',
    impact: 'Several machines must share it, or sessions, caches and task locks diverge. Background tasks that take a lock fail with KeyError when it is missing.',
    impactTags: ['scaling'], docs: PERFORMANCE,
  },
  {
    name: 'index_dir', sections: ['app'], type: path, default: 'none; the template uses %(here)s/data/index',
    description: 'Folder of the Whoosh full-text search index, built and refreshed with `kallithea-cli index-create`.',
    impact: 'Search and indexing fail with KeyError when it is missing. Share it between machines so every instance searches the same index.',
    impactTags: ['scaling'], docs: SETUP,
  },
  {
    name: 'archive_cache_dir', sections: ['app'], type: path, default: 'unset: each archive download is built in a temporary file and discarded',
    description: 'Folder where generated zip/tar archive downloads are kept and served again to later requests. It is created when first needed.',
    impact: 'Saves CPU on repeated downloads, but Kallithea never deletes anything there.',
    upkeep: 'Nothing ever removes an archive from this folder, and the Beaker file cache (`<cache_dir>/cache`) grows the same way. Clean both regularly, for example daily from cron: `find ARCHIVE_DIR CACHE_DIR/cache -type f -mtime +30 -delete`.',
    impactTags: ['performance'], docs: PERFORMANCE,
  },
  {
    name: 'app_instance_uuid', sections: ['app'], type: secret, secret: true, default: 'none: password reset fails',
    description: 'Per-installation secret mixed into password-reset tokens. `kallithea-cli config-create` writes a random hex value.',
    impact: 'Without it password reset crashes; a guessable value such as `VERY-SECRET` or `development-not-secret` lets attackers forge reset links.',
    impactTags: ['security'], docs: SETUP,
  },
  {
    name: 'cut_off_limit', sections: ['app'], type: { kind: 'int', parser: 'safe_int', unit: 'bytes' }, default: 'none: the file view fails and diffs are never cut',
    description: 'Size in bytes above which a diff or file is considered too big to render and is shown only on request.',
    impact: 'Keeps huge diffs from occupying a worker and the browser for a long time.',
    impactTags: ['performance'], recommended: '256000', docs: PERFORMANCE,
  },
  {
    name: 'commit_parse_limit', sections: ['app'], type: { kind: 'int', parser: 'int', unit: 'count' }, default: 'none: the statistics task fails',
    description: 'How many commits the repository statistics job processes per run. Read with plain int(), so only a whole number works.',
    impact: 'Higher values finish statistics sooner but make each pass heavier on the worker.',
    impactTags: ['performance'], recommended: '25', docs: STATISTICS,
  },
  {
    name: 'git_hook_interpreter', sections: ['app'], type: path, default: 'the Python running Kallithea, else /usr/bin/env python3',
    description: 'Interpreter written after `#!` in the Git hooks Kallithea installs. Needed under uWSGI, where the running executable is the uwsgi binary; reinstall hooks (Admin > Settings > Remap and Rescan) after changing it.',
    docs: SETUP,
  },
  { name: 'git_path', sections: ['app'], type: path, default: 'git', description: 'Git executable used for repository operations and Smart HTTP. Use an absolute path when the service\'s PATH does not contain git.', docs: SETUP },
  {
    name: 'git_rev_filter', sections: ['app'], type: str, default: '--all',
    description: 'Options given to `git rev-list` to choose which refs the changelog shows; `--branches --tags` hides other refs.', docs: SETUP,
  },
  {
    name: 'default_encoding', sections: ['app'], type: { kind: 'list', separator: 'comma' }, default: 'utf-8',
    description: 'Comma-separated encodings tried in order when repository bytes are turned into text, for repositories with mixed encodings.', docs: SETUP,
  },
  { name: 'hgencoding', sections: ['app'], type: str, default: 'Mercurial\'s own choice', description: 'Encoding Mercurial uses, the same as setting HGENCODING in the environment before starting Kallithea.', docs: SETUP },
  {
    name: 'rss_cut_off_limit', sections: ['app'], type: { kind: 'int', parser: 'safe_int', unit: 'bytes' }, default: '32768',
    description: 'Largest diff, in bytes, that is still included in a feed entry.', impact: 'Bounds the work and size of each feed request.', impactTags: ['performance'], docs: SETUP,
  },
  {
    name: 'rss_items_per_page', sections: ['app'], type: { kind: 'int', parser: 'safe_int', unit: 'count' }, default: '20',
    description: 'Number of changesets returned by each RSS or Atom feed.', impact: 'Feed readers poll often; more items mean more work per poll.', impactTags: ['performance'], docs: SETUP,
  },
  {
    name: 'rss_include_diff', sections: ['app'], type: tgBool, default: 'false',
    description: 'Puts each changeset\'s diff into its feed entry. Parsed when a feed is requested, so a bad value breaks feeds, not startup.',
    impact: 'Makes feeds much larger and slower to build.', impactTags: ['performance'], recommended: 'false', docs: SETUP,
  },
  { name: 'show_sha_length', sections: ['app'], type: { kind: 'int', parser: 'safe_int', unit: 'count' }, default: '12', description: 'Number of hex digits shown for changeset hashes throughout the UI.', docs: SETUP },
  {
    name: 'show_revision_number', sections: ['app'], type: tgBool, default: 'false',
    description: 'Shows the local revision number (`r123:`) before changeset hashes. Parsed while pages render, so a bad value breaks those pages.', docs: SETUP,
  },
  {
    name: 'canonical_url', sections: ['app'], type: { kind: 'url' }, default: 'derived from each request',
    description: 'Public base URL including the scheme, e.g. `https://kallithea.example.com/repos`, used for absolute links in mails, feeds and gists. A value without `://` is silently ignored.',
    impact: 'Without it, links in notification mails follow the Host header of the request that triggered them.',
    impactTags: ['security'], docs: SETUP,
  },
  {
    name: 'gist_alias_url', sections: ['app'], type: str, default: 'empty: the built-in /_admin/gists/<id> address',
    description: 'Short address pattern for gists, for a web server that rewrites it to the real gist page. It must contain `{gistid}`, or every gist gets the same link.', docs: SETUP,
  },
  { name: 'bugtracker', sections: ['app'], type: { kind: 'url' }, default: 'the upstream Kallithea issue tracker', description: 'Target of the support link in the page footer; an empty value removes the link.', docs: SETUP },
  {
    name: 'issue_pat', sections: ['app'], type: { kind: 'regex' }, default: 'none',
    description: 'Python regular expression that finds issue references in commit messages, comments and pull-request text, e.g. `#(\\d+)`. Only active together with `issue_server_link` and `issue_sub`.', docs: SETUP,
  },
  {
    name: 'issue_server_link', sections: ['app'], type: str, default: 'none',
    description: 'Link target for each `issue_pat` match. It may use group references such as `\\1` or `\\g<name>` and the placeholders `{repo}` (full path) and `{repo_name}`.', docs: SETUP,
  },
  {
    name: 'issue_sub', sections: ['app'], type: str, default: 'none: the rule is skipped',
    description: 'Link text for each `issue_pat` match, with group references allowed. It may be empty (the matched text is kept) but the line must exist, or the rule is skipped.', docs: SETUP,
  },
  {
    name: 'auth_ret_code', sections: ['app'], type: { kind: 'enum', values: ['', '403'], checkedBy: 'auth-ret-code' }, default: 'empty: failed VCS logins get 401',
    description: 'HTTP status sent when a Mercurial or Git client fails to authenticate. Only the exact value `403` changes anything; some Mercurial clients handle 403 better than 401.', docs: AUTH,
  },
  {
    name: 'allow_repo_location_change', sections: ['app'], type: tgBool, default: 'true',
    description: 'Lets administrators change the repository root folder on the settings page. Parsed on every page, so an invalid value breaks the whole site.',
    impact: 'Turning it off removes one way for a stolen admin account to point Kallithea at other parts of the file system.', impactTags: ['security'], docs: SETUP,
  },
  {
    name: 'allow_custom_hooks_settings', sections: ['app'], type: tgBool, default: 'true',
    description: 'Lets administrators add custom Mercurial hooks, which are commands run on the server, from the web UI. Parsed on every page.',
    impact: 'Custom hooks amount to running arbitrary code on the host; turn it off if web admins should not have that power.', impactTags: ['security'], docs: SETUP,
  },
  {
    name: 'index.extensions', sections: ['app'], type: { kind: 'list', separator: 'whitespace' }, default: 'none: only the built-in list',
    description: 'Additional file extensions, without the dot and separated by spaces or continuation lines, whose contents the full-text indexer reads.',
    impact: 'Every extra type grows the index and the time index-create takes.', impactTags: ['performance'], docs: SETUP,
  },
  {
    name: 'index.filenames', sections: ['app'], type: { kind: 'list', separator: 'whitespace' }, default: 'none',
    description: 'Additional exact file names (such as `Makefile` or `.editorconfig`) whose contents are indexed, separated by spaces or continuation lines.', docs: SETUP,
  },
  {
    name: 'instance_id', sections: ['app'], type: str, default: '*: host name plus process id',
    description: 'Label shown in the page footer to tell instances apart; `*` picks host name and process id. In 0.7 it has no other use.', docs: SETUP,
  },
  {
    name: 'ignore_alembic_revision', sections: ['app'], type: { kind: 'bool', parser: 'truthy' }, default: 'absent: the schema version is checked at startup',
    description: 'Developer switch that skips the startup check that the database schema matches this Kallithea version. Any non-empty value, even `false`, disables the check.',
    impact: 'Running on an unmigrated schema can damage data; delete the line on production systems.', impactTags: ['security', 'startup'], docs: UPGRADE,
  },
  {
    name: 'use_wsgi_wrapper', sections: ['app'], type: tgBool, default: 'false',
    description: 'Undocumented: adds a middleware that logs the duration of each request. Parsed at startup.',
    impact: 'Adds a little overhead to every request; useful only while investigating slowness.', impactTags: ['performance'], recommended: 'false', docs: PERFORMANCE,
  },
  {
    name: 'next_iteration_rev_limit', sections: ['app'], type: { kind: 'int', parser: 'safe_int', unit: 'count' }, default: '0 (no limit)',
    description: 'Undocumented: above 0, the pull-request page stops listing the changesets available for a new iteration when there are more than this many.',
    impact: 'Keeps the page fast for pull requests on very active branches.', impactTags: ['performance'], docs: SETUP,
  },
  {
    name: 'remote_addr_variable', sections: ['app'], type: str, default: 'REMOTE_ADDR',
    description: 'WSGI environ key that holds the client IP, e.g. `HTTP_X_FORWARDED_FOR` behind a proxy (headers appear as `HTTP_` plus the name in upper case with underscores). From a comma-separated list the right-most address is taken.',
    impact: 'IP restrictions and the audit log depend on it. Name only a header your proxy always sets, and keep clients from reaching Kallithea directly, or they can forge their address.',
    impactTags: ['security'], docs: SETUP,
  },
  {
    name: 'url_scheme_variable', sections: ['app'], type: str, default: 'unset: the scheme the WSGI server reports',
    description: 'WSGI environ key from which Kallithea takes `http` or `https`, e.g. `HTTP_X_FORWARDED_PROTO` behind a TLS-terminating proxy. Setting it enables the HTTPS-fixup middleware.',
    impact: 'Without it behind a TLS proxy, redirects and generated links use plain http; with it, the header must come only from the proxy.',
    impactTags: ['security'], docs: SETUP,
  },
  {
    name: 'force_https', sections: ['app'], type: tgBool, default: 'false',
    description: 'Treats every request as HTTPS regardless of what the server reports. Parsed at startup and on each request.',
    impact: 'Useful when the site is only reachable through TLS but the proxy passes no scheme header.', impactTags: ['security'], docs: SETUP,
  },
  {
    name: 'use_htsts', sections: ['app'], type: tgBool, default: 'false',
    description: 'Adds a Strict-Transport-Security header (max-age 8640000, includeSubDomains) to HTTPS responses unless `debug` is on. The key really is spelled `htsts`.',
    impact: 'Browsers then refuse plain-http connections to the host, which blocks downgrade attacks.', impactTags: ['security'], recommended: 'true',
    recommendedWhy: 'When the site (and every subdomain) is served only over HTTPS; otherwise browsers lock users out of http-only subdomains.', docs: SETUP,
  },
  {
    name: 'https_fixup', sections: ['app'], type: tgBool,
    description: 'Kallithea 0.6 switch that trusted several forwarded-scheme headers from any client. 0.7 removed it as unsafe and ignores the line.',
    deprecated: { message: 'Removed in 0.7 because it trusted scheme headers from any client; name the header your proxy sets instead, or use `force_https`.', replacement: 'url_scheme_variable' }, docs: SETUP,
  },
  {
    name: 'ssh_enabled', sections: ['app'], type: tgBool, default: 'false',
    description: 'Master switch for repository access over SSH and for writing users\' keys to `ssh_authorized_keys`. Parsed on every page and by `kallithea-cli ssh-serve`.',
    impact: 'Setting it to false in the .ini that authorized_keys points to also blocks SSH access while the web app is down.', impactTags: ['security'], docs: SETUP,
  },
  {
    name: 'ssh_authorized_keys', sections: ['app'], type: path, default: 'none: keys are never written',
    description: 'Absolute path of the authorized_keys file Kallithea owns and rewrites as a whole; it refuses to update a file holding lines it did not write.',
    impact: 'Use a dedicated service account, since every key in the file grants access through Kallithea.', impactTags: ['security'], docs: SETUP,
  },
  {
    name: 'kallithea_cli_path', sections: ['app'], type: path, default: 'kallithea-cli, looked up in the PATH sshd provides',
    description: 'Command written into each authorized_keys line to run `kallithea-cli ssh-serve` with this config. Give the absolute path inside the virtualenv.', docs: SETUP,
  },
  {
    name: 'ssh_locale', sections: ['app'], type: str, default: 'none',
    description: 'Locale such as `C.UTF-8` that `ssh-serve` puts into LC_ALL and LANGUAGE, because SSH clients may pass locales the server does not have.', docs: SETUP,
  },
];

const CELERY_KEYS: KeyInfo[] = [
  {
    name: 'use_celery', sections: ['app'], type: tgBool, default: 'false',
    description: 'Runs slow jobs (mails, repository creation, statistics, indexing) in Celery workers started with `kallithea-cli celery-run` instead of inside web requests. celery-run refuses to start while it is false; Celery does not run on Windows.',
    impact: 'Frees web workers from long jobs, but needs a broker that every instance and worker shares.', impactTags: ['performance', 'scaling'], docs: SETUP,
  },
  {
    name: 'celery.broker_url', sections: ['app'], type: { kind: 'url' }, secret: true, default: 'Celery\'s default: RabbitMQ on localhost',
    description: 'Message broker address, e.g. `amqp://kallithea:secret@localhost:5672/kallitheavhost` or `redis://localhost:6379/0`. Web processes and celery-run workers must all use the same broker.',
    impact: 'Usually contains the broker password; replace the template\'s `thepassword` and write any `%` as `%%`.', impactTags: ['security', 'scaling'], docs: CELERY,
  },
  {
    name: 'celery.worker_concurrency', sections: ['app'], type: { kind: 'int', parser: 'int', unit: 'count' }, default: 'number of CPUs',
    description: 'Number of task processes each celery-run worker starts.', impact: 'More processes run more jobs at once but use more memory and database connections.', impactTags: ['performance', 'scaling'], docs: CELERY,
  },
  {
    name: 'celery.worker_max_tasks_per_child', sections: ['app'], type: { kind: 'int', parser: 'int', unit: 'count' }, default: 'unlimited',
    description: 'Replaces a Celery task process after it has run this many tasks.',
    impact: 'Returns memory that caches accumulate in long-lived processes.', impactTags: ['performance'], recommended: '100', docs: CELERY,
  },
  {
    name: 'celery.imports', sections: ['app'], type: { kind: 'list', separator: 'whitespace' }, default: 'Kallithea\'s own task modules',
    description: 'Whitespace-separated modules Celery imports at start. A value replaces Kallithea\'s built-in list, so it must repeat Kallithea\'s task modules or background jobs stop working.', docs: CELERY,
  },
  {
    name: 'celery.accept_content', sections: ['app'], type: { kind: 'list', separator: 'whitespace' }, default: 'Celery\'s default (json)',
    description: 'Whitespace-separated content types Celery workers accept from the broker.', docs: CELERY,
  },
  {
    name: 'celery.task_always_eager', sections: ['app'], type: { kind: 'bool', parser: 'celery' },
    description: 'Celery option that runs tasks inline. Kallithea logs an error when it is set and wants `use_celery = false` for running jobs in the web process.',
    deprecated: { message: 'Kallithea 0.7 logs an error for it; set `use_celery = false` to run tasks without workers.' }, docs: CELERY,
  },
  oldCelery('broker.url', 'celery.broker_url'),
  oldCelery('celeryd.concurrency', 'celery.worker_concurrency'),
  oldCelery('celeryd.max.tasks.per.child', 'celery.worker_max_tasks_per_child'),
  oldCelery('celery.accept.content', 'celery.accept_content'),
  oldCelery('celery.result.serializer', 'celery.result_serializer'),
  oldCelery('celery.task.serializer', 'celery.task_serializer'),
  oldCelery('celery.amqp.task.result.expires', 'celery.result_expires'),
  oldCelery('celery.always.eager'),
  oldCelery('celery.result.backend'),
  oldCelery('celery.result.dburi'),
  oldCelery('celery.send.task.error.emails'),
  oldCelery('celery.result.serialier'),
  {
    name: 'celery.<setting>', pattern: /^celery\.[a-z][a-z0-9_]*$/, sections: ['app'], type: str, default: 'Celery\'s default',
    description: 'Any Celery 4/5 setting, named in lower case with underscores after the `celery.` prefix. Kallithea turns all-digit values into integers and `true`/`false` into booleans; everything else (even `yes`) stays a string.', docs: CELERY,
  },
];

const CACHE_KEYS: KeyInfo[] = [
  {
    name: 'beaker.cache.data_dir', sections: ['app'], type: path, default: 'effectively <cache_dir>/cache',
    description: 'Root folder of Beaker\'s file and dbm caches. When `cache_dir` is set, TurboGears also sets the alias `cache.data_dir`, which wins, so the files really land in `<cache_dir>/cache`; set `cache.data_dir` or a region\'s `data_dir` to move them.',
    impact: 'Must be on storage shared by all machines. Beaker never deletes old cache files; clean them up periodically.', impactTags: ['scaling'], docs: PERFORMANCE,
  },
  { name: 'beaker.cache.lock_dir', sections: ['app'], type: path, default: 'none', description: 'Folder for the lock files of Beaker\'s file-based caches.', impact: 'Share it between machines along with the cache data.', impactTags: ['scaling'], docs: PERFORMANCE },
  {
    name: 'beaker.cache.regions', sections: ['app'], type: { kind: 'list', separator: 'comma' }, default: 'none',
    description: 'Comma-separated cache regions to set up. Kallithea uses `long_term` and `long_term_file`; pages that need a missing region fail with "Cache region not configured".',
    impact: 'Caching avoids recomputing expensive repository data on every request.', impactTags: ['performance'], docs: BEAKER,
  },
  { name: 'beaker.cache.type', sections: ['app'], type: { kind: 'enum', values: CACHE_TYPES, open: true }, default: 'memory', description: 'Default storage back-end for regions that do not set their own `type`.', docs: BEAKER },
  { name: 'beaker.cache.expire', sections: ['app'], type: { kind: 'int', unit: 'seconds' }, default: 'never', description: 'Default lifetime in seconds of cached values for regions that set none.', docs: BEAKER },
  { name: 'beaker.cache.key_length', sections: ['app'], type: { kind: 'int', unit: 'count' }, default: '250', description: 'Default key length above which Beaker hashes cache keys.', docs: BEAKER },
  { name: 'beaker.cache.enabled', sections: ['app'], type: beakerBool, default: 'true', description: 'Default on/off switch for all cache regions.', docs: BEAKER },
  {
    name: 'beaker.cache.<region>.type', pattern: /^beaker\.cache\.[^.]+\.type$/, sections: ['app'], type: { kind: 'enum', values: CACHE_TYPES, open: true }, default: 'beaker.cache.type (memory)',
    description: 'Storage back-end of one cache region: `memory`, `file`, `dbm` or an `ext:` back-end such as `ext:memcached`.',
    impact: 'Memory regions are private to each worker process and grow until it restarts; file regions must sit on shared storage and need periodic cleanup.',
    impactTags: ['performance', 'scaling'], docs: BEAKER,
  },
  {
    name: 'beaker.cache.<region>.expire', pattern: /^beaker\.cache\.[^.]+\.expire$/, sections: ['app'], type: { kind: 'int', unit: 'seconds' }, default: 'never',
    description: 'Lifetime in seconds of values in one region. The template uses 36000 for `long_term` and 604800 for `long_term_file`.', impactTags: ['performance'], impact: 'Longer lifetimes save work but may show stale data.', docs: BEAKER,
  },
  { name: 'beaker.cache.<region>.key_length', pattern: /^beaker\.cache\.[^.]+\.key_length$/, sections: ['app'], type: { kind: 'int', unit: 'count' }, default: '250', description: 'Key length above which keys in this region are hashed (the template uses 256).', docs: BEAKER },
  { name: 'beaker.cache.<region>.data_dir', pattern: /^beaker\.cache\.[^.]+\.data_dir$/, sections: ['app'], type: path, default: 'the global cache data folder', description: 'Folder of this region\'s file or dbm cache, overriding the global one.', impact: 'Keep it on shared storage when several machines serve Kallithea.', impactTags: ['scaling'], docs: BEAKER },
  { name: 'beaker.cache.<region>.lock_dir', pattern: /^beaker\.cache\.[^.]+\.lock_dir$/, sections: ['app'], type: path, default: 'the global cache lock folder', description: 'Folder of this region\'s lock files, overriding the global one.', docs: BEAKER },
  { name: 'beaker.cache.<region>.enabled', pattern: /^beaker\.cache\.[^.]+\.enabled$/, sections: ['app'], type: beakerBool, default: 'true', description: 'Turns caching in this one region on or off.', docs: BEAKER },
  { name: 'beaker.cache.<region>.url', pattern: /^beaker\.cache\.[^.]+\.url$/, sections: ['app'], type: str, default: 'none', description: 'Server address for `ext:` back-ends of this region, e.g. `127.0.0.1:11211` for memcached or a database URL for `ext:database`.', docs: BEAKER },
  {
    name: 'cache.data_dir', sections: ['app'], type: path, default: '<cache_dir>/cache (derived by TurboGears)',
    description: 'Short alias of `beaker.cache.data_dir`. TurboGears fills it in from `cache_dir`, and when both names are present this one decides where cache files go.',
    impact: 'Must be on storage shared by all machines.', impactTags: ['scaling'], docs: BEAKER,
  },
  { name: 'cache.lock_dir', sections: ['app'], type: path, default: 'none', description: 'Short alias of `beaker.cache.lock_dir`: folder for cache lock files.', docs: BEAKER },
  { name: 'cache.regions', sections: ['app'], type: { kind: 'list', separator: 'comma' }, default: 'none', description: 'Short alias of `beaker.cache.regions`: the comma-separated regions to set up.', docs: BEAKER },
  { name: 'cache.type', sections: ['app'], type: { kind: 'enum', values: CACHE_TYPES, open: true }, default: 'memory', description: 'Short alias of `beaker.cache.type`: default back-end for regions.', docs: BEAKER },
  { name: 'cache.expire', sections: ['app'], type: { kind: 'int', unit: 'seconds' }, default: 'never', description: 'Short alias of `beaker.cache.expire`: default lifetime of cached values.', docs: BEAKER },
  {
    name: 'cache.enabled', sections: ['app'], type: tgBool, default: 'true',
    description: 'Master switch for TurboGears\' Beaker caching, parsed at startup.', impact: 'Turning caching off makes many pages recompute repository data.', impactTags: ['performance'], docs: BEAKER,
  },
  {
    name: 'cache.<region>.<option>', pattern: /^cache\.[^.]+\.(?:type|expire|key_length|data_dir|lock_dir|enabled|url)$/, sections: ['app'], type: str,
    description: 'Short alias of `beaker.cache.<region>.<option>` for one region\'s type, expire, key_length, data_dir, lock_dir, enabled or url.', docs: BEAKER,
  },
];

const SESSION_KEYS: KeyInfo[] = [
  {
    name: 'session.key', sections: ['app'], type: str, default: 'beaker.session.id',
    description: 'Name of the session cookie. Give each Kallithea on the same host name its own name, even on different ports or paths, or their logins overwrite each other.', impactTags: ['security'], impact: 'Shared cookie names mix up sessions between sites.', docs: BEAKER,
  },
  {
    name: 'session.httponly', sections: ['app'], type: beakerBool, default: 'false',
    description: 'Marks the session cookie HttpOnly so page scripts cannot read it.', impact: 'Stops injected JavaScript from stealing logins.', impactTags: ['security'], recommended: 'true', docs: BEAKER,
  },
  {
    name: 'session.secure', sections: ['app'], type: beakerBool, default: 'false',
    description: 'Marks the session cookie Secure so browsers send it only over HTTPS. Not in the Kallithea template.',
    impact: 'Without it the login cookie can leak over any plain-http request to the host.', impactTags: ['security'], recommended: 'true',
    recommendedWhy: 'When users reach the site over HTTPS, directly or through a TLS proxy; on a plain-http site logins would stop working.', docs: BEAKER,
  },
  { name: 'session.samesite', sections: ['app'], type: { kind: 'enum', values: ['Lax', 'Strict', 'None'], open: true }, default: 'Lax', description: 'SameSite attribute of the session cookie, which limits sending it on cross-site requests.', impactTags: ['security'], impact: 'Lax or Strict blunt cross-site request forgery.', docs: BEAKER },
  {
    name: 'session.timeout', sections: ['app'], type: { kind: 'int', unit: 'seconds' }, default: 'none: sessions never expire on the server',
    description: 'Seconds of inactivity after which a session ends; the template uses 2592000 (30 days).', impact: 'Long lifetimes keep stolen cookies usable longer.', impactTags: ['security'], docs: BEAKER,
  },
  {
    name: 'session.secret', sections: ['app'], type: secret, secret: true, default: 'none: the cookie is not signed',
    description: 'Key that signs the session-id cookie with HMAC. `kallithea-cli config-create` writes a random value.',
    impact: 'An empty, short or published value (such as `development-not-secret`) lets attackers forge session cookies.', impactTags: ['security'], docs: BEAKER,
  },
  {
    name: 'session.encrypt_key', sections: ['app'], type: secret, secret: true, default: 'none',
    description: 'Key for AES-encrypting session data, mainly for `session.type = cookie` where the whole session lives in the browser.', impactTags: ['security'], impact: 'Without it cookie sessions are readable by the user.', docs: BEAKER,
  },
  {
    name: 'session.validate_key', sections: ['app'], type: secret, secret: true, default: 'none',
    description: 'Key that signs cookie-stored session data. Beaker refuses to start with `session.type = cookie` when it is missing.', impactTags: ['security', 'startup'], impact: 'A weak key lets users tamper with their own session data.', docs: BEAKER,
  },
  {
    name: 'session.type', sections: ['app'], type: { kind: 'enum', values: SESSION_TYPES, open: true }, default: 'file when session.data_dir is known (TurboGears derives it from cache_dir), else memory',
    description: 'Where session data is stored: files, dbm, process memory, the cookie itself, or an `ext:` back-end such as `ext:database`.',
    impact: '`memory` is private to each worker process, so with several workers users are logged out at random; `cookie` needs strong `validate_key` and `encrypt_key`.',
    impactTags: ['scaling', 'security'], recommended: 'file',
    recommendedWhy: 'With `cache_dir` on storage shared by every instance; `ext:database` is the alternative when no shared folder exists.', docs: BEAKER,
  },
  {
    name: 'session.data_dir', sections: ['app'], type: path, default: '<cache_dir>/sessions (derived by TurboGears)',
    description: 'Folder for file or dbm sessions.', impact: 'Share it between machines, or users lose their login whenever the balancer switches instance. Nothing deletes expired session files.', impactTags: ['scaling'], docs: PERFORMANCE,
  },
  { name: 'session.lock_dir', sections: ['app'], type: path, default: 'derived from session.data_dir', description: 'Folder for the lock files of file or dbm sessions.', impactTags: ['scaling'], impact: 'Share it along with `session.data_dir`.', docs: BEAKER },
  { name: 'session.sa.url', sections: ['app'], type: { kind: 'url' }, secret: true, default: 'none', description: 'Database URL where `session.type = ext:database` keeps sessions; it usually contains a password.', impactTags: ['security', 'scaling'], impact: 'A database store lets several machines share sessions without a shared folder.', docs: BEAKER },
  { name: 'session.table_name', sections: ['app'], type: str, default: 'beaker_cache', description: 'Table used by `session.type = ext:database`; the template suggests `db_session`.', docs: BEAKER },
  {
    name: 'session.data_serializer', sections: ['app'], type: { kind: 'enum', values: ['json', 'pickle'], otherwise: 'fails' }, default: 'json (set by Kallithea)',
    description: 'Format of stored session data. Kallithea sets `json` itself so that session data is never unpickled; leave it alone.', impactTags: ['security'], impact: '`pickle` would let anyone who can write session data run code.', recommended: 'json', docs: BEAKER,
  },
  { name: 'session.enabled', sections: ['app'], type: tgBool, default: 'true', description: 'Switches TurboGears\' session support; Kallithea needs sessions for logins, so keep it on.', docs: BEAKER },
  { name: 'session.cookie_expires', sections: ['app'], type: str, default: 'true: the cookie ends when the browser closes', description: 'When the session cookie expires in the browser: `true` (at browser exit), `false` (never) or a number of seconds.', docs: BEAKER },
  { name: 'session.cookie_domain', sections: ['app'], type: str, default: 'the request host', description: 'Domain attribute of the session cookie, for sharing it with subdomains.', impactTags: ['security'], impact: 'A broad domain exposes the login cookie to every subdomain.', docs: BEAKER },
  { name: 'session.cookie_path', sections: ['app'], type: str, default: '/', description: 'Path attribute of the session cookie.', docs: BEAKER },
  { name: 'session.save_accessed_time', sections: ['app'], type: beakerBool, default: 'true', description: 'Records the last access time in the session. It must stay true when `session.timeout` is set, or Beaker refuses to start.', docs: BEAKER },
  {
    name: 'beaker.session.<option>', pattern: /^beaker\.session\..+$/, sections: ['app'], type: str,
    description: 'Older prefix for Beaker session options, written by Kallithea up to 0.4. TurboGears 2.4 still hands it to Beaker as the same option as `session.<option>` (with a DeprecationWarning in the log); when both spellings are set, the later line wins.',
    deprecated: { message: 'TurboGears 2.4 reads it only for compatibility and logs a DeprecationWarning; the `session.` prefix is the current name.', replacement: 'session.<option>', stillWorks: true }, docs: BEAKER,
  },
  {
    name: 'session.<option>', pattern: /^session\.[A-Za-z_][A-Za-z0-9_.]*$/, sections: ['app'], type: str,
    description: 'Any other Beaker session option, with the `session.` prefix removed before Beaker sees it (for example back-end options such as `session.url` for memcached).', docs: BEAKER,
  },
];

const TG_KEYS: KeyInfo[] = [
  {
    name: 'debug', sections: ['app'], type: tgBool, default: 'false',
    description: 'Turns on the backlash interactive debugger, which opens a Python console in the browser on errors. It also switches off error mails, HSTS and the friendly error pages.',
    impact: 'Anyone who can provoke an error can run code on the server. Never enable it on an instance others can reach.', impactTags: ['security'], recommended: 'false', docs: DEBUGGING,
  },
  {
    name: 'trace_errors.enable', sections: ['app'], type: tgBool, default: 'true',
    description: 'Switches backlash\'s server-side error reporting (mail and Sentry); it is inactive anyway while `debug` is on.', docs: EMAIL,
  },
  { name: 'trace_errors.smtp_server', sections: ['app'], type: str, default: 'none', description: 'SMTP relay for error mails; the template copies it from `smtp_server` with a `get` line.', docs: EMAIL },
  { name: 'trace_errors.smtp_port', sections: ['app'], type: str, default: 'the SMTP default', description: 'Port for error mails; the template copies it from `smtp_port`.', docs: EMAIL },
  { name: 'trace_errors.from_address', sections: ['app'], type: str, default: 'none', description: 'Sender of error mails; the template copies it from `error_email_from`. Required when `trace_errors.error_email` is set.', impactTags: ['startup'], impact: 'Empty while error mails are on: the app fails to start.', docs: EMAIL },
  {
    name: 'trace_errors.error_email', sections: ['app'], type: str, default: 'none: no error mails',
    description: 'Recipients of error tracebacks; the template copies it from `email_to`. A non-empty value turns the mail reporter on.', impactTags: ['security', 'startup'], impact: 'Needs `smtp_server` and `from_address`, or startup fails; tracebacks may reveal sensitive data.', docs: EMAIL,
  },
  { name: 'trace_errors.smtp_username', sections: ['app'], type: str, default: 'none', description: 'Login for the error mailer; the template copies it from `smtp_username`.', docs: EMAIL },
  { name: 'trace_errors.smtp_password', sections: ['app'], type: secret, secret: true, default: 'none', description: 'Password for the error mailer; the template copies it from `smtp_password`.', impactTags: ['security'], impact: 'Stored in clear text in the file.', docs: EMAIL },
  { name: 'trace_errors.smtp_use_tls', sections: ['app'], type: tgBool, default: 'false', description: 'Use STARTTLS for error mails; parsed at startup. The backlash mailer has no implicit-SSL mode.', impactTags: ['security'], impact: 'Protects the SMTP login of the error mailer.', docs: EMAIL },
  { name: 'trace_errors.error_subject_prefix', sections: ['app'], type: str, default: 'WebApp Error: ', description: 'Text put before the subject of error mails.', docs: EMAIL },
  { name: 'trace_errors.dump_request', sections: ['app'], type: tgBool, default: 'false', description: 'Attaches a dump of the failing request to error mails.', impactTags: ['security'], impact: 'Request dumps can include cookies, passwords and form data.', docs: EMAIL },
  { name: 'trace_errors.dump_request_size', sections: ['app'], type: { kind: 'int', unit: 'bytes' }, default: 'backlash default', description: 'Requests larger than this are not dumped into error mails, which keeps uploads out of them.', docs: EMAIL },
  { name: 'trace_errors.dump_local_frames', sections: ['app'], type: tgBool, default: 'false', description: 'Adds the local variables of the failing stack frames to error reports.', impactTags: ['security'], impact: 'Local variables can hold secrets.', docs: EMAIL },
  { name: 'trace_errors.dump_local_frames_count', sections: ['app'], type: { kind: 'int', unit: 'count' }, default: '2', description: 'How many stack frames get their local variables dumped.', docs: EMAIL },
  { name: 'trace_errors.sentry_dsn', sections: ['app'], type: { kind: 'url' }, secret: true, default: 'none', description: 'Sentry project DSN; when set, backlash also reports errors to Sentry.', impactTags: ['security'], impact: 'The DSN contains the project key.', docs: EMAIL },
  {
    name: 'trace_errors.<option>', pattern: /^trace_errors\..+$/, sections: ['app'], type: str,
    description: 'Other backlash error-reporting option handed over by TurboGears, such as `trace_errors.error_message`.', docs: EMAIL,
  },
  { name: 'errorpage.enabled', sections: ['app'], type: tgBool, default: 'true', description: 'Shows Kallithea\'s own pages for 400, 401, 403 and 404 errors instead of bare responses.', docs: TROUBLESHOOTING },
  { name: 'i18n.enabled', sections: ['app'], type: tgBool, default: 'true', description: 'Chooses the interface language from the browser\'s preferences; set false to always use `i18n.lang`.', docs: SETUP },
  {
    name: 'i18n.lang', sections: ['app'], type: { kind: 'enum', values: LANGUAGES, checkedBy: 'i18n-lang' }, default: 'en',
    description: 'Language used when the browser asks for none that Kallithea ships, or always when `i18n.enabled` is false. An unknown code falls back to English.', docs: SETUP,
  },
  {
    name: 'serve_static', sections: ['app'], type: tgBool, default: 'true',
    description: 'Lets the Kallithea process serve the files under `kallithea/public/` (styles, scripts, images). In 0.7 this, not `static_files`, is the real switch.',
    impact: 'Serving static files from the web server instead frees Python workers for real pages.', impactTags: ['performance'], recommended: 'false',
    recommendedWhy: 'Only when nginx or Apache serves kallithea/public itself; otherwise pages lose their styles and scripts.', docs: PERFORMANCE,
  },
  {
    name: 'auto_reload_templates', sections: ['app'], type: tgBool, default: 'true',
    description: 'Makes Mako check each template file\'s modification time on every render so edits show up at once.',
    impact: 'A file-system check per template per render.', impactTags: ['performance'], recommended: 'false',
    recommendedWhy: 'Templates only change on upgrades, which restart the processes anyway.', docs: PERFORMANCE,
  },
  {
    name: 'templating.mako.compiled_templates_dir', sections: ['app'], type: path, default: 'unset: templates are compiled in memory by each process',
    description: 'Folder where Mako keeps compiled templates as Python modules so that processes can reuse them.', impact: 'Shortens the first requests after a restart.', impactTags: ['performance'], docs: PERFORMANCE,
  },
  {
    name: 'static_files', sections: ['app'], type: str,
    description: 'Pylons-era switch that the Kallithea docs still mention. Kallithea 0.7 and TurboGears 2.4 never read it.',
    noEffect: 'Nothing reads it; `static_files = false` does not stop static serving. Use `serve_static = false` instead.', suggestions: ['serve_static'], docs: PERFORMANCE,
  },
  {
    name: 'full_stack', sections: ['app'], type: str,
    description: 'Argument of the 0.6 app factory. The 0.7 factory has no such parameter and TurboGears 2.4 ignores it.',
    noEffect: 'Ignored since Kallithea 0.7; delete the line.', docs: UPGRADE,
  },
  { name: 'lang', sections: ['app'], type: str, description: 'Language key of very old configs.', deprecated: { message: 'Read by nothing in 0.7.', replacement: 'i18n.lang' }, docs: SETUP },
  { name: 'i18n.enable', sections: ['app'], type: tgBool, description: 'Misspelled name from older templates; TurboGears only reads `i18n.enabled`.', deprecated: { message: 'Misspelled name that TurboGears never reads.', replacement: 'i18n.enabled' }, docs: SETUP },
  {
    name: 'sentry.dsn', sections: ['app'], type: { kind: 'url' }, secret: true,
    description: 'Sentry address from 0.6 configs made with error_aggregation_service=sentry. Nothing in 0.7 reads it.',
    deprecated: { message: 'The 0.6 Sentry settings are gone; TurboGears reports to Sentry through backlash instead.', replacement: 'trace_errors.sentry_dsn' }, docs: UPGRADE,
  },
  {
    name: 'sentry.<option>', pattern: /^sentry\..+$/, sections: ['app'], type: str,
    description: 'Other 0.6 Sentry option (servers, key, timeout and so on). Nothing in 0.7 reads it.',
    deprecated: { message: 'The 0.6 Sentry settings are gone; only `trace_errors.sentry_dsn` remains, so move the DSN there and drop the rest.' }, docs: UPGRADE,
  },
  {
    name: 'logview.<name>', pattern: /^logview\..+$/, sections: ['app'], type: str,
    description: 'Colour setting of a Pylons log viewer that Kallithea no longer has.', noEffect: 'Read by nothing in 0.7; delete the line.', docs: UPGRADE,
  },
];

const DB_KEYS: KeyInfo[] = [
  fromDb('title', 'Site title shown in the header.'),
  fromDb('realm', 'Realm text shown in HTTP login prompts.'),
  fromDb('ga_code', 'Google Analytics tracking code or snippet.'),
  fromDb('captcha_public_key', 'reCAPTCHA site key for the registration form.'),
  fromDb('captcha_private_key', 'reCAPTCHA secret key for the registration form.', secret),
  fromDb('show_public_icon', 'Whether public repositories get an icon in lists.'),
  fromDb('show_private_icon', 'Whether private repositories get an icon in lists.'),
  fromDb('stylify_metalabels', 'Whether metatags in descriptions are rendered as labels.'),
  fromDb('repository_fields', 'Whether extra custom repository fields are enabled.'),
  fromDb('dashboard_items', 'Number of items per dashboard page.'),
  fromDb('admin_grid_items', 'Number of rows in admin grids.'),
  fromDb('show_version', 'Whether the Kallithea version appears in the footer.'),
  fromDb('use_gravatar', 'Whether avatars come from Gravatar.'),
  fromDb('gravatar_url', 'Avatar URL template.'),
  fromDb('clone_uri_tmpl', 'Template of the HTTP clone URL shown on repository pages.'),
  fromDb('clone_ssh_tmpl', 'Template of the SSH clone URL shown on repository pages.'),
  fromDb('auth_plugins', 'Enabled authentication plugins, in order.'),
  fromDb('base_path', 'Root folder of the repositories.', path),
  { ...fromDb('auth_<name>', 'Option of an authentication plugin (LDAP, container, internal and others).'), pattern: /^auth_.+$/, docs: AUTH },
  { ...fromDb('default_repo_<name>', 'Default for new repositories (type, privacy, downloads, statistics).'), pattern: /^default_repo_.+$/ },
];

const PATTERN_KEYS: KeyInfo[] = [
  {
    name: 'sqlalchemy.<option>', pattern: /^sqlalchemy\..+$/, sections: ['app'], type: str, default: 'SQLAlchemy\'s default',
    description: 'Any other `create_engine()` keyword, such as `sqlalchemy.pool_timeout` or `sqlalchemy.echo`; SQLAlchemy converts known ones to numbers or booleans.',
    impact: 'An unknown keyword stops startup with TypeError, and SQLite rejects the pool sizing keywords.', impactTags: ['startup', 'performance'], docs: SQLALCHEMY,
  },
  {
    name: 'issue_pat<suffix>', pattern: /^issue_pat.+$/, sections: ['app'], type: { kind: 'regex' },
    description: 'One more issue-link rule; the suffix (e.g. `_wiki`) pairs it with `issue_server_link<suffix>` and `issue_sub<suffix>`. Incomplete rules and invalid expressions are skipped with an error in the log.', docs: SETUP,
  },
  { name: 'issue_server_link<suffix>', pattern: /^issue_server_link.+$/, sections: ['app'], type: str, description: 'Link target of the issue rule with the same suffix, with group references and `{repo}`/`{repo_name}` allowed.', docs: SETUP },
  { name: 'issue_sub<suffix>', pattern: /^issue_sub.+$/, sections: ['app'], type: str, description: 'Link text of the issue rule with the same suffix; may be empty but must be present.', docs: SETUP },
  {
    name: 'issue_prefix<suffix>', pattern: /^issue_prefix.*$/, sections: ['app'], type: str,
    description: 'Link-text prefix of older issue rules. Kallithea 0.7 ignores it and logs an error.',
    deprecated: { message: 'Kallithea 0.7 ignores it and logs an error; the link text belongs in issue_sub with the same suffix.', replacement: 'issue_sub<suffix>' }, docs: SETUP,
  },
];

export const APP_KEYS: readonly KeyInfo[] = [
  ...EMAIL_KEYS,
  ...CORE_KEYS,
  ...CELERY_KEYS,
  ...CACHE_KEYS,
  ...SESSION_KEYS,
  ...TG_KEYS,
  ...DB_KEYS,
  ...PATTERN_KEYS,
];
