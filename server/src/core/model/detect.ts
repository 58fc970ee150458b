// Which .ini files are Kallithea configs: those whose app section loads the
// Kallithea egg (`use = egg:kallithea`, any case, `#main` optional) or RhodeCode's,
// which Kallithea grew from (admins bring those files along as legacy configs), or
// whose name the user lists in `kallithea.files`. The client, the server and the CLI
// all ask here.

import { APP_PREFIXES, sectionPrefix } from '../syntax/section-names';
import { parse, type ParsedConfig } from '../syntax/parser';
import { pyStrip } from '../syntax/text';
import type { ConfigModel } from './model';

const KALLITHEA_EGG = /^egg:(kallithea|rhodecode)(#main)?$/i;

export function isKallitheaUse(value: string): boolean {
  return KALLITHEA_EGG.test(pyStrip(value));
}

/**
 * True when an app section says `use = egg:kallithea` (or egg:rhodecode), the last
 * `use` line of a section winning as it does in the model. Works on the parse alone,
 * so the VS Code client can ask without loading the catalog.
 */
export function isKallitheaParsed(parsed: ParsedConfig): boolean {
  const uses = new Map<string, string>();
  // By position: only the few `use` lines become entry objects.
  for (let i = 0; i < parsed.entryCount; i++) {
    if (parsed.entryKeys[i] !== 'use') continue;
    const section = parsed.sections[parsed.entrySections[i]].name;
    const prefix = sectionPrefix(section);
    if (prefix && APP_PREFIXES.includes(prefix)) uses.set(section, parsed.entry(i).value);
  }
  return [...uses.values()].some(isKallitheaUse);
}

export function isKallitheaModel(model: ConfigModel): boolean {
  return isKallitheaParsed(model.parsed);
}

// Cheap pre-check so that large unrelated .ini files are never fully parsed.
const MENTIONS_EGG = /egg:(kallithea|rhodecode)/i;

export function isKallitheaConfig(text: string): boolean {
  return MENTIONS_EGG.test(text) && isKallitheaParsed(parse(text));
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
