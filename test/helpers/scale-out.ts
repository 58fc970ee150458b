// Checking a scale-out's files as an admin would: each instance linted with the
// others (grouped and configured by the project file written with them), and each
// line of the original found again, in order, in every output.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../../server/src/core/analysis/analysis';
import type { Diagnostic } from '../../server/src/core/analysis/diagnostics';
import type { Peer } from '../../server/src/core/model/deployment';
import { ConfigModel } from '../../server/src/core/model/model';
import { findPeers } from '../../server/src/core/model/workspace';
import { mergeSettingLayers, parseProjectFile } from '../../server/src/core/settings/project-file';
import { normalizeSettings } from '../../server/src/core/settings/settings';

/** The warnings and errors of the instance configs in `dir`, linted as the project file in `dir` groups them. */
export function siteFindings(dir: string, instances: string[]): { file: string; diagnostic: Diagnostic }[] {
  const projectPath = path.join(dir, '.kallithea-ini.json');
  const project = parseProjectFile(fs.readFileSync(projectPath, 'utf8'), projectPath);
  if (project.errors.length) throw new Error(`the project file has mistakes: ${project.errors[0].message}`);
  const settings = normalizeSettings(mergeSettingLayers(project.settings));
  const peers: Peer[] = instances.map((file) => ({ path: file, model: ConfigModel.fromText(fs.readFileSync(file, 'utf8'), { filePath: file }) }));
  const findings: { file: string; diagnostic: Diagnostic }[] = [];
  for (const peer of peers) {
    const env = { settings: settings.deployment, peers: findPeers(peer, peers, settings.deployment) };
    if (env.peers.length !== peers.length - 1) throw new Error(`${peer.path} is grouped with ${env.peers.length} of the ${peers.length - 1} other instances`);
    for (const d of lint(peer.model, { rules: settings.rules, env })) if (d.severity === 'error' || d.severity === 'warning') findings.push({ file: peer.path, diagnostic: d });
  }
  return findings;
}

/** Keys whose values a scale-out may change (on the original's own line). */
const MANAGED = new Set([
  'use', 'host', 'port', 'bind', 'listen', 'workers', 'threads', 'worker_class', 'max_requests', 'timeout', 'max_request_body_size',
  'http-socket', 'http', 'master', 'processes', 'lazy', 'lazy-apps', 'buffer-size', 'cheaper', 'max-requests', 'harakiri',
  'debug', 'sqlalchemy.url', 'sqlalchemy.db1.url', 'sqlalchemy.pool_size', 'sqlalchemy.max_overflow',
  'cache_dir', 'index_dir', 'archive_cache_dir', 'beaker.cache.data_dir', 'beaker.cache.lock_dir', 'session.data_dir', 'session.lock_dir',
  'session.type', 'session.sa.url', 'session.secret', 'beaker.session.secret', 'app_instance_uuid', 'session.validate_key', 'session.encrypt_key',
  'serve_static', 'static_files', 'remote_addr_variable', 'url_scheme_variable', 'canonical_url', 'session.secure',
  'celery.broker_url', 'broker.url', 'BROKER_URL', 'prefix', 'translate_forwarded_server', 'filter-with',
]);

const keyOf = (line: string) => /^\s*([^=:\s#;[][^=:]*?)\s*[=:]/.exec(line)?.[1];

/**
 * Where the original's lines are not all in the output, in order: comments and blank
 * lines word for word, settings word for word, commented out ("# " before them), or,
 * for the keys a scale-out manages, with a new value on the same key. Lines the
 * output adds are free. Returns the first line missing, or undefined.
 */
export function missingLine(original: string, output: string): string | undefined {
  const out = output.split(/\r?\n/);
  let j = 0;
  for (const line of original.split(/\r?\n/)) {
    const key = keyOf(line);
    const accepts = (candidate: string) => {
      if (candidate === line) return true;
      // Settings and section headers may be commented out (a server section that no longer applies); comments may not change.
      if ((key !== undefined || /^\s*\[/.test(line)) && candidate === line.replace(/^(\s*)/, '$1# ')) return true;
      return key !== undefined && MANAGED.has(key) && keyOf(candidate) === key && candidate.startsWith(line.slice(0, line.indexOf(key) + key.length));
    };
    while (j < out.length && !accepts(out[j])) j++;
    if (j === out.length) return line;
    j++;
  }
  return undefined;
}
