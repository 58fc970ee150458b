// Document links: the files and folders a config names, resolved as Kallithea would
// find them (%(here)s expanded; a relative path from the config's folder), when they
// exist; and http(s) addresses that carry no credentials and no placeholders. The
// check for existence is the host's (this module reads no disk).

import type { ConfigModel } from '../model/model';
import type { Entry } from '../syntax/parser';
import { lineRange, type Range } from '../syntax/text';

export interface DocumentLink {
  range: Range;
  /** A file path, or an http(s) URL. */
  target: string;
  kind: 'file' | 'url';
}

/** App settings that name a file or folder. */
const PATH_KEYS = ['cache_dir', 'index_dir', 'archive_cache_dir', 'ssh_authorized_keys', 'kallithea_cli_path', 'git_path', 'git_hook_interpreter'];
const HTTP_URL = /^https?:\/\/[^\s@/?#]+(?:[/?#][^\s]*)?$/i;
/** The first string of a logging handler's args, e.g. ('%(here)s/kallithea.log', 'a'). */
const FIRST_STRING = /^\s*\(\s*(['"])((?:(?!\1).)*)\1/;

export function documentLinks(model: ConfigModel, exists: (path: string) => boolean): DocumentLink[] {
  const links: DocumentLink[] = [];
  const file = (entry: Entry | undefined, value: string | undefined, range?: Range) => {
    if (!entry || value === undefined || entry.parts.length !== 1) return;
    const path = resolve(model, value.trim());
    if (path && exists(path)) links.push({ range: range ?? entry.valueRange, target: path, kind: 'file' });
  };
  for (const key of PATH_KEYS) {
    const setting = model.appSetting(key);
    // git_path and the like may name a program on the PATH: only a path is a link.
    if (setting?.entry && setting.value?.includes('/')) file(setting.entry, setting.value);
  }
  const alembic = model.sections.get('alembic')?.get('script_location');
  const location = model.get('alembic', 'script_location');
  if (alembic && location?.ok && !/^[\w.]+:/.test(location.value)) file(alembic, location.value);
  for (const section of model.parsed.sections) {
    if (!section.name.startsWith('handler_')) continue;
    const args = section.entries.find((e) => e.key === 'args');
    const raw = args && args.parts.length === 1 ? FIRST_STRING.exec(args.value) : undefined;
    const expanded = raw && model.get(section.name, 'args');
    const name = expanded?.ok ? FIRST_STRING.exec(expanded.value)?.[2] : undefined;
    if (!args || !raw || name === undefined) continue;
    const start = args.parts[0].character + raw[0].length - raw[2].length - 1;
    file(args, name, lineRange(args.line, start, start + raw[2].length));
  }
  for (const entry of model.parsed.entries) {
    if (entry.parts.length !== 1 || model.kindOf(entry.section) !== 'app') continue;
    const value = entry.value.trim();
    if (HTTP_URL.test(value) && !/[{}\\%]/.test(value)) links.push({ range: entry.valueRange, target: value, kind: 'url' });
  }
  return links;
}

/** An absolute path: as written when absolute, else from the config's folder. */
function resolve(model: ConfigModel, path: string): string | undefined {
  if (path === '') return undefined;
  if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path)) return normalize(path);
  return normalize(`${model.here.replace(/[\\/]+$/, '')}/${path}`);
}

function normalize(path: string): string {
  const parts: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && !(part === '' && parts.length > 0)) parts.push(part);
  }
  return parts.join('/') || '/';
}
