// [server:main] keys for each server `gearbox serve` can start, and the PasteDeploy
// prefix filter. waitress 1.4 and gunicorn 20.1 reject any key they do not know,
// so their lists are complete: every adjustment of waitress 1.4.4 and every setting
// of gunicorn 20.1.0. The gearbox runners ignore unknown keys instead.

import type { KeyInfo, SectionKind, ValueType } from './types';

const WAITRESS = 'https://docs.pylonsproject.org/projects/waitress/en/stable/arguments.html';
const GUNICORN = 'https://docs.gunicorn.org/en/stable/settings.html';
const GEARBOX = 'https://github.com/TurboGears/gearbox';
const PASTEDEPLOY = 'https://pastedeploy.readthedocs.io/en/latest/';
const KALLITHEA_SETUP = 'https://kallithea.readthedocs.io/en/stable/setup.html';

const str: ValueType = { kind: 'string' };
const path: ValueType = { kind: 'path' };
// waitress: t/true/y/yes/on/1 mean true and every other text silently means false.
const wBool: ValueType = { kind: 'bool', parser: 'waitress' };
// gunicorn: only true or false, in any case; anything else stops startup.
const gBool: ValueType = { kind: 'bool', parser: 'gunicorn' };
// gunicorn parses numbers with int(text, 0): 0o22 and 0x10 work, 022 raises.
const gInt = (unit?: 'seconds' | 'bytes' | 'requests' | 'count'): ValueType => ({ kind: 'int', parser: 'int', min: 0, ...(unit ? { unit } : {}) });
const wInt = (unit?: 'seconds' | 'bytes' | 'requests' | 'count'): ValueType => ({ kind: 'int', parser: 'int', ...(unit ? { unit } : {}) });

const THREAD_SAFETY = 'Kallithea and the Mercurial code it embeds are not thread-safe, so each worker must handle one request at a time.';

function w(name: string, type: ValueType, fallback: string, description: string, extra: Partial<KeyInfo> = {}): KeyInfo {
  return { name, sections: ['server:waitress'], type, default: fallback, description, docs: WAITRESS, ...extra };
}

function g(name: string, type: ValueType, fallback: string, description: string, extra: Partial<KeyInfo> = {}): KeyInfo {
  return { name, sections: ['server:gunicorn'], type, default: fallback, description, docs: `${GUNICORN}#${name.replace(/_/g, '-')}`, ...extra };
}

function hook(name: string, when: string): KeyInfo {
  return g(name, str, 'gunicorn\'s no-op hook', `Dotted path (\`package.module.function\`) of a server hook that gunicorn imports and calls ${when}.`);
}

/** Settings the paste runner never consults: it hands gunicorn the already-built Kallithea app. */
function unusedByPaste(name: string, description: string): KeyInfo {
  return g(name, str, 'none', description, { noEffect: 'Under `gearbox serve` gunicorn receives the Kallithea app ready-made, so this setting is never consulted.' });
}

function use(section: SectionKind, values: readonly string[], description: string, docs: string): KeyInfo {
  return { name: 'use', sections: [section], type: { kind: 'entry-point', values }, default: 'none (required)', description, docs, recommended: values[0] };
}

const WAITRESS_KEYS: KeyInfo[] = [
  use('server:waitress', ['egg:waitress#main', 'egg:waitress'], 'Selects waitress, a pure-Python multi-threaded HTTP server, as the server `gearbox serve` starts. Every other key in the section is handed to waitress, which refuses unknown ones.', WAITRESS),
  w('host', str, '0.0.0.0', 'Address waitress listens on. It cannot be combined with `listen`, `unix_socket` or `sockets`.', {
    recommended: '127.0.0.1', recommendedWhy: 'When a reverse proxy on the same machine forwards requests, so clients cannot bypass it.', impact: 'Listening on all interfaces exposes Kallithea without the proxy in front.', impactTags: ['security'],
  }),
  w('port', wInt(), '8080', 'TCP port waitress listens on; the Kallithea template uses 5000.'),
  w('listen', { kind: 'list', separator: 'whitespace' }, '0.0.0.0:8080', 'Space-separated `host:port` addresses to listen on, such as `127.0.0.1:5000 [::1]:5000`; `*` as host means all interfaces. Exclusive with `host` and `port`.'),
  w('ipv4', wBool, 'true', 'Allows IPv4 addresses when names in `host` or `listen` are resolved.'),
  w('ipv6', wBool, 'true', 'Allows IPv6 addresses when names in `host` or `listen` are resolved.'),
  w('threads', wInt('count'), '4', 'Number of worker threads that run requests inside the single waitress process.', {
    impact: `${THREAD_SAFETY} waitress cannot fork, so for more concurrency run several instances behind a balancer.`, impactTags: ['performance', 'scaling'], recommended: '1',
  }),
  w('trusted_proxy', str, 'none', 'Address of the one proxy whose forwarded headers waitress may apply to the request; `*` trusts every peer.', { impact: 'Trusting `*` lets any client set its own address and scheme.', impactTags: ['security'] }),
  w('trusted_proxy_count', wInt('count'), '1 once trusted_proxy is set', 'How many proxies in front of waitress to trust when reading multi-hop forwarded headers. Rejected unless `trusted_proxy` is set.'),
  w('trusted_proxy_headers', { kind: 'list', separator: 'whitespace' }, 'only x-forwarded-proto (with a deprecation warning)', 'Forwarded headers to honour from `trusted_proxy`: any of `x-forwarded-for`, `x-forwarded-host`, `x-forwarded-proto`, `x-forwarded-port`, `x-forwarded-by`, or `forwarded` on its own. Rejected unless `trusted_proxy` is set.', { impactTags: ['security'], impact: 'Decides which client-supplied headers can change the address and scheme Kallithea sees.' }),
  w('log_untrusted_proxy_headers', wBool, 'false', 'Logs forwarded headers that arrive from peers that are not trusted.'),
  w('clear_untrusted_proxy_headers', wBool, 'false (with a deprecation warning)', 'Removes X-Forwarded-* and Forwarded headers that do not come from `trusted_proxy` before the request reaches Kallithea; without `trusted_proxy` it removes all of them.', {
    impact: 'Stops forged forwarded headers, but also hides the header that `remote_addr_variable` or `url_scheme_variable` names unless the proxy is listed in `trusted_proxy`.', impactTags: ['security'],
  }),
  w('url_scheme', { kind: 'enum', values: ['http', 'https'], open: true }, 'http', 'Scheme reported to Kallithea for every request, e.g. `https` behind a TLS-terminating proxy that sends no scheme header.'),
  w('url_prefix', str, 'empty', 'Path prefix reported as SCRIPT_NAME and removed from PATH_INFO, for serving Kallithea under a sub-path.'),
  w('backlog', wInt('count'), '1024', 'Length of the operating system\'s queue of connections waiting to be accepted.'),
  w('recv_bytes', wInt('bytes'), '8192', 'Bytes read from a socket per receive call.'),
  w('send_bytes', wInt('bytes'), '1', 'Old buffering knob for outgoing data. waitress 1.4 still accepts it but logs a deprecation warning, as later versions drop it.'),
  w('outbuf_overflow', wInt('bytes'), '1048576', 'Response data above this size is buffered in a temporary file instead of memory.'),
  w('outbuf_high_watermark', wInt('bytes'), '16777216', 'Amount of pending response data at which waitress pauses the application until the client catches up.'),
  w('inbuf_overflow', wInt('bytes'), '524288', 'Request bodies above this size are buffered in a temporary file instead of memory.'),
  w('connection_limit', wInt('count'), '100', 'Maximum number of open client connections; further ones wait in the backlog.', { impactTags: ['scaling'], impact: 'Long clones keep connections open; each uses file descriptors.' }),
  w('cleanup_interval', wInt('seconds'), '30', 'Minimum time between sweeps that close idle connections.'),
  w('channel_timeout', wInt('seconds'), '120', 'Idle time after which a connection with no activity is closed.', { impactTags: ['performance'], impact: 'Too low a value can cut off slow clients during long pushes.' }),
  w('log_socket_errors', wBool, 'true', 'Logs socket errors such as clients disconnecting early.'),
  w('max_request_header_size', wInt('bytes'), '262144', 'Largest allowed total size of request headers.', { impact: 'Mercurial discovery sends very large headers; keep the default or raise it.', impactTags: ['performance'] }),
  w('max_request_body_size', wInt('bytes'), '1073741824', 'Largest allowed request body; bigger uploads are rejected.', {
    impact: 'Pushes larger than the limit fail. The Kallithea template raises it to 100 GiB so big pushes get through.', impactTags: ['performance'], recommended: '107374182400',
  }),
  w('expose_tracebacks', wBool, 'false', 'Sends Python tracebacks of unhandled errors to the client.', { impact: 'Reveals code and data to visitors.', impactTags: ['security'], recommended: 'false' }),
  w('ident', str, 'waitress', 'Server name sent in the Server response header; empty sends none.'),
  w('asyncore_loop_timeout', wInt('seconds'), '1', 'Timeout of each pass of waitress\'s event loop.'),
  w('asyncore_use_poll', wBool, 'false', 'Uses poll() instead of select(), which lifts the file-descriptor limit of select on busy servers.', { impactTags: ['scaling'], impact: 'Needed when many connections are open at once.' }),
  w('unix_socket', path, 'none', 'Path of a Unix socket to listen on instead of TCP; cannot be combined with `host`, `port` or `listen`.'),
  w('unix_socket_perms', str, '600', 'Octal permissions of `unix_socket`, e.g. `660` so the proxy\'s group can connect.'),
  w('sockets', str, 'none', 'Pre-opened sockets, an option for programs that call waitress directly. A text value from the .ini yields no sockets, and waitress refuses it next to `host` or `port`.'),
];

const GUNICORN_KEYS: KeyInfo[] = [
  use('server:gunicorn', ['egg:gunicorn#main', 'egg:gunicorn'], 'Selects gunicorn, a pre-forking server for Unix. The paste runner turns `host` and `port` into `bind` and passes every other key to gunicorn, which stops on names it does not know.', GUNICORN),
  g('host', str, 'none: gunicorn binds 127.0.0.1:8000', 'Listen address. With `port` it becomes `bind = host:port`; alone it may list several comma-separated `address:port` entries.', { docs: `${GUNICORN}#bind` }),
  g('port', gInt(), 'none', 'Listen port, used only together with `host`; a port without a host is silently dropped.', { docs: `${GUNICORN}#bind` }),
  g('config', path, './gunicorn.conf.py when it exists', 'Python config file that the paste runner loads first; keys in this section then override it. The only way to set dictionary settings such as `secure_scheme_headers`.'),
  unusedByPaste('wsgi_app', 'Module path of the WSGI app for the gunicorn command line.'),
  g('bind', str, '127.0.0.1:8000', 'Address to listen on: `HOST:PORT`, `unix:PATH` or `fd://N`. When `host` and `port` are both set, the runner builds this from them and the line is overwritten.'),
  g('backlog', gInt('count'), '2048', 'Maximum number of connections waiting to be accepted.'),
  g('workers', gInt('count'), '1 (or $WEB_CONCURRENCY)', 'Number of worker processes; each handles requests on its own.', {
    impact: `${THREAD_SAFETY} Processes are therefore the way to serve users in parallel; each one holds its own caches and database connections.`,
    impactTags: ['performance', 'scaling'], recommended: '4',
    recommendedWhy: 'The Kallithea template\'s value; raise it for more parallel users as long as memory and database connections allow.',
  }),
  g('worker_class', { kind: 'enum', values: ['sync', 'gthread', 'eventlet', 'gevent', 'tornado'], open: true }, 'sync', 'Kind of worker: `sync` handles one request per process; the others run several requests concurrently with threads or green threads.', {
    impact: `${THREAD_SAFETY} Only \`sync\` guarantees that.`, impactTags: ['performance', 'scaling'], recommended: 'sync',
  }),
  g('threads', gInt('count'), '1', 'Threads per worker process. Above 1 the `sync` class is silently replaced by `gthread`.', { impact: THREAD_SAFETY, impactTags: ['performance'], recommended: '1' }),
  g('worker_connections', gInt('count'), '1000', 'Maximum simultaneous clients per worker for the eventlet and gevent classes; ignored by `sync`.'),
  g('max_requests', gInt('requests'), '0 (never)', 'Restarts a worker after it has served this many requests.', {
    impact: 'Releases memory that Kallithea\'s caches and repository objects build up in long-lived processes.', impactTags: ['performance'], recommended: '1000',
  }),
  g('max_requests_jitter', gInt('requests'), '0', 'Adds a random 0..N to `max_requests` per worker so they do not all restart at the same moment.', { impactTags: ['performance'], impact: 'Avoids a burst of simultaneous restarts.' }),
  g('timeout', gInt('seconds'), '30', 'A worker that stays silent for this long is killed and replaced.', {
    impact: 'Large clones and pushes take minutes; a short timeout kills them halfway.', impactTags: ['performance'], recommended: '3600',
  }),
  g('graceful_timeout', gInt('seconds'), '30', 'Time workers get to finish running requests after a restart signal before they are killed.', { impactTags: ['performance'], impact: 'Short values abort long clones during reloads.' }),
  g('keepalive', gInt('seconds'), '2', 'How long to wait for another request on a kept-alive connection.'),
  g('limit_request_line', gInt('bytes'), '4094', 'Largest allowed HTTP request line (method, path and query); 0 removes the limit, and 8190 is the maximum.', { impactTags: ['security'], impact: 'Limits memory used by hostile requests; very long URLs are refused with 414.' }),
  g('limit_request_fields', gInt('count'), '100', 'Largest number of header fields in a request (at most 32768).', { impact: 'Mercurial spreads large discovery requests over many X-HgArg-N headers; raise it if big Mercurial clones fail with 400.', impactTags: ['performance'] }),
  g('limit_request_field_size', gInt('bytes'), '8190', 'Largest allowed size of one request header; 0 removes the limit.'),
  g('reload', gBool, 'false', 'Restarts workers when code changes; for development only.', { recommended: 'false' }),
  g('reload_engine', { kind: 'enum', values: ['auto', 'poll', 'inotify'], otherwise: 'fails' }, 'auto', 'How `reload` watches files.'),
  g('reload_extra_files', path, 'none', 'Extra file that `reload` watches; the .ini can name only one.'),
  g('spew', gBool, 'false', 'Prints every executed line of Python; an extreme debugging aid that slows everything down.', { impactTags: ['performance'], impact: 'Makes the server unusably slow.', recommended: 'false' }),
  g('check_config', gBool, 'false', 'Loads the configuration and the app, then exits instead of serving.'),
  g('print_config', gBool, 'false', 'Prints the final configuration, then exits instead of serving.'),
  g('preload_app', gBool, 'false', 'Loads the app in the master before forking. Under `gearbox serve` the app is already built before gunicorn starts, so workers always share it.'),
  g('sendfile', gBool, 'enabled unless the SENDFILE environment disables it', 'Lets gunicorn use sendfile() for file responses; set false to turn it off.'),
  g('reuse_port', gBool, 'false', 'Sets SO_REUSEPORT on the listening socket.'),
  g('chdir', path, 'the current directory', 'Folder gunicorn changes to before loading the app.'),
  g('daemon', gBool, 'false', 'Detaches gunicorn from the terminal. Service managers such as systemd expect it to stay false.'),
  g('raw_env', str, 'none', 'One `NAME=value` environment variable for the workers; from the .ini only one can be given.'),
  g('pidfile', path, 'none', 'File where the master writes its process id.'),
  g('worker_tmp_dir', path, 'the system temporary folder', 'Folder for the heartbeat files workers touch; a memory-backed folder such as /dev/shm avoids stalls on slow disks.', { impactTags: ['performance'], impact: 'Disk stalls here can make the master kill healthy workers.' }),
  g('user', str, 'the current user', 'User name or id the workers switch to.', { impactTags: ['security'], impact: 'Run Kallithea as an unprivileged account.' }),
  g('group', str, 'the current group', 'Group name or id the workers switch to.'),
  // Typed as text: gunicorn's int(text, 0) takes 0o22, which a plain decimal check would reject.
  g('umask', str, '0', 'File mode mask of the gunicorn processes, read as a Python integer literal: write `0o22` or `18`, since `022` is rejected.'),
  g('initgroups', gBool, 'false', 'Also gives the workers the supplementary groups of `user`.'),
  g('tmp_upload_dir', path, 'none', 'Folder for temporary request data.'),
  g('secure_scheme_headers', str, 'X-FORWARDED-PROTOCOL=ssl, X-FORWARDED-PROTO=https, X-FORWARDED-SSL=on', 'Headers and values by which a trusted proxy marks HTTPS requests. gunicorn only accepts a dictionary here, so set it in the file named by `config`.', {
    impact: 'A text value from the .ini stops gunicorn at startup.', impactTags: ['startup', 'security'],
  }),
  g('forwarded_allow_ips', { kind: 'list', separator: 'comma' }, '127.0.0.1 (or $FORWARDED_ALLOW_IPS)', 'Comma-separated proxy addresses allowed to mark requests as HTTPS with `secure_scheme_headers`; `*` trusts every peer.', { impactTags: ['security'], impact: 'With `*` any client can claim to be on HTTPS.' }),
  g('accesslog', path, 'none: no access log', 'File for the access log; `-` writes to standard output.'),
  g('disable_redirect_access_to_syslog', gBool, 'false', 'Keeps access log lines out of syslog when `syslog` is on.'),
  g('access_log_format', str, 'the combined log format', 'Format of access log lines using gunicorn\'s `%(h)s`-style atoms. PasteDeploy interpolates this section, so every `%` must be written `%%`.', { impact: 'A single `%(h)s` stops loading with an interpolation error.', impactTags: ['startup'] }),
  g('errorlog', path, '-', 'File for gunicorn\'s error log; `-` means standard error.'),
  g('loglevel', { kind: 'enum', values: ['debug', 'info', 'warning', 'error', 'critical'], caseInsensitive: true, otherwise: 'ignored' }, 'info', 'Minimum level of gunicorn\'s error log.'),
  g('capture_output', gBool, 'false', 'Sends the workers\' standard output and error into `errorlog`.'),
  g('logger_class', str, 'gunicorn.glogging.Logger', 'Dotted path of the logger class gunicorn uses.'),
  g('logconfig', path, 'this .ini when it has a [loggers] section', 'File for Python\'s logging.config.fileConfig. The paste runner fills it in with this config file when it contains logging sections.'),
  g('logconfig_dict', str, 'none', 'Logging configuration as a dictionary; like `secure_scheme_headers` it cannot be given as text.', { impact: 'A value from the .ini stops gunicorn at startup.', impactTags: ['startup'] }),
  g('syslog_addr', str, 'the platform\'s local syslog', 'Where syslog messages go: `unix://PATH`, `udp://HOST:PORT` or `tcp://HOST:PORT`.'),
  g('syslog', gBool, 'false', 'Sends gunicorn\'s logs to syslog.'),
  g('syslog_prefix', str, 'none', 'Program name used in syslog entries.'),
  g('syslog_facility', str, 'user', 'Syslog facility name.'),
  g('enable_stdio_inheritance', gBool, 'false', 'Keeps standard output and error open in daemon mode.'),
  g('statsd_host', { kind: 'host-port' }, 'none', 'StatsD server (`host:port`) that receives gunicorn metrics.'),
  g('dogstatsd_tags', str, 'empty', 'Comma-separated DogStatsD tags added to every metric.'),
  g('statsd_prefix', str, 'empty', 'Prefix of the StatsD metric names.'),
  g('proc_name', str, 'the .ini path', 'Title of the gunicorn processes in ps and top; the template uses `kallithea`.'),
  g('default_proc_name', str, 'the .ini path (set by the paste runner)', 'Fallback process title; set `proc_name` instead.'),
  g('pythonpath', str, 'none', 'Comma-separated folders added to the Python import path. Under gearbox the app is already imported, so it only affects later imports such as worker classes.'),
  unusedByPaste('paste', 'Path of a PasteDeploy file for the gunicorn command line (`gunicorn --paste`).'),
  hook('on_starting', 'just before the master initialises'),
  hook('on_reload', 'when the master reloads its workers'),
  hook('when_ready', 'once the server is ready to accept requests'),
  hook('pre_fork', 'before each worker is forked'),
  hook('post_fork', 'in each worker right after it is forked'),
  hook('post_worker_init', 'after a worker has loaded the app'),
  hook('worker_int', 'when a worker receives SIGINT or SIGQUIT'),
  hook('worker_abort', 'when a worker is aborted, usually on timeout'),
  hook('pre_exec', 'before a new master process is executed'),
  hook('pre_request', 'before each request is handled'),
  hook('post_request', 'after each request has been handled'),
  hook('child_exit', 'in the master after a worker has exited'),
  hook('worker_exit', 'in a worker as it exits'),
  hook('nworkers_changed', 'when the number of workers changes'),
  hook('on_exit', 'just before gunicorn exits'),
  g('proxy_protocol', gBool, 'false', 'Accepts the PROXY protocol header from load balancers such as HAProxy.'),
  g('proxy_allow_ips', { kind: 'list', separator: 'comma' }, '127.0.0.1', 'Comma-separated addresses allowed to send PROXY protocol headers; `*` trusts every peer.', { impactTags: ['security'], impact: 'Trusted peers can set any client address.' }),
  g('keyfile', path, 'none', 'TLS private key, for gunicorn terminating HTTPS itself.', { impactTags: ['security'], impact: 'Keep the key readable only by the service account.' }),
  g('certfile', path, 'none', 'TLS certificate, for gunicorn terminating HTTPS itself.'),
  g('ssl_version', str, 'TLS (negotiated)', 'TLS protocol name from Python\'s ssl module, such as `TLS` or `TLSv1_2`.'),
  g('cert_reqs', gInt(), '0 (no client certificate)', 'Whether a client certificate is required: 0 none, 1 optional, 2 required.'),
  g('ca_certs', path, 'none', 'CA certificates used to check client certificates.'),
  g('suppress_ragged_eofs', gBool, 'true', 'Treats a TLS connection closed without notice like a normal end of file.'),
  g('do_handshake_on_connect', gBool, 'false', 'Performs the TLS handshake right after accepting instead of on the first read.'),
  g('ciphers', str, 'Python\'s default', 'OpenSSL cipher list for TLS connections.'),
  unusedByPaste('raw_paste_global_conf', 'Extra PasteDeploy global values for `gunicorn --paste`.'),
  g('strip_header_spaces', gBool, 'false', 'Accepts header names with spaces before the colon by stripping them.', { impact: 'Tolerating malformed headers opens the door to request smuggling.', impactTags: ['security'], recommended: 'false' }),
];

const WSGIREF_KEYS: KeyInfo[] = [
  use('server:wsgiref', ['egg:gearbox#wsgiref'], 'Selects gearbox\'s wrapper around Python\'s wsgiref server: one process, single-threaded unless `wsgiref.threaded` is on. Meant for development: it cannot read chunked uploads, which Git pushes use.', GEARBOX),
  { name: 'host', sections: ['server:wsgiref'], type: str, default: '0.0.0.0', description: 'Address the development server listens on.', docs: GEARBOX },
  { name: 'port', sections: ['server:wsgiref'], type: { kind: 'int', parser: 'int' }, default: '8080, or 4443 with a certificate', description: 'TCP port the development server listens on.', docs: GEARBOX },
  {
    name: 'wsgiref.threaded', sections: ['server:wsgiref'], type: { kind: 'bool', parser: 'paste' }, default: 'false',
    description: 'Starts a new thread for every request, with no upper bound.', impact: THREAD_SAFETY, impactTags: ['performance'], recommended: 'false', docs: GEARBOX,
  },
  { name: 'wsgiref.certfile', sections: ['server:wsgiref'], type: path, default: 'none', description: 'Certificate for serving HTTPS directly; used only together with `wsgiref.keyfile`.', docs: GEARBOX },
  { name: 'wsgiref.keyfile', sections: ['server:wsgiref'], type: path, default: 'none', description: 'Private key for serving HTTPS directly; used only together with `wsgiref.certfile`.', docs: GEARBOX },
  {
    name: 'threadpool_workers', sections: ['server:wsgiref'], type: { kind: 'int' },
    description: 'Thread-pool size of the old Paste HTTP server, still written by the gearbox template.', noEffect: 'gearbox\'s wsgiref runner never reads it, and waitress or gunicorn would refuse to start with it.', docs: GEARBOX,
  },
  {
    name: 'threadpool_max_requests', sections: ['server:wsgiref'], type: { kind: 'int' },
    description: 'Per-thread request limit of the old Paste HTTP server, still written by the gearbox template.', noEffect: 'gearbox\'s wsgiref runner never reads it; remove it before switching to waitress or gunicorn.', docs: GEARBOX,
  },
  {
    name: 'use_threadpool', sections: ['server:wsgiref'], type: str,
    description: 'Thread-pool switch of the old Paste HTTP server, still written by the gearbox template.', noEffect: 'gearbox\'s wsgiref runner never reads it; remove it before switching to waitress or gunicorn.', docs: GEARBOX,
  },
];

const GEVENT_KEYS: KeyInfo[] = [
  use('server:gevent', ['egg:gearbox#gevent'], 'Selects gearbox\'s gevent server: one process that monkey-patches the standard library and serves every connection as a green thread. There is no setting for the number of workers.', GEARBOX),
  { name: 'host', sections: ['server:gevent'], type: str, default: '0.0.0.0', description: 'Address the gevent server listens on.', docs: GEARBOX },
  { name: 'port', sections: ['server:gevent'], type: { kind: 'int', parser: 'int' }, default: '8080', description: 'TCP port the gevent server listens on.', docs: GEARBOX },
];

const PREFIX_KEYS: KeyInfo[] = [
  use('filter:prefix', ['egg:PasteDeploy#prefix'], 'Selects PasteDeploy\'s prefix middleware, which lets Kallithea run under a URL sub-path behind a proxy. Activate it with `filter-with` in [app:main].', KALLITHEA_SETUP),
  {
    name: 'prefix', sections: ['filter:prefix'], type: str, default: '/',
    description: 'URL path Kallithea is served under, such as `/kallithea`; it is moved from PATH_INFO to SCRIPT_NAME. The value is used as a regular expression, so avoid special characters.', docs: PASTEDEPLOY,
  },
  {
    name: 'translate_forwarded_server', sections: ['filter:prefix'], type: { kind: 'bool', parser: 'paste' }, default: 'true',
    description: 'When true, the filter copies X-Forwarded-Server/-Host into the host, the left-most X-Forwarded-For entry into the client address and X-Forwarded-Scheme/-Proto into the scheme, from any client.',
    impact: 'Clients can forge their IP address, host and scheme, which defeats IP restrictions and the audit log. Let `remote_addr_variable` and `url_scheme_variable` handle proxies instead.',
    impactTags: ['security'], recommended: 'false', docs: KALLITHEA_SETUP,
  },
  { name: 'force_port', sections: ['filter:prefix'], type: str, default: 'none', description: 'Rewrites SERVER_PORT and the port in the host to this value; empty means the default port of the scheme.', docs: PASTEDEPLOY },
  { name: 'scheme', sections: ['filter:prefix'], type: { kind: 'enum', values: ['http', 'https'], open: true }, default: 'none', description: 'Forces the URL scheme Kallithea sees, e.g. `https` behind a TLS proxy.', docs: PASTEDEPLOY },
];

const OTHER_SERVER_KEYS: KeyInfo[] = [
  {
    name: 'use', sections: ['server'], type: { kind: 'entry-point', values: ['egg:waitress#main', 'egg:gunicorn#main', 'egg:gearbox#wsgiref', 'egg:gearbox#gevent'] }, default: 'none (required)',
    description: 'Server factory that `gearbox serve` starts. Kallithea\'s generator writes waitress, gunicorn, gearbox#wsgiref or gearbox#gevent; other servers are not checked.', docs: KALLITHEA_SETUP,
  },
  {
    name: 'use', sections: ['filter'], type: { kind: 'entry-point', values: ['egg:PasteDeploy#prefix'] }, default: 'none (required)',
    description: 'Middleware factory of this filter. Kallithea documents only `egg:PasteDeploy#prefix`; other filters are not checked.', docs: PASTEDEPLOY,
  },
];

export const SERVER_KEYS: readonly KeyInfo[] = [
  ...WAITRESS_KEYS,
  ...GUNICORN_KEYS,
  ...WSGIREF_KEYS,
  ...GEVENT_KEYS,
  ...PREFIX_KEYS,
  ...OTHER_SERVER_KEYS,
];
