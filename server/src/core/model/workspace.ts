// Which configs are instances of one site. Configs are instances when the
// `kallithea.deployment.instances` setting groups them, or when they use the same
// database and are not alternatives: two files in one folder that bind the same
// host:port cannot run side by side, so they are alternatives (a folder of
// generated variants, for example), while deploy/host-a/kallithea.ini and
// deploy/host-b/kallithea.ini are instances.

import { isListedFile } from './detect';
import { bindOf, databaseOf, type DeploymentSettings, type Peer } from './deployment';

export interface InstanceSignature {
  database?: string;
  bind?: string;
  folder: string;
}

export function signature(peer: Peer): InstanceSignature {
  // Only what tells instances apart, not the whole deployment: it is asked of every file of a workspace.
  return { database: databaseOf(peer.model)?.url, bind: bindOf(peer.model), folder: folderOf(peer.path) };
}

function folderOf(path: string): string {
  const p = path.replace(/\\/g, '/');
  return p.slice(0, Math.max(0, p.lastIndexOf('/')));
}

// The configs of one list grouped by database, made once for a list that is searched for each of its members.
const peersByDatabase = new WeakMap<readonly Peer[], Map<string, Peer[]>>();

/** The other configs in `all` that are instances of the same site as `self`. */
export function findPeers(self: Peer, all: readonly Peer[], settings: DeploymentSettings, signatures?: Map<string, InstanceSignature>): Peer[] {
  const group = settings.instances?.find((g) => isListedFile(self.path, g));
  if (group) return all.filter((p) => p.path !== self.path && isListedFile(p.path, group));
  const sig = (p: Peer) => {
    let s = signatures?.get(p.path);
    if (!s) {
      s = signature(p);
      signatures?.set(p.path, s);
    }
    return s;
  };
  const mine = sig(self);
  if (!mine.database) return [];
  // Only configs on the same database can be instances of one site: look among those alone.
  let byDatabase = peersByDatabase.get(all);
  if (!byDatabase) {
    byDatabase = new Map();
    for (const p of all) {
      const database = sig(p).database;
      if (!database) continue;
      const list = byDatabase.get(database);
      if (list) list.push(p);
      else byDatabase.set(database, [p]);
    }
    peersByDatabase.set(all, byDatabase);
  }
  return (byDatabase.get(mine.database) ?? []).filter((p) => {
    if (p.path === self.path) return false;
    const theirs = sig(p);
    const alternatives = theirs.folder === mine.folder && theirs.bind !== undefined && theirs.bind === mine.bind;
    return !alternatives;
  });
}

const LOOPBACK_BIND = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\]|::1)(:|$)/i;

/**
 * Two instances run on one machine when their configs lie side by side in one
 * folder (rendered configs, each with its own port, one proxy in front), or when
 * both bind only a loopback address (a proxy on that same machine must reach them).
 */
export function onSameHost(a: Peer, b: Peer): boolean {
  const sa = signature(a);
  const sb = signature(b);
  if (sa.folder === sb.folder) return true;
  return sa.bind !== undefined && sb.bind !== undefined && LOOPBACK_BIND.test(sa.bind) && LOOPBACK_BIND.test(sb.bind);
}
