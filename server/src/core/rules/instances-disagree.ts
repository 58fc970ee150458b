import type { Fix, Rule } from '../analysis/diagnostics';
import { setKeyEdit, setValueEdit } from '../edits/edits';
import { DATA_DIRS, MUST_AGREE, shownValue, siteValue, type SiteKey } from '../model/site';
import { entryAt, relativeTo, sectionHeader } from './support';

interface Data {
  key: string;
  /** The key line in this file, when the file sets it. */
  line?: number;
  /** One instance per other value (not "not set"): the fixes copy their values. */
  peers: string[];
}

// Data directories are compared by data-dir-not-shared, which knows paths and offers the shared one.
const COMPARED = MUST_AGREE.filter((k) => !(k.key in DATA_DIRS));

/** configparser reads '%' as the start of an interpolation: a value copied from another file keeps its own. */
const escapePercent = (value: string) => value.replace(/%/g, '%%');

export const instancesDisagree: Rule<Data> = {
  id: 'instances-disagree',
  category: 'deployment',
  severity: 'warning',
  description: 'Instances of one site differ on a setting they must share (database, session secrets and storage, broker, SSH...).',
  check({ model, env, report }) {
    if (env.peers.length === 0) return;
    const app = model.appSection();
    if (!app) return;
    for (const key of COMPARED) {
      const mine = siteValue(model, key);
      // Other values, each with the first instance that has it.
      const others = new Map<string | undefined, string[]>();
      for (const peer of env.peers) {
        const theirs = siteValue(peer.model, key)?.value;
        if (theirs === mine?.value) continue;
        const list = others.get(theirs);
        if (list) list.push(peer.path);
        else others.set(theirs, [peer.path]);
      }
      if (others.size === 0) continue;
      const where = (paths: string[]) => relativeTo(model.filePath, paths[0]) + (paths.length > 1 ? ` (and ${paths.length - 1} more)` : '');
      const elsewhere = [...others].map(([value, paths]) => `${shownValue(key.key, value)} in ${where(paths)}`).join(', ');
      const name = mine?.spelled ?? key.key;
      report({
        range: mine?.entry ? mine.entry.valueRange : sectionHeader(model.parsed, app)!.headerRange,
        message: `"${name}" is ${shownValue(key.key, mine?.value)} here but ${elsewhere}, another instance of this site: ${key.why}. Give it one value in every instance.`,
        data: { key: key.key, line: mine?.entry?.keyRange.start.line, peers: [...others].filter(([value]) => value !== undefined).map(([, paths]) => paths[0]) },
      });
    }
  },
  fix({ model, env, eol }, diagnostic) {
    const { key: name, line, peers } = diagnostic.data;
    const key = COMPARED.find((k) => k.key === name);
    const app = model.appSection();
    if (!key || !app) return [];
    const entry = line === undefined ? undefined : entryAt(model, line);
    const fixes: Fix[] = [];
    for (const path of peers) {
      const peer = env.peers.find((p) => p.path === path);
      const theirs = peer && siteValue(peer.model, key);
      if (!theirs) continue;
      const edit = valueEdit(key, entry, theirs.spelled, escapePercent(theirs.value), (value) => setKeyEdit(model.parsed, app, key.key, value, eol));
      if (edit) fixes.push({ title: `Use the value of ${relativeTo(model.filePath, path)}`, edits: [edit] });
    }
    return fixes;
  },
};

function valueEdit(key: SiteKey, entry: ReturnType<typeof entryAt>, spelled: string, value: string, add: (value: string) => ReturnType<typeof setKeyEdit>) {
  // The broker is read under several generations' keys: copy a value only into the same key.
  if (key.read) return entry && entry.key === spelled ? setValueEdit(entry, value) : undefined;
  return entry ? setValueEdit(entry, value) : add(value);
}
