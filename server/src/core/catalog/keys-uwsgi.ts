// [uwsgi] options that Kallithea admins use. uWSGI reads this section with its own C
// parser: values keep any inline "; comment" text, numbers are read up to the first
// non-digit, and a flag is true unless its whole value is false/off/no/0. Python's
// strict parser reads the same file for [app:main], so repeating an option fails there.

import type { KeyInfo, ValueType } from './types';

const OPTIONS = 'https://uwsgi-docs.readthedocs.io/en/latest/Options.html';

const flag: ValueType = { kind: 'bool', parser: 'uwsgi' };
const num = (unit?: 'seconds' | 'bytes' | 'requests' | 'count'): ValueType => ({ kind: 'int', parser: 'atoi', ...(unit ? { unit } : {}) });
const str: ValueType = { kind: 'string' };
const path: ValueType = { kind: 'path' };

const THREAD_SAFETY = 'Kallithea and the Mercurial code it embeds are not thread-safe, so each worker must handle one request at a time.';

function u(name: string, type: ValueType, fallback: string, description: string, extra: Partial<KeyInfo> = {}): KeyInfo {
  return { name, sections: ['uwsgi'], type, default: fallback, description, docs: `${OPTIONS}#${name}`, ...extra };
}

export const UWSGI_KEYS: readonly KeyInfo[] = [
  // Listening
  u('http-socket', str, 'none', 'Address (`host:port` or a Unix socket path) where the workers speak HTTP themselves, suited to a reverse proxy in front. The template sets it from the chosen host and port.'),
  u('socket', str, 'none', 'Address where the workers speak the binary uwsgi protocol, for nginx\'s uwsgi_pass or Apache\'s mod_proxy_uwsgi. Use `%d` for the folder of this file.'),
  u('http', str, 'none', 'Starts uWSGI\'s separate HTTP router process on this address, forwarding to the workers; useful without a front-end web server.'),
  u('https', str, 'none', 'Like `http` but with TLS: `address,certificate,key`.', { impactTags: ['security'], impact: 'Keep the key file readable only by the service account.' }),
  u('listen', num('count'), '100', 'Length of the socket\'s queue of connections waiting for a free worker; the kernel limit (somaxconn) must be at least as large.', { impactTags: ['scaling'], impact: 'A short queue drops connections during bursts.' }),
  u('socket-timeout', num('seconds'), '4', 'Timeout for reads and writes on the worker sockets.'),
  u('http-timeout', num('seconds'), '60', 'Timeout of the `http` router when talking to workers and clients.', { impactTags: ['performance'], impact: 'Long clones through the router need a larger value.' }),
  u('chmod-socket', str, '666 when given without a value', 'Permissions of a Unix socket as exactly three octal digits, e.g. `660` so only the web server\'s group can connect; any other text (an inline comment included) makes uWSGI exit.', { impactTags: ['security'], impact: 'The default 666 lets every local user talk to Kallithea directly.' }),
  u('chown-socket', str, 'none', 'Owner of a Unix socket as `user` or `user:group`.'),
  u('buffer-size', num('bytes'), '4096', 'Largest request header block uWSGI accepts; values above 65535 are cut to 65535.', {
    impact: 'Mercurial sends very large headers during discovery; with the default, such requests fail.', impactTags: ['performance'], recommended: '65535',
  }),
  u('post-buffering', num('bytes'), '0 (off)', 'Request bodies larger than this are buffered to disk before the app sees them.'),
  u('limit-post', num('bytes'), '0 (no limit)', 'Largest allowed request body.', { impactTags: ['performance'], impact: 'A low value rejects large pushes.' }),
  u('offload-threads', num('count'), '0', 'Threads per worker that take over sending static files and proxied data so workers are freed sooner.'),
  u('static-map', str, 'none', 'Serves a folder at a URL, as `/mountpoint=/path`, e.g. Kallithea\'s public files when no front-end web server does it.', { impactTags: ['performance'], impact: 'Static files then no longer occupy Python workers.' }),
  // Processes and threads
  u('master', flag, 'false', 'Runs a master process that supervises and respawns the workers. Needed for cheaper mode, `touch-reload`, log rotation and the stats server.', { recommended: 'true' }),
  u('workers', num('count'), '1', 'Number of worker processes (same as `processes`).', {
    impact: `${THREAD_SAFETY} Worker processes are therefore the way to serve users in parallel.`, impactTags: ['performance', 'scaling'], recommended: '4',
    recommendedWhy: 'The Kallithea template\'s value; raise it for more parallel users while memory and database connections allow.',
  }),
  u('processes', num('count'), '1', 'Number of worker processes; another name for `workers`.', { impact: THREAD_SAFETY, impactTags: ['performance', 'scaling'] }),
  u('threads', num('count'), '1', 'Threads per worker process.', { impact: THREAD_SAFETY, impactTags: ['performance'], recommended: '1', recommendedWhy: 'Or leave it unset.' }),
  u('enable-threads', flag, 'false before uWSGI 2.0.28, true from 2.0.28', 'Lets the Python code start its own background threads; it does not make workers multi-threaded.', { recommended: 'true' }),
  u('thunder-lock', flag, 'false', 'Serialises accept() between workers to avoid waking them all for each connection.', { impactTags: ['performance'], impact: 'Helps with many workers on one socket.' }),
  u('lazy', flag, 'false', 'Loads the app in each worker instead of once in the master before forking, and makes reloads restart workers fully.', {
    impact: 'Without it every worker inherits the database connections the master opened while loading Kallithea, and they get mixed up.', impactTags: ['scaling', 'startup'], recommended: 'true',
  }),
  u('lazy-apps', flag, 'false', 'Loads the app in each worker instead of in the master, while reloads stay graceful; an alternative to `lazy`.', {
    impact: 'One of `lazy` and `lazy-apps` must be on so workers do not share the database connections opened during loading.', impactTags: ['scaling'], recommended: 'true',
  }),
  u('cheaper', num('count'), '0 (off)', 'Minimum number of workers kept running in adaptive mode; uWSGI starts more, up to `workers`, under load. It must be lower than `workers`, or uWSGI exits.', { impactTags: ['scaling', 'startup'], impact: 'Saves memory on quiet servers.' }),
  u('cheaper-initial', num('count'), 'the value of cheaper', 'Number of workers started at boot in adaptive mode.'),
  u('cheaper-step', num('count'), '1', 'How many workers adaptive mode adds at a time when all are busy.'),
  u('cheaper-algo', { kind: 'enum', values: ['spare', 'backlog', 'busyness'], open: true }, 'spare', 'Algorithm that decides when adaptive mode adds or removes workers; `busyness` needs its plugin.'),
  u('procname-prefix', str, 'none', 'Text put before the process names shown by ps.'),
  u('procname-prefix-spaced', str, 'none', 'Like `procname-prefix`, with a space after the text.'),
  u('auto-procname', flag, 'false', 'Gives processes descriptive names such as "uWSGI worker 1".'),
  // Recycling and timeouts
  u('max-requests', num('requests'), '0 (never)', 'Restarts a worker after it has served this many requests.', {
    impact: 'Returns memory that Kallithea\'s caches and repository objects build up in long-lived workers.', impactTags: ['performance'], recommended: '1000',
  }),
  u('max-requests-delta', num('requests'), '0', 'Adds worker number times this value to `max-requests`, so workers restart at different moments. Only uWSGI 2.0.29 and later know it; with `strict` older versions refuse to start.'),
  u('max-worker-lifetime', num('seconds'), '0 (never)', 'Restarts a worker after it has run this long.', { impactTags: ['performance'], impact: 'Bounds memory growth independently of traffic.' }),
  u('min-worker-lifetime', num('seconds'), '10', 'A worker must run at least this long before lifetime or memory rules may restart it.'),
  u('reload-on-rss', num(), '0 (off)', 'Restarts a worker after a request once its resident memory exceeds this many megabytes.', { impactTags: ['performance'], impact: 'Caps memory of workers that grew on large repositories.' }),
  u('evil-reload-on-rss', num(), '0 (off)', 'Lets the master kill a worker whose resident memory exceeds this many megabytes, even in the middle of a request.', { impactTags: ['performance'], impact: 'Can interrupt running clones and pushes.' }),
  u('reload-on-as', num(), '0 (off)', 'Restarts a worker after a request once its address space exceeds this many megabytes.'),
  u('harakiri', num('seconds'), '0 (off)', 'Kills a worker whose current request has run longer than this.', { impactTags: ['performance'], impact: 'Large clones and pushes take minutes; a short limit kills them halfway.' }),
  u('harakiri-verbose', flag, 'false', 'Logs extra details when harakiri kills a worker.'),
  u('reload-on-exception', flag, 'false', 'Replaces a worker after an unhandled exception instead of trusting its state.', { recommended: 'true' }),
  u('worker-reload-mercy', num('seconds'), '60', 'How long a worker may take to finish when it is reloaded or shut down before it is killed.'),
  u('touch-reload', path, 'none', 'Reloads uWSGI gracefully when this file\'s modification time changes.'),
  u('py-autoreload', num('seconds'), '0 (off)', 'Checks every N seconds whether any Python module changed and reloads if so; for development only.', { impactTags: ['performance'], impact: 'Scanning all modules costs CPU in production.' }),
  // Behaviour
  u('strict', flag, 'false', 'Makes unknown options fatal, which catches typos at startup.', { recommended: 'true' }),
  u('vacuum', flag, 'false', 'Removes Unix sockets and pid files on shutdown.', { recommended: 'true' }),
  u('single-interpreter', flag, 'false', 'Uses one Python interpreter per worker instead of one per app.', { recommended: 'true' }),
  u('die-on-term', flag, 'false', 'Makes SIGTERM shut uWSGI down instead of reloading it, as service managers expect.', { recommended: 'true' }),
  u('need-app', flag, 'false', 'Exits at startup when the app cannot be loaded instead of serving errors.', { impactTags: ['startup'], impact: 'Failures show up at startup rather than on the first request.', recommended: 'true' }),
  u('manage-script-name', flag, 'false', 'Moves the `mount` prefix from PATH_INFO to SCRIPT_NAME, for Kallithea under a sub-path.'),
  u('mount', str, 'none', 'Loads an app under a URL prefix, as `/prefix=config:/path/to/my.ini`; combine with `manage-script-name`.'),
  // Python and app loading
  u('venv', path, 'none', 'Virtualenv whose Python packages uWSGI uses; the same as `virtualenv`, `home` and `pyhome`.'),
  u('virtualenv', path, 'none', 'Virtualenv for the embedded Python; the same as `venv`.'),
  u('home', path, 'none', 'Virtualenv or Python home for the embedded Python; the same as `venv`.'),
  u('pyhome', path, 'none', 'Virtualenv or Python home for the embedded Python; the same as `venv`.'),
  u('chdir', path, 'the current directory', 'Folder uWSGI changes to before loading the app.'),
  u('plugins', str, 'none', 'Comma-separated plugins to load, such as `python3` when uWSGI was built modularly.'),
  u('plugin', str, 'none', 'Plugins to load; the same as `plugins`.'),
  u('ini-paste', path, 'none', 'PasteDeploy config file to load: its [uwsgi] section configures uWSGI and its [app:main] the app. Normally given on the command line.'),
  u('ini-paste-logged', path, 'none', 'Like `ini-paste`, and also sets up Python logging from the file. uWSGI 2.0.19+ passes no `here` to logging, so `%(here)s` in handler args fails.'),
  u('paste', str, 'none', 'PasteDeploy app to load, as `config:/path/to/my.ini`.'),
  u('paste-logger', flag, 'false', 'Sets up Python logging from the file given with `paste`.'),
  // Process identity
  u('uid', str, 'the starting user', 'User name or id uWSGI switches to after binding its sockets.', { impactTags: ['security'], impact: 'Run Kallithea as an unprivileged account.' }),
  u('gid', str, 'the starting group', 'Group name or id uWSGI switches to after binding its sockets.'),
  u('umask', str, 'inherited', 'File mode mask of the uWSGI processes.'),
  u('env', str, 'none', 'Sets one environment variable, as `NAME=value` (e.g. `LANG=C.UTF-8`). uWSGI allows it repeatedly, but Python\'s parser refuses repeated keys in this file.'),
  u('pidfile', path, 'none', 'File where the master writes its process id.'),
  u('daemonize', path, 'none', 'Detaches uWSGI and writes its log to this file. Service managers such as systemd expect it unset.'),
  // Logging and monitoring
  u('logto', path, 'standard error', 'File (or UDP address) for uWSGI\'s log.'),
  u('log-maxsize', num('bytes'), '0 (no rotation)', 'Rotates the log file once it exceeds this size; needs `master`.'),
  u('log-reopen', flag, 'false', 'Reopens the log file on reload, for external log rotation.'),
  u('disable-logging', flag, 'false', 'Turns off the per-request log lines; errors are still logged.'),
  u('memory-report', flag, 'false', 'Adds memory usage to the request log lines.'),
  u('stats', str, 'none', 'Address of the stats server that reports worker state as JSON.', { impactTags: ['security'], impact: 'Bind it to localhost or a Unix socket; it reveals internals.' }),
  u('hook-accepting1-once', str, 'none', 'Action run once when the first worker starts accepting requests, e.g. `writefile:/run/kallithea.ready` for readiness checks.'),
];
