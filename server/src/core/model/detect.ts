// Which .ini files are Kallithea configs: those whose app section loads the
// Kallithea egg (`use = egg:kallithea`, any case, `#main` optional) or RhodeCode's,
// which Kallithea grew from (admins bring those files along as legacy configs), or
// whose name the user lists in `kallithea.files`. The client, the server and the CLI
// all ask here.

import { ConfigModel } from './model';
import { APP_PREFIXES } from './model';
import { sectionPrefix } from '../catalog/sections';
import { pyStrip } from '../syntax/text';

const KALLITHEA_EGG = /^egg:(kallithea|rhodecode)(#main)?$/i;

export function isKallitheaUse(value: string): boolean {
  return KALLITHEA_EGG.test(pyStrip(value));
}

/** True when any app section of the parsed file says `use = egg:kallithea` (or egg:rhodecode). */
export function isKallitheaModel(model: ConfigModel): boolean {
  for (const [name, entries] of model.sections) {
    const prefix = sectionPrefix(name);
    if (!prefix || !APP_PREFIXES.includes(prefix)) continue;
    const use = entries.get('use');
    if (use && isKallitheaUse(use.value)) return true;
  }
  return false;
}

// Cheap pre-check so that large unrelated .ini files are never fully parsed.
const MENTIONS_EGG = /egg:(kallithea|rhodecode)/i;

export function isKallitheaConfig(text: string): boolean {
  if (!MENTIONS_EGG.test(text)) return false;
  return isKallitheaModel(ConfigModel.fromText(text));
}

/** Glob match for `kallithea.files` patterns: '*' within a path segment, '**' across segments, '?' one character. */
export function matchesFilePattern(path: string, pattern: string): boolean {
  const normalized = path.replace(/\\/g, '/');
  const pat = pattern.replace(/\\/g, '/');
  let re = '';
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i];
    if (c === '*' && pat[i + 1] === '*') {
      re += '.*';
      i++;
      if (pat[i + 1] === '/') i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // Anchored at a folder boundary: a bare name matches that file in any folder.
  return new RegExp(`(^|/)${re}$`).test(normalized);
}

export function isListedFile(path: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => matchesFilePattern(path, p));
}
