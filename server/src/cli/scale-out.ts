// kallithea-ini-lint scale-out: the editor's Scale Out command from a terminal. It
// writes one config per host (per port, for waitress), the web server in front, and
// the project file, and never overwrites a file unless --force.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { APP_SERVERS, FRONT_SERVERS, splitHosts, suggestOptions, type AppServer, type FrontServer, type ScaleOutOptions } from '../core/scale-out/options';
import { ConfigModel } from '../core/model/model';
import { readConfig } from '../host/config-files';
import { prepareScaleOut } from '../host/scale-out';
import type { CliIo } from './cli';

export const SCALE_OUT_USAGE = `Usage: kallithea-ini-lint scale-out --hosts HOST[,HOST...] --workers N
         --server gunicorn|uwsgi|waitress|mod_wsgi --database-url URL
         --shared-dir DIR --out DIR [options] FILE

Writes, from one Kallithea config FILE, the config of every instance of a site
that runs on several hosts: DIR/HOST/kallithea.ini for each host (waitress: one
more file per extra port), the web server in front (DIR/nginx-kallithea.conf or
DIR/apache-kallithea.conf; mod_wsgi adds each host's Apache lines and WSGI
script), and the project file that groups them. Every line of FILE is kept.

  --hosts LIST      host names the web server in front reaches, comma-separated
  --workers N       worker processes per host (waitress: instances per host)
  --server NAME     gunicorn, uwsgi, waitress, or mod_wsgi (processes set in Apache)
  --database-url URL  PostgreSQL or MySQL/MariaDB every host reaches
  --shared-dir DIR  data directory on storage every host mounts at the same place
  --out DIR         where the files go
  --broker-url URL  the Celery broker every host reaches (needed with use_celery)
  --public-url URL  the address users open, e.g. https://code.example.org/kallithea
  --port N          the port each instance listens on (default: FILE's, or 5000)
  --front NAME      nginx (default) or apache
  --static-path DIR kallithea/public on the web server in front
  --database-max-connections N
                    the database server's max_connections (default: PostgreSQL
                    100, MySQL 151); pools are sized to stay within it
  --force           overwrite files that exist
`;

const REQUIRED = ['--hosts', '--workers', '--server', '--database-url', '--shared-dir', '--out'];

class ScaleOutUsage extends Error {}

function parse(argv: string[]): { values: Map<string, string>; force: boolean; files: string[] } {
  const values = new Map<string, string>();
  const files: string[] = [];
  let force = false;
  const known = [...REQUIRED, '--broker-url', '--public-url', '--port', '--front', '--static-path', '--database-max-connections'];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--force') force = true;
    else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(0, eq) : arg;
      if (!known.includes(name)) throw new ScaleOutUsage(`unknown option ${name}`);
      if (eq < 0 && i + 1 >= argv.length) throw new ScaleOutUsage(`${name} needs a value`);
      values.set(name, eq > 0 ? arg.slice(eq + 1) : argv[++i]);
    } else files.push(arg);
  }
  const missing = REQUIRED.filter((o) => !values.has(o));
  if (missing.length) throw new ScaleOutUsage(`missing ${missing.join(', ')}`);
  if (files.length !== 1) throw new ScaleOutUsage(files.length ? 'give one config FILE' : 'no config FILE given');
  return { values, force, files };
}

const number = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : NaN);

export function runScaleOut(argv: string[], io: CliIo): number {
  if (argv.includes('-h') || argv.includes('--help')) return io.stdout(SCALE_OUT_USAGE), 0;
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (err) {
    if (!(err instanceof ScaleOutUsage)) throw err;
    io.stderr(`kallithea-ini-lint scale-out: ${err.message}\n\n${SCALE_OUT_USAGE}`);
    return 2;
  }
  const { values, force } = args;
  const file = args.files[0];
  const read = readConfig(file);
  if (!read) return io.stderr(`kallithea-ini-lint scale-out: cannot read ${file}\n`), 2;
  const server = values.get('--server')!;
  const front = values.get('--front') ?? 'nginx';
  if (!APP_SERVERS.includes(server as AppServer)) return io.stderr(`kallithea-ini-lint scale-out: --server takes ${APP_SERVERS.join(', ')}, not "${server}"\n`), 2;
  if (!FRONT_SERVERS.includes(front as FrontServer)) return io.stderr(`kallithea-ini-lint scale-out: --front takes ${FRONT_SERVERS.join(' or ')}, not "${front}"\n`), 2;
  const defaults = suggestOptions(ConfigModel.fromText(read.text, { filePath: path.resolve(file) }));
  const max = values.get('--database-max-connections');
  const options: ScaleOutOptions = {
    server: server as AppServer,
    workers: number(values.get('--workers')!),
    hosts: splitHosts(values.get('--hosts')!),
    port: values.has('--port') ? number(values.get('--port')!) : defaults.port,
    databaseUrl: values.get('--database-url')!,
    sharedDir: values.get('--shared-dir')!,
    brokerUrl: values.get('--broker-url'),
    publicUrl: values.get('--public-url'),
    front: front as FrontServer,
    staticPath: values.get('--static-path') ?? defaults.staticPath,
    databaseMaxConnections: max !== undefined ? number(max) : undefined,
  };
  const result = prepareScaleOut({ path: file, text: read.text }, values.get('--out')!, options);
  if (!result.ok) {
    for (const p of result.problems) io.stderr(`kallithea-ini-lint scale-out: ${optionName(p.option)}: ${p.message}\n`);
    return 2;
  }
  const { plan, files } = result.prepared;
  // The project file is updated in place (its other settings kept); every other file that exists needs --force.
  const clobbered = files.filter((f) => f.exists && !f.path.endsWith('.kallithea-ini.json'));
  if (clobbered.length && !force) {
    io.stderr(`kallithea-ini-lint scale-out: ${clobbered.map((f) => f.path).join(', ')} ${clobbered.length === 1 ? 'exists' : 'exist'}; nothing was written (--force overwrites)\n`);
    return 2;
  }
  for (const f of files) {
    fs.mkdirSync(path.dirname(f.path), { recursive: true });
    fs.writeFileSync(f.path, f.text, 'utf8');
    io.stdout(`${f.exists ? 'updated' : 'wrote'} ${f.path}: ${f.about}\n`);
  }
  for (const note of plan.notes) io.stdout(`${note}\n`);
  for (const r of plan.remaining) io.stdout(`still to do: ${r.path}:${r.diagnostic.range.start.line + 1}: ${r.diagnostic.message} [${r.diagnostic.rule}]\n`);
  return plan.remaining.some((r) => r.diagnostic.severity === 'error') ? 1 : 0;
}

/** The command-line spelling of an option. */
function optionName(option: string): string {
  const names: Record<string, string> = { sharedDir: 'shared-dir', databaseUrl: 'database-url', brokerUrl: 'broker-url', publicUrl: 'public-url', staticPath: 'static-path', databaseMaxConnections: 'database-max-connections' };
  return `--${names[option] ?? option}`;
}
