import type { Fix, Rule, Severity } from '../analysis/diagnostics';
import { displayValue } from '../catalog/display';
import { SECTION_KINDS } from '../catalog/sections';
import { setValueEdit } from '../edits/edits';
import { entryAt, misreadValues } from './support';

interface Data {
  line: number;
  /** The values to offer, best first. */
  choices: string[];
}

// Every key the catalog declares as a closed list of values, checked the same way;
// a key whose list deserves its own advice names its rule (i18n-lang, auth-ret-code).
export const invalidEnum: Rule<Data> = {
  id: 'invalid-enum',
  category: 'values',
  severity: 'error',
  description: 'A setting that takes one of a few values (a log `level`, `style`, `reload_engine`...) has another; a reader that ignores it instead of stopping makes it a warning.',
  scope: 'section',
  check({ model, focus, report }) {
    for (const { entry, value, type, verdict } of misreadValues(model, focus, 'enum')) {
      if (type.checkedBy) continue;
      const values = type.values;
      const reader = SECTION_KINDS[model.kindOf(entry.section)].readBy;
      const shown = value.trim() === '' ? 'an empty value' : `"${displayValue(value.trim())}"`;
      const effect = verdict.effect === 'fails' ? `${reader} stops on ${shown}` : `${reader} quietly ignores ${shown} and uses its default`;
      const hint = verdict.suggestions.length ? ` Did you mean ${verdict.suggestions[0]}?` : '';
      const severity: Severity | undefined = verdict.effect === 'ignored' ? 'warning' : undefined;
      report({
        range: value.trim() === '' ? entry.keyRange : entry.valueRange,
        message: `"${entry.key}" takes one of ${values.map((v) => v || '(empty)').join(', ')}${type.caseInsensitive ? ' (any case)' : ''}: ${effect}.${hint}`,
        severity,
        data: { line: entry.keyRange.start.line, choices: verdict.suggestions.length ? verdict.suggestions : [...values] },
      });
    }
  },
  fix({ model }, diagnostic) {
    const entry = entryAt(model, diagnostic.data.line);
    if (!entry) return [];
    return diagnostic.data.choices.slice(0, 8).map((value, i): Fix => ({ title: `Use ${value}`, edits: [setValueEdit(entry, value)], preferred: i === 0 && diagnostic.data.choices.length === 1 }));
  },
};
