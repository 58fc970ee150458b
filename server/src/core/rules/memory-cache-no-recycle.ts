import type { Fix, Rule } from '../analysis/diagnostics';
import { setKeyEdit, setValueEdit } from '../edits/edits';
import type { ConfigModel } from '../model/model';
import { pyInt, uwsgiInt } from '../catalog/values';
import { entryAt, setUwsgiEdit } from './support';

interface Data {
  line: number;
  region: string;
  recycle?: 'gunicorn' | 'uwsgi';
  serverSection?: string;
}

/** The regions Kallithea 0.7 caches in: user details (helpers.py), READMEs and feeds (summary.py, feed.py). */
export const USED_REGIONS = ['long_term', 'long_term_file'];

/** Beaker's regions and their types, as Beaker merges the `beaker.cache.` and `cache.` prefixes. */
function memoryRegions(model: ConfigModel): { region: string; line: number; range: import('../syntax/text').Range }[] {
  const regions = (model.appSetting('beaker.cache.regions')?.value ?? model.appSetting('cache.regions')?.value ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean)
    // Regions Kallithea 0.7's code does not use (older templates declared several) never hold anything.
    .filter((r) => USED_REGIONS.includes(r));
  const globalType = model.appSetting('beaker.cache.type') ?? model.appSetting('cache.type');
  const out = [];
  for (const region of regions) {
    const own = model.appSetting(`beaker.cache.${region}.type`) ?? model.appSetting(`cache.${region}.type`);
    const type = (own?.value ?? globalType?.value ?? 'memory').trim();
    const entry = own?.entry ?? globalType?.entry;
    if (type === 'memory' && entry) out.push({ region, line: entry.keyRange.start.line, range: entry.valueRange });
  }
  return out;
}

export const memoryCacheNoRecycle: Rule<Data> = {
  id: 'memory-cache-no-recycle',
  category: 'deployment',
  severity: 'information',
  description: 'A Beaker memory cache region while workers are never restarted.',
  check({ model, deployment, report }) {
    const regions = memoryRegions(model);
    if (regions.length === 0) return;
    const server = deployment.server;
    let recycle: Data['recycle'];
    if (deployment.uwsgi) {
      const keys = ['max-requests', 'max-worker-lifetime', 'reload-on-rss', 'evil-reload-on-rss', 'reload-on-as'];
      if (keys.some((k) => uwsgiInt(deployment.uwsgi!.get(k)?.value ?? '0').value > 0)) return;
      recycle = 'uwsgi';
    } else if (server?.kind === 'server:gunicorn') {
      if ((pyInt(server.value('max_requests') ?? '0') ?? 0) > 0) return;
      recycle = 'gunicorn';
    }
    const first = regions[0];
    const names = regions.map((r) => r.region).join(', ');
    const advice = recycle
      ? recycle === 'gunicorn'
        ? 'Restart workers regularly with max_requests = 1000.'
        : 'Restart workers regularly with max-requests = 1000.'
      : 'This server cannot restart its workers by itself, so use a file cache for the region or restart the service regularly.';
    report({
      range: first.range,
      message: `The Beaker cache region${regions.length > 1 ? 's' : ''} ${names} keep${regions.length > 1 ? '' : 's'} entries in each process's memory and never evicts them, and nothing restarts the worker processes: memory use grows until the service is restarted. ${advice}`,
      data: { line: first.line, region: first.region, recycle, serverSection: server?.section } satisfies Data,
    });
  },
  fix({ model, eol }, diagnostic) {
    const d = diagnostic.data;
    const fixes: Fix[] = [];
    if (d.recycle === 'gunicorn' && d.serverSection) {
      const edit = setKeyEdit(model.parsed, d.serverSection, 'max_requests', '1000', eol);
      if (edit) fixes.push({ title: 'Restart gunicorn workers after 1000 requests (max_requests = 1000)', edits: [edit], preferred: true, safe: true });
    }
    if (d.recycle === 'uwsgi') {
      const edit = setUwsgiEdit(model, 'max-requests', '1000', eol);
      if (edit) fixes.push({ title: 'Restart uWSGI workers after 1000 requests (max-requests = 1000)', edits: [edit], preferred: true, safe: true });
    }
    const entry = entryAt(model, d.line);
    if (entry && entry.key.endsWith(`${d.region}.type`)) fixes.push({ title: `Keep the ${d.region} region in files (type = file)`, edits: [setValueEdit(entry, 'file')] });
    return fixes;
  },
};
