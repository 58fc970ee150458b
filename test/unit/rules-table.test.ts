// One row per rule: a file that triggers it, one that does not, and every fix it
// offers applied to the first, with the result read back by Python's configparser.
// A rule without a row fails the first test, so no rule ships untested.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LintEnvironment } from '../../server/src/core/model/deployment';
import { fixesFor } from '../../server/src/core/analysis/fixes';
import { applyEdits } from '../../server/src/core/analysis/fixes';
import { analyze } from '../../server/src/core/analysis/analysis';
import type { AnyRule, Diagnostic } from '../../server/src/core/analysis/diagnostics';
import { RULES } from '../../server/src/core/rules';
import { environment, FILE, lines, model, python } from '../helpers/core';

const APP = ['[app:main]', 'use = egg:kallithea', 'cache_dir = /srv/data', 'index_dir = /srv/data/index', 'sqlalchemy.url = postgresql://k@db.internal/k'];
const GUNICORN = ['[server:main]', 'use = egg:gunicorn#main', 'workers = 4', 'timeout = 3600', 'max_requests = 1000'];
const UWSGI = ['[uwsgi]', 'http-socket = 127.0.0.1:5000', 'buffer-size = 65535', 'master = true', 'lazy = true', 'workers = 4', 'cheaper = 1', 'max-requests = 1000'];
const peer = (text: string) => environment([{ path: '/srv/other/kallithea.ini', text }]);

interface Row {
  bad: string;
  good: string;
  env?: LintEnvironment;
  /** Python cannot load the fixed file for reasons outside this rule (e.g. a BOM cannot be removed by an edit). */
  noFixExpected?: boolean;
  /** The bad file's bytes were not valid UTF-8. */
  badEncoding?: boolean;
  maxFileSize?: number;
  /** The rule list to run (to include a rule that fails on purpose). */
  rules?: AnyRule[];
}

/** A check that fails on every file, for the internal-error row. */
const brokenRule: AnyRule = {
  id: 'broken-on-purpose',
  category: 'values',
  severity: 'warning',
  description: 'Fails on files that mention it.',
  check({ model }) {
    if (model.parsed.text.includes('broken-on-purpose')) throw new Error('deliberately broken');
  },
};

function diagnosticsOf(text: string, row: Row, bad = false): Diagnostic[] {
  return analyze({ text, filePath: FILE, validUtf8: !(bad && row.badEncoding) }, { env: row.env, maxFileSize: row.maxFileSize }, row.rules ?? RULES).diagnostics;
}

const ROWS: Record<string, Row> = {
  'file-too-large': { bad: lines(...APP, '# ' + 'x'.repeat(400)), good: lines(...APP), maxFileSize: 300, noFixExpected: true },
  'invalid-encoding': { bad: lines(...APP), good: lines(...APP), badEncoding: true, noFixExpected: true },
  'internal-error': { bad: lines(...APP, '# broken-on-purpose'), good: lines(...APP), rules: [brokenRule, ...RULES], noFixExpected: true },
  'utf8-bom': { bad: '\ufeff' + lines(...APP), good: lines(...APP), noFixExpected: true },
  'missing-section-header': { bad: lines('debug = false', ...APP), good: lines('# debug = false', ...APP) },
  'invalid-line': { bad: lines(...APP, 'static_files'), good: lines(...APP, 'serve_static = true') },
  'duplicate-section': { bad: lines(...APP, '[app:main]', 'x = 1'), good: lines(...APP), noFixExpected: true },
  'duplicate-key': { bad: lines(...APP, 'cut_off_limit = 1', 'cut_off_limit = 2'), good: lines(...APP, 'cut_off_limit = 2') },
  'bad-percent': { bad: lines(...APP, 'celery.broker_url = amqp://k:p%40ss@mq/k'), good: lines(...APP, 'celery.broker_url = amqp://k:p%%40ss@mq/k') },
  'undefined-reference': { bad: lines(...APP, 'archive_cache_dir = %(cache_dri)s/tar'), good: lines(...APP, 'archive_cache_dir = %(cache_dir)s/tar') },
  'recursive-reference': { bad: lines(...APP, 'a = %(b)s', 'b = %(a)s'), good: lines(...APP, 'a = /x', 'b = %(a)s'), noFixExpected: true },
  'inline-comment': { bad: lines(...APP, 'git_path = /usr/bin/git  ; system git'), good: lines(...APP, '; system git', 'git_path = /usr/bin/git') },
  'indented-key': { bad: lines(...APP, 'rss_items_per_page = 10', '    rss_include_diff = false'), good: lines(...APP, 'rss_items_per_page = 10', 'rss_include_diff = false') },
  'sqlite-multi-worker': { bad: lines(...GUNICORN, ...APP, 'sqlalchemy.url = sqlite:////srv/k.db').replace(/^sqlalchemy.url = postgresql.*\n/m, ''), good: lines(...GUNICORN, ...APP) },
  'data-dir-not-shared': {
    bad: lines(...APP, 'archive_cache_dir = %(here)s/tar'),
    good: lines(...APP, 'archive_cache_dir = /mnt/shared/tar'),
    env: environment([{ path: '/srv/other/kallithea.ini', text: lines(...APP, 'archive_cache_dir = /mnt/shared/tar') }]),
  },
  'instances-disagree': {
    bad: lines(...APP, 'session.secret = 3f6c0b1e9d2a47c58e1f0a9b7c6d5e4f'),
    good: lines(...APP, 'session.secret = 9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d'),
    env: environment([{ path: '/srv/other/kallithea.ini', text: lines(...APP, 'session.secret = 9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d') }]),
  },
  'db-connection-budget': { bad: lines('[server:main]', 'use = egg:gunicorn#main', 'workers = 8', ...APP), good: lines('[server:main]', 'use = egg:gunicorn#main', 'workers = 8', ...APP, 'sqlalchemy.pool_size = 5', 'sqlalchemy.max_overflow = 7') },
  'static-files-behind-proxy': { bad: lines(...APP, 'force_https = true'), good: lines(...APP, 'force_https = true', 'serve_static = false') },
  'threaded-worker': { bad: lines('[server:main]', 'use = egg:waitress#main', 'threads = 4', ...APP), good: lines('[server:main]', 'use = egg:waitress#main', 'threads = 1', ...APP) },
  'session-memory-multi-worker': { bad: lines(...GUNICORN, ...APP, 'session.type = memory'), good: lines(...GUNICORN, ...APP, 'session.type = file') },
  'memory-cache-no-recycle': {
    bad: lines('[server:main]', 'use = egg:gunicorn#main', 'timeout = 3600', ...APP, 'beaker.cache.regions = long_term', 'beaker.cache.long_term.type = memory'),
    good: lines(...GUNICORN, ...APP, 'beaker.cache.regions = long_term', 'beaker.cache.long_term.type = memory'),
  },
  'uwsgi-not-lazy': { bad: lines(...UWSGI.filter((l) => !l.startsWith('lazy')), ...APP), good: lines(...UWSGI, ...APP) },
  'uwsgi-bool-inline-comment': { bad: lines(...UWSGI, 'vacuum = false   ; keep sockets', ...APP), good: lines(...UWSGI, 'vacuum = true   ; clean up', ...APP) },
  'uwsgi-cheaper': { bad: lines(...UWSGI.map((l) => (l.startsWith('cheaper') ? 'cheaper = 4' : l)), ...APP), good: lines(...UWSGI, ...APP) },
  'uwsgi-buffer-size': { bad: lines(...UWSGI.filter((l) => !l.startsWith('buffer-size')), ...APP), good: lines(...UWSGI, ...APP) },
  'unknown-server-key': { bad: lines(...GUNICORN, 'threadpool_workers = 2', ...APP), good: lines(...GUNICORN, ...APP) },
  'dev-server': { bad: lines('[server:main]', 'use = egg:gearbox#wsgiref', 'threadpool_workers = 1', ...APP), good: lines('[server:main]', 'use = egg:waitress#main', 'threads = 1', ...APP) },
  'short-timeout': { bad: lines('[server:main]', 'use = egg:gunicorn#main', 'workers = 2', 'max_requests = 1000', ...APP), good: lines(...GUNICORN, ...APP) },
  'celery-broker-not-shared': {
    bad: lines(...APP, 'use_celery = true', 'celery.broker_url = amqp://k:p@localhost:5672/k'),
    good: lines(...APP, 'use_celery = true', 'celery.broker_url = amqp://k:p@mq.internal:5672/k'),
    env: peer(lines(...APP, 'use_celery = true')),
    noFixExpected: true,
  },
  'mysql-charset': { bad: lines(...APP, 'sqlalchemy.url = mysql://k@db/k').replace(/^sqlalchemy.url = postgresql.*\n/m, ''), good: lines(...APP) },
  'sqlite-pool-options': {
    bad: lines(...APP, 'sqlalchemy.pool_size = 5').replace('postgresql://k@db.internal/k', 'sqlite:////srv/k.db'),
    good: lines(...APP, 'sqlalchemy.pool_recycle = 3600').replace('postgresql://k@db.internal/k', 'sqlite:////srv/k.db'),
  },
  'debug-enabled': { bad: lines('[DEFAULT]', 'debug = true', ...APP, 'debug = false'), good: lines('[DEFAULT]', 'debug = true', ...APP, 'set debug = false') },
  'weak-secret': { bad: lines(...APP, 'app_instance_uuid = VERY-SECRET', 'session.secret = 0123456789abcdef0123456789abcdef'), good: lines(...APP, 'app_instance_uuid = 9f8e7d6c5b4a39281706f5e4d3c2b1a0', 'session.secret = 0123456789abcdef0123456789abcdef') },
  'cookie-session-no-validate-key': { bad: lines(...APP, 'session.type = cookie'), good: lines(...APP, 'session.type = cookie', 'session.validate_key = 0123456789abcdef0123456789abcdef') },
  'error-email-incomplete': {
    bad: lines('[DEFAULT]', 'email_to = ops@example.org', 'smtp_server =', 'error_email_from = k@example.org', ...APP, 'get trace_errors.smtp_server = smtp_server', 'get trace_errors.from_address = error_email_from', 'get trace_errors.error_email = email_to'),
    good: lines('[DEFAULT]', 'email_to = ops@example.org', 'smtp_server = mail', 'error_email_from = k@example.org', ...APP, 'get trace_errors.smtp_server = smtp_server', 'get trace_errors.from_address = error_email_from', 'get trace_errors.error_email = email_to'),
    noFixExpected: true,
  },
  'prefix-trusts-forwarded': {
    bad: lines('[filter:proxy]', 'use = egg:PasteDeploy#prefix', 'prefix = /code', ...APP, 'filter-with = proxy'),
    good: lines('[filter:proxy]', 'use = egg:PasteDeploy#prefix', 'prefix = /code', 'translate_forwarded_server = False', ...APP, 'filter-with = proxy'),
  },
  'logging-here-interpolation': {
    bad: lines(...APP, '[loggers]', 'keys = root', '[handlers]', 'keys = f', '[formatters]', 'keys =', '[logger_root]', 'level = WARN', 'handlers = f', '[handler_f]', 'class = FileHandler', "args = ('%(here)s/k.log', 'a')"),
    good: lines(...APP, '[loggers]', 'keys = root', '[handlers]', 'keys = f', '[formatters]', 'keys =', '[logger_root]', 'level = WARN', 'handlers = f', '[handler_f]', 'class = FileHandler', "args = ('/var/log/k.log', 'a')"),
  },
  'environ-key-name': { bad: lines(...APP, 'remote_addr_variable = X-Forwarded-For'), good: lines(...APP, 'remote_addr_variable = HTTP_X_FORWARDED_FOR') },
  'forwarded-without-proxy': {
    bad: lines('[server:main]', 'use = egg:waitress#main', 'host = 0.0.0.0', 'threads = 1', ...APP, 'remote_addr_variable = HTTP_X_FORWARDED_FOR'),
    good: lines('[server:main]', 'use = egg:waitress#main', 'host = 127.0.0.1', 'threads = 1', ...APP, 'remote_addr_variable = HTTP_X_FORWARDED_FOR'),
  },
  'session-not-secure': { bad: lines(...APP, 'canonical_url = https://code.example.org'), good: lines(...APP, 'canonical_url = https://code.example.org', 'session.secure = true') },
  'smtp-plaintext-credentials': { bad: lines('[DEFAULT]', 'smtp_username = k', 'smtp_use_tls = false', ...APP), good: lines('[DEFAULT]', 'smtp_username = k', 'smtp_use_tls = true', ...APP) },
  'smtp-mode-port': { bad: lines('[DEFAULT]', 'smtp_use_ssl = true', 'smtp_port = 587', ...APP), good: lines('[DEFAULT]', 'smtp_use_ssl = true', 'smtp_port = 465', ...APP) },
  'missing-required-key': {
    bad: lines(...APP.filter((l) => !l.startsWith('index_dir')), 'cut_off_limit = 256000', 'commit_parse_limit = 25', '[alembic]', 'script_location = kallithea:alembic'),
    good: lines(...APP, 'cut_off_limit = 256000', 'commit_parse_limit = 25', '[alembic]', 'script_location = kallithea:alembic'),
  },
  'missing-cache-region': {
    bad: lines(...APP, 'beaker.cache.regions = short_term', 'beaker.cache.short_term.type = memory'),
    good: lines(...APP, 'beaker.cache.regions = long_term,long_term_file'),
  },
  'ignore-alembic-revision': { bad: lines(...APP, 'ignore_alembic_revision = false'), good: lines(...APP, 'ignore_alembic_revision =') },
  'issue-tracker-incomplete': { bad: lines(...APP, 'issue_pat_wiki = wiki-(\\S+)'), good: lines(...APP, 'issue_pat_wiki = wiki-(\\S+)', 'issue_server_link_wiki = https://w/\\1', 'issue_sub_wiki =') },
  'url-format': { bad: lines(...APP, 'canonical_url = code.example.org'), good: lines(...APP, 'canonical_url = https://code.example.org') },
  'ssh-config': { bad: lines(...APP, 'ssh_enabled = true'), good: lines(...APP, 'ssh_enabled = true', 'ssh_authorized_keys = /home/k/.ssh/authorized_keys'), noFixExpected: true },
  'uwsgi-python-interpolation': { bad: lines(...UWSGI, 'chdir = %(here)s/app', ...APP, 'git_hook_interpreter = /v/bin/python3'), good: lines(...UWSGI, 'chdir = %dapp', ...APP, 'git_hook_interpreter = /v/bin/python3') },
  'uwsgi-hook-interpreter': { bad: lines(...UWSGI, ...APP), good: lines(...UWSGI, ...APP, 'git_hook_interpreter = /srv/kallithea/venv/bin/python3') },
  'db-setting-in-ini': { bad: lines(...APP, 'title = Our code'), good: lines(...APP) },
  'auth-ret-code': { bad: lines(...APP, 'auth_ret_code = 401'), good: lines(...APP, 'auth_ret_code = 403') },
  'i18n-lang': { bad: lines(...APP, 'i18n.lang = de_DE'), good: lines(...APP, 'i18n.lang = de') },
  'invalid-boolean': { bad: lines(...APP, 'use_celery = no way'), good: lines(...APP, 'use_celery = no') },
  'invalid-integer': { bad: lines(...APP, 'commit_parse_limit = 25 per pass'), good: lines(...APP, 'commit_parse_limit = 25') },
  'invalid-enum': { bad: lines(...APP, '[logger_root]', 'level = info', 'handlers =', '[loggers]', 'keys = root', '[handlers]', 'keys =', '[formatters]', 'keys ='), good: lines(...APP, '[logger_root]', 'level = INFO', 'handlers =', '[loggers]', 'keys = root', '[handlers]', 'keys =', '[formatters]', 'keys =') },
  'default-shadowed': { bad: lines('[DEFAULT]', 'git_path = git', ...APP, 'git_path = /opt/git'), good: lines('[DEFAULT]', 'git_path = git', ...APP, 'set git_path = /opt/git') },
  'get-undefined': { bad: lines('[DEFAULT]', ...APP, 'get trace_errors.smtp_server = smtp_server'), good: lines('[DEFAULT]', 'smtp_server =', ...APP, 'get trace_errors.smtp_server = smtp_server') },
  'missing-filter': { bad: lines(...APP, 'filter-with = proxy-prefix'), good: lines('[filter:proxy-prefix]', 'use = egg:PasteDeploy#prefix', ...APP, 'filter-with = proxy-prefix') },
  'logging-reference': {
    bad: lines(...APP, '[loggers]', 'keys = root, missing', '[handlers]', 'keys =', '[formatters]', 'keys =', '[logger_root]', 'level = WARN', 'handlers ='),
    good: lines(...APP, '[loggers]', 'keys = root', '[handlers]', 'keys =', '[formatters]', 'keys =', '[logger_root]', 'level = WARN', 'handlers ='),
    noFixExpected: true,
  },
  'no-effect-key': { bad: lines(...APP, 'full_stack = true'), good: lines(...APP) },
  'deprecated-key': { bad: lines(...APP, 'sqlalchemy.db1.url = postgresql://k@db/k'), good: lines(...APP) },
  'legacy-config': {
    bad: lines('[app:main]', 'use = egg:rhodecode', 'cache_dir = /srv/data', 'index_dir = /srv/data/index', 'sqlalchemy.db1.url = postgresql://k@db.internal/k', 'lang = en'),
    good: lines(...APP, 'lang = en'),
  },
  'unknown-key': { bad: lines(...APP, 'commit_parse_limt = 25'), good: lines(...APP, 'commit_parse_limit = 25') },
  'unused-suppression': { bad: lines(...APP, '# kallithea-ini: disable-next-line unknown-key', 'commit_parse_limit = 25'), good: lines(...APP, '# kallithea-ini: disable-next-line unknown-key', 'commit_parse_limt = 25') },
};

describe('every rule, table-driven', () => {
  test('every rule has a row', () => {
    assert.deepEqual(
      RULES.map((r) => r.id).filter((id) => !ROWS[id]),
      [],
    );
  });

  for (const [rule, row] of Object.entries(ROWS)) {
    test(`${rule}: fires on the bad file, not on the good one; every fix loads in Python and clears it`, () => {
      const found = diagnosticsOf(row.bad, row, true).filter((d) => d.rule === rule);
      assert.ok(found.length > 0, `${rule} does not fire on:\n${row.bad}`);
      assert.deepEqual(
        diagnosticsOf(row.good, row).filter((d) => d.rule === rule),
        [],
      );
      const m = model(row.bad);
      const fixes = fixesFor(m, found[0], row.env).filter((f) => f.edits.length > 0);
      if (row.noFixExpected) return assert.deepEqual(fixes, []);
      assert.ok(fixes.length > 0, `${rule} offers no fix`);
      for (const fix of fixes) {
        const fixed = (m.parsed.bom ? '\ufeff' : '') + applyEdits(m.parsed, fix.edits);
        assert.equal(python(fixed).readError, null, `${rule} / ${fix.title}:\n${fixed}`);
        const after = diagnosticsOf(fixed, row).filter((d) => d.rule === rule && d.range.start.line === found[0].range.start.line && d.message === found[0].message);
        assert.deepEqual(after, [], `${rule} / ${fix.title} leaves the problem:\n${fixed}`);
        // Applying again changes nothing: the diagnostic, and so its fix, is gone.
        assert.equal(diagnosticsOf(fixed, row).filter((d) => d.rule === rule).length < found.length || found.length === 0, true);
      }
    });
  }
});
