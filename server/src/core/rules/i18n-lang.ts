import type { Fix, Rule } from '../analysis/diagnostics';
import { findKey } from '../catalog';
import { setValueEdit } from '../edits/edits';
import { suggest } from '../syntax/similar';
import { appSettingSections, entryAt } from './support';

/** The languages Kallithea ships, from the catalog's declaration of i18n.lang. */
function languages(): readonly string[] {
  const type = findKey('app', 'i18n.lang')?.type;
  return type?.kind === 'enum' ? type.values : [];
}

export const i18nLang: Rule<{ line: number; suggestions: string[] }> = {
  id: 'i18n-lang',
  category: 'values',
  severity: 'information',
  description: '`i18n.lang` is not a language Kallithea ships.',
  reads: appSettingSections,
  check({ model, report }) {
    const s = model.appSetting('i18n.lang');
    const v = s?.value?.trim();
    const available = languages();
    if (!s?.entry || !v || available.includes(v)) return;
    // de_DE -> de, pt-br -> pt_BR, then near misses.
    const normalized = v.replace('-', '_');
    const exact = available.filter((l) => l.toLowerCase() === normalized.toLowerCase() || l === normalized.split('_')[0].toLowerCase());
    const suggestions = [...new Set([...exact, ...suggest(normalized, available)])].slice(0, 3);
    report({
      range: s.entry.valueRange,
      message: `Kallithea has no "${v}" translation, so it falls back to English.${suggestions.length ? ` Did you mean ${suggestions[0]}?` : ''} Available: ${available.join(' ')}.`,
      data: { line: s.entry.keyRange.start.line, suggestions },
    });
  },
  fix({ model }, diagnostic) {
    const { line, suggestions } = diagnostic.data;
    const entry = entryAt(model, line);
    return entry ? suggestions.map((s, i): Fix => ({ title: `Use ${s}`, edits: [setValueEdit(entry, s)], preferred: i === 0 })) : [];
  },
};
