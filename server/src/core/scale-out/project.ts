// The project file after a scale-out: its instances group the new configs as one
// site (so the editor, the CLI and CI compare them), with the shared data directory,
// and, for mod_wsgi, the worker processes Apache starts. Everything else it says is
// kept; a group naming the same files is not added twice.

import { PROJECT_FILE, parseProjectFile } from '../settings/project-file';
import type { ProjectUpdate } from './plan';

/** A path relative to a folder, with forward slashes ('.' for the folder itself). */
export function relativePath(from: string, to: string): string {
  const a = from.replace(/\\/g, '/').replace(/\/+$/, '').split('/');
  const b = to.replace(/\\/g, '/').replace(/\/+$/, '').split('/');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/') || '.';
}

export function updatedProjectFile(existing: string | undefined, projectPath: string, outDir: string, update: ProjectUpdate): { text: string } | { error: string } {
  let data: Record<string, unknown> = {};
  if (existing !== undefined && existing.trim() !== '') {
    const parsed = parseProjectFile(existing, projectPath);
    if (parsed.errors.length) return { error: `${PROJECT_FILE} has mistakes; mend them first: ${parsed.errors[0].message}` };
    data = JSON.parse(existing.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  }
  const dir = projectPath.replace(/\\/g, '/').replace(/\/[^/]*$/, '');
  const rel = relativePath(dir, outDir);
  const group = update.instances.map((glob) => (rel === '.' ? glob : `${rel}/${glob}`));
  const same = (g: string[]) => g.length === group.length && g.every((x) => group.includes(x));
  const deployment = { ...((data.deployment as Record<string, unknown> | undefined) ?? {}) };
  const groups = ((deployment.instances as string[][] | undefined) ?? []).filter((g) => !same(g));
  deployment.instances = [...groups, group];
  if (update.workerProcesses !== undefined) deployment.workerProcesses = update.workerProcesses;
  if (update.databaseMaxConnections !== undefined) deployment.databaseMaxConnections = update.databaseMaxConnections;
  data.deployment = deployment;
  data.sharedDataDir = update.sharedDataDir;
  const eol = existing?.includes('\r\n') ? '\r\n' : '\n';
  return { text: JSON.stringify(data, null, 2).replace(/\n/g, eol) + eol };
}
