import type { Fix, Rule, Severity } from '../analysis/diagnostics';
import { displayValue } from '../catalog/display';
import { setValueEdit } from '../edits/edits';
import { pyInt } from '../catalog/values';
import { entryAt, keepFirstWordEdits, misreadValues } from './support';

export const invalidInteger: Rule<{ line: number; recommended?: string }> = {
  id: 'invalid-integer',
  category: 'values',
  severity: 'error',
  description: 'A number setting whose value is not a whole number.',
  scope: 'section',
  check({ model, focus, report }) {
    for (const { entry, info, value, verdict } of misreadValues(model, focus, 'int')) {
      // safe_int falls back to a default instead of failing, so that is a warning.
      const soft = verdict.effect === 'ignored';
      const severity: Severity | undefined = soft ? 'warning' : undefined;
      const shown = value === '' ? 'an empty value' : `"${displayValue(value)}"`;
      const effect = soft ? 'Kallithea quietly ignores it and uses its built-in default' : 'reading it raises an error, so the program that reads it stops';
      report({
        range: value === '' ? entry.keyRange : entry.valueRange,
        message: `"${entry.key}" must be a whole number, but it has ${shown}: ${effect}.${info.recommended ? ` A typical value is ${info.recommended}.` : ''}`,
        severity,
        data: { line: entry.keyRange.start.line, recommended: info.recommended },
      });
    }
  },
  fix({ model, eol }, diagnostic) {
    const { line, recommended } = diagnostic.data;
    const entry = entryAt(model, line);
    if (!entry) return [];
    const fixes: Fix[] = [];
    const first = /^\S+/.exec(entry.value)?.[0] ?? '';
    const moved = keepFirstWordEdits(model.parsed, entry, eol);
    if (moved && pyInt(first) !== undefined) fixes.push({ title: `Keep ${first} and move the rest to a comment line`, edits: moved, preferred: true, safe: true });
    if (recommended && pyInt(recommended) !== undefined) fixes.push({ title: `Use ${recommended}`, edits: [setValueEdit(entry, recommended)] });
    return fixes;
  },
};
