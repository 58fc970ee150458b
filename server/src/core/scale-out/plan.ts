// Scale out in one step: from one config, the config of every instance on every host,
// the web server in front, and what the project file must say, with the problems the
// linter still finds in the result (none, for Kallithea's own generated configs). Pure:
// it takes text and paths and returns text; the CLI and the editor write the files.

import { lint } from '../analysis/analysis';
import type { Diagnostic } from '../analysis/diagnostics';
import { pyInt } from '../catalog/values';
import { MAX_CONNECTIONS_DEFAULT, poolOf } from '../model/connections';
import { dbScheme, type Peer } from '../model/deployment';
import { findPeers } from '../model/workspace';
import { generationOf } from '../model/generation';
import { ConfigModel } from '../model/model';
import { weakness } from '../rules/weak-secret';
import { escapePercent } from './draft';
import { frontConfig, frontFileName, modWsgiConfig, wsgiScript, type Upstream } from './front-config';
import { instanceConfig, type SiteChoices } from './instance-config';
import { checkOptions, publicAddress, usesCelery, withMysqlCharset, type Problem, type ScaleOutOptions } from './options';

export interface PlannedFile {
  /** Relative to the output folder, with forward slashes: web1/kallithea.ini, nginx-kallithea.conf. */
  path: string;
  text: string;
  /** One line: what the file is for. */
  about: string;
  /** An instance config (linted with the others), or a file of the web servers (in front, or mod_wsgi's on a host). */
  role: 'instance' | 'server';
}

/** What the project file must say so that the editor and the CLI lint the instances as one site. */
export interface ProjectUpdate {
  /** Globs of the instance configs (one per host's folder), relative to the output folder: one group. */
  instances: string[];
  /** mod_wsgi: the processes Apache starts, which the configs cannot say. */
  workerProcesses?: number;
  sharedDataDir: string;
  databaseMaxConnections?: number;
}

export interface ScaleOutPlan {
  files: PlannedFile[];
  project: ProjectUpdate;
  /** What was decided, one line each (pool sizes, fresh secrets, ports), and how to start it. */
  notes: string[];
  /** What the linter still reports (warnings and errors) in the instance configs, for the admin to finish. */
  remaining: { path: string; diagnostic: Diagnostic }[];
}

export type PlanResult = { ok: true; plan: ScaleOutPlan } | { ok: false; problems: Problem[] };

export interface PlanInput {
  text: string;
  /** Absolute path of the original config. */
  configPath: string;
  /** Absolute path of the folder the files go to (deploy/ next to the config, or the CLI's --out). */
  outDir: string;
  options: ScaleOutOptions;
  randomHex: (digits: number) => string;
}

/** The options with the database URL made ready (MySQL's charset), as the files will have them. */
export function normalizeOptions(o: ScaleOutOptions): ScaleOutOptions {
  return { ...o, databaseUrl: withMysqlCharset(o.databaseUrl), hosts: o.hosts.map((h) => h.trim()), sharedDir: o.sharedDir.trim().replace(/(.)\/+$/, '$1') };
}

/** Why a config cannot be scaled out as it is, or undefined. */
export function refusal(model: ConfigModel): string | undefined {
  const generation = generationOf(model);
  if (generation.foreignApp) return `its app section loads ${generation.foreignApp}, not Kallithea`;
  if (!model.appSection()) return 'it has no [app:main] section';
  if (generation.legacy) return `it was written for ${generation.label}: upgrade it to Kallithea 0.7 first (Kallithea: Upgrade Config, or kallithea-ini-lint --upgrade)`;
  return undefined;
}

export function planScaleOut(input: PlanInput): PlanResult {
  const options = normalizeOptions(input.options);
  const original = ConfigModel.fromText(input.text, { filePath: input.configPath });
  const refused = refusal(original);
  if (refused) return { ok: false, problems: [{ option: 'server', message: `This config cannot be scaled out: ${refused}.` }] };
  const problems = checkOptions(options, usesCelery(original));
  if (problems.length) return { ok: false, problems };

  const notes: string[] = [];
  const address = publicAddress(options.publicUrl);
  const prefix = address?.prefix ?? original.prefixFilter()?.prefix?.trim().replace(/\/+$/, '') ?? '';
  const pool = poolFor(original, options);
  if ('problem' in pool) return { ok: false, problems: [pool.problem] };
  if (pool.choice) notes.push(`Each worker process may hold ${pool.choice.size + pool.choice.overflow} database connections (sqlalchemy.pool_size = ${pool.choice.size}, max_overflow = ${pool.choice.overflow}), so that the site stays within max_connections = ${pool.limit}.`);
  const secrets = freshSecrets(original, input.randomHex);
  for (const key of Object.keys(secrets)) notes.push(`${key} gets a fresh random value (the original's ${weakness(original.appSetting(key)?.value)}), the same on every host.`);
  const site: SiteChoices = { options, secrets, pool: pool.choice, prefix, https: address?.https ?? false };

  const files: PlannedFile[] = [];
  const upstreams: Upstream[] = [];
  const perHost = options.server === 'waitress' ? options.workers : 1;
  for (const host of options.hosts) {
    for (let i = 0; i < perHost; i++) {
      const port = options.port + i;
      const path = `${host}/${i === 0 ? 'kallithea.ini' : `kallithea-${port}.ini`}`;
      const text = instanceConfig(input.text, joinPath(input.outDir, path), site, port);
      files.push({ path, text, about: `Kallithea on ${host}:${port}`, role: 'instance' });
      upstreams.push({ host, port });
    }
    if (options.server === 'mod_wsgi') {
      const venv = venvOf(original);
      files.push({ path: `${host}/kallithea-wsgi.conf`, text: modWsgiConfig(options, host, options.port, venv, '/srv/kallithea'), about: `Apache mod_wsgi on ${host}`, role: 'server' });
      files.push({ path: `${host}/kallithea.wsgi`, text: wsgiScript(), about: `the WSGI script on ${host}`, role: 'server' });
    }
  }
  files.push({
    path: frontFileName(options),
    text: frontConfig({ options, upstreams, serverName: address?.host ?? '', https: site.https, port: address?.port, prefix }),
    about: `${options.front === 'nginx' ? 'nginx' : 'Apache'} in front: balancer and static files`,
    role: 'server',
  });
  notes.push(startNote(options));
  return {
    ok: true,
    plan: {
      files,
      project: {
        instances: instanceGlobs(options),
        workerProcesses: options.server === 'mod_wsgi' ? options.workers : undefined,
        sharedDataDir: options.sharedDir,
        databaseMaxConnections: options.databaseMaxConnections,
      },
      notes,
      remaining: lintTogether(files, input.outDir, options),
    },
  };
}

/** Pool sizes that keep every worker process of every host (and Celery's) within the database's max_connections. */
function poolFor(model: ConfigModel, o: ScaleOutOptions): { choice?: SiteChoices['pool']; limit: number } | { problem: Problem } {
  const known = MAX_CONNECTIONS_DEFAULT[dbScheme(o.databaseUrl)];
  const limit = o.databaseMaxConnections ?? known?.limit ?? Infinity;
  const celery = usesCelery(model) ? Math.max(1, pyInt(model.appSetting('celery.worker_concurrency')?.value ?? '') ?? 1) : 0;
  const processes = o.hosts.length * o.workers + celery;
  const { pool, overflow } = poolOf(model);
  if ((pool + overflow) * processes <= limit) return { limit };
  const per = Math.floor(limit / processes);
  if (per < 1)
    return {
      problem: {
        option: 'workers',
        message: `${o.hosts.length} hosts × ${o.workers} worker processes${celery ? ` and ${celery} Celery processes` : ''} need at least ${processes} database connections, more than max_connections = ${limit}: run fewer, or raise the database's max_connections (and give it here).`,
      },
    };
  const size = Math.min(pool, per);
  return { choice: { size, overflow: Math.min(overflow, per - size) }, limit };
}

/** The secret options the original has weak (missing, a placeholder, short), each with a fresh value for every host. */
function freshSecrets(model: ConfigModel, randomHex: (digits: number) => string): Record<string, string> {
  const keys = ['app_instance_uuid', 'session.secret'];
  if (model.appSetting('session.type')?.value?.trim() === 'cookie') keys.push('session.validate_key');
  if (model.appSetting('session.encrypt_key')) keys.push('session.encrypt_key');
  const out: Record<string, string> = {};
  for (const key of keys) if (weakness(model.appSetting(key)?.value)) out[key] = escapePercent(randomHex(32));
  return out;
}

/** The virtualenv the hosts run Kallithea from: the one git_hook_interpreter lives in, else /srv/kallithea/venv. */
function venvOf(model: ConfigModel): string {
  const python = model.appSetting('git_hook_interpreter')?.value?.trim() ?? '';
  const m = /^(\/.+)\/bin\/[^/]+$/.exec(python);
  return m ? m[1] : '/srv/kallithea/venv';
}

function startNote(o: ScaleOutOptions): string {
  switch (o.server) {
    case 'gunicorn':
      return 'On each host, start it with: gearbox serve -c kallithea.ini';
    case 'waitress':
      return `On each host, start each instance with: gearbox serve -c kallithea.ini${o.workers > 1 ? ' (and the same for each kallithea-PORT.ini)' : ''}`;
    case 'uwsgi':
      return 'On each host, start it with: uwsgi --ini-paste-logged kallithea.ini';
    case 'mod_wsgi':
      return 'On each host, copy its folder to /srv/kallithea and enable kallithea-wsgi.conf in Apache.';
  }
}

/** The instance configs linted as one site, as the project file will group them: what is left at warning or error. */
function lintTogether(files: PlannedFile[], outDir: string, o: ScaleOutOptions): ScaleOutPlan['remaining'] {
  const peers: Peer[] = files.filter((f) => f.role === 'instance').map((f) => ({ path: joinPath(outDir, f.path), model: ConfigModel.fromText(f.text, { filePath: joinPath(outDir, f.path) }) }));
  const settings = { instances: [instanceGlobs(o).map((g) => joinPath(outDir, g))], workerProcesses: o.server === 'mod_wsgi' ? o.workers : undefined, databaseMaxConnections: o.databaseMaxConnections };
  const remaining: ScaleOutPlan['remaining'] = [];
  for (const peer of peers) {
    const env = { settings, peers: findPeers(peer, peers, settings) };
    for (const diagnostic of lint(peer.model, { env })) if (diagnostic.severity === 'error' || diagnostic.severity === 'warning') remaining.push({ path: peer.path, diagnostic });
  }
  return remaining;
}

/** Each host's configs, and no other file of the output folder (instances of other sites may live beside them). */
function instanceGlobs(o: ScaleOutOptions): string[] {
  return o.hosts.map((host) => `${host}/kallithea*.ini`);
}

export function joinPath(dir: string, rel: string): string {
  return `${dir.replace(/[\\/]+$/, '')}/${rel}`;
}
