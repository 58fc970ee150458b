// Declaring the cache regions Kallithea 0.7 needs, with the template's settings.

import type { TextEdit } from '../analysis/diagnostics';
import { CACHE_REGIONS, declaredRegions } from '../catalog/cache-regions';
import type { ConfigModel } from '../model/model';
import { lineRange } from '../syntax/text';
import { setKeyEdit, setValueEdit } from './edits';

/**
 * Edits that declare the missing regions and give each the template's settings
 * (those the file does not set already). New lines go at the end of the regions
 * line, so that an edit at the start of the next line cannot end up before them.
 */
export function cacheRegionEdits(model: ConfigModel, eol: string): { edits: TextEdit[]; added: string[] } {
  const app = model.appSection();
  const have = declaredRegions(model);
  const missing = CACHE_REGIONS.filter((r) => !have.includes(r.name));
  if (!app || missing.length === 0) return { edits: [], added: [] };
  const settings = missing.flatMap((r) => r.settings.filter(([k]) => !model.appSetting(`beaker.cache.${r.name}.${k}`)).map(([k, v]) => `beaker.cache.${r.name}.${k} = ${v}`));
  const value = [...have, ...missing.map((r) => r.name)].join(',');
  const regions = model.appSetting('beaker.cache.regions')?.entry;
  // A value over several lines (indented lines below it continue it) is left to a person.
  if (regions && regions.parts.length > 1) return { edits: [], added: [] };
  if (regions && regions.section.name === app) {
    const end = regions.range.end;
    const lineEnd = model.parsed.lines.text(end.line).length;
    const edits = [setValueEdit(regions, value)];
    if (settings.length) edits.push({ range: lineRange(end.line, lineEnd, lineEnd), newText: eol + settings.join(eol) });
    return { edits, added: missing.map((r) => r.name) };
  }
  const edit = setKeyEdit(model.parsed, app, 'beaker.cache.regions', [value, ...settings].join(eol), eol);
  return { edits: edit ? [edit] : [], added: edit ? missing.map((r) => r.name) : [] };
}

