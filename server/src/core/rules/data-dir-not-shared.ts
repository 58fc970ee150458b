import type { Rule } from '../analysis/diagnostics';
import { setValueEdit } from '../edits/edits';
import type { ConfigModel } from '../model/model';
import { factOf } from '../syntax/facts';
import { DATA_DIRS } from '../model/site';
import { entryAt, relativeTo } from './support';

const DATA_DIR_LIST = Object.entries(DATA_DIRS);

interface Data {
  line: number;
  key: string;
  /** Where the fix points the key, when a shared location is known. */
  target?: string;
  /** The target came from the user's kallithea.sharedDataDir, so fix-all may apply it. */
  fromSetting?: boolean;
}

function normalize(path: string): string {
  // Most paths are normal already; the regular expressions run only when one may not be.
  if (!/\\|\/\/|\/\.(?:\/|$)|.\/$/.test(path)) return path;
  return path.replace(/\\/g, '/').replace(/\/+/g, '/').replace(/\/\.(?=\/|$)/g, '').replace(/(.)\/$/, '$1');
}

/** A path that does not depend on where the config file lies (not built from %(here)s or %(__file__)s). */
function independentOfFile(model: ConfigModel, path: string): boolean {
  return path.startsWith('/') && !normalize(path).startsWith(normalize(model.here) + '/') && normalize(path) !== normalize(model.here);
}

interface DataDir {
  /** The value the app gets. */
  value: string;
  normalized: string;
  independent: boolean;
}

// Each instance is compared with every other one: its data directories are read once.
const dataDirsOf = factOf((model: ConfigModel): Map<string, DataDir> => {
  const dirs = new Map<string, DataDir>();
  for (const key of Object.keys(DATA_DIRS)) {
    const value = model.appSetting(key)?.value;
    if (value !== undefined) dirs.set(key, { value, normalized: normalize(value), independent: independentOfFile(model, value) });
  }
  return dirs;
});

export const dataDirNotShared: Rule<Data> = {
  id: 'data-dir-not-shared',
  category: 'deployment',
  severity: 'warning',
  description: 'Instances of one site whose data directories are different directories.',
  check({ model, env, report }) {
    if (env.peers.length === 0) return;
    const mineDirs = dataDirsOf(model);
    if (mineDirs.size === 0) return;
    // Each peer's directories once, for all the keys.
    const peerDirs = env.peers.map((peer) => ({ peer, dirs: dataDirsOf(peer.model) }));
    for (const [key, info] of DATA_DIR_LIST) {
      const dir = mineDirs.get(key);
      if (!dir) continue;
      const mine = model.appSetting(key);
      if (!mine?.entry) continue;
      const here = dir.normalized;
      const differing: { peer: (typeof env.peers)[number]; dir: DataDir }[] = [];
      for (const { peer, dirs } of peerDirs) {
        const theirs = dirs.get(key);
        if (theirs && theirs.normalized !== here) differing.push({ peer, dir: theirs });
      }
      if (differing.length === 0) continue;
      // Already on a fixed shared path while the others are per machine: the others must move, not this one.
      if (dir.independent && differing.every((p) => !p.dir.independent)) continue;
      const shared = differing.find((p) => p.dir.independent);
      const target = shared ? shared.dir.normalized : env.settings.sharedDataDir ? normalize(env.settings.sharedDataDir + info.under) : undefined;
      const other = differing[0];
      const advice = target
        ? `Point it at one shared directory, such as ${target}.`
        : 'Point every instance at one directory on shared storage (set kallithea.sharedDataDir to get a one-click fix).';
      report({
        range: mine.entry.valueRange,
        message: `"${key}" is ${here} here but ${other.dir.normalized} in ${relativeTo(model.filePath, other.peer.path)}, another instance of this site: ${info.why}. ${advice}`,
        data: { line: mine.entry.keyRange.start.line, key, target, fromSetting: !shared && !!target } satisfies Data,
      });
    }
  },
  fix({ model }, diagnostic) {
    const d = diagnostic.data;
    const entry = entryAt(model, d.line);
    if (!d.target || !entry) return [];
    return [{ title: `Use the shared directory ${d.target}`, edits: [setValueEdit(entry, d.target)], preferred: true, safe: d.fromSetting }];
  },
};
