import type { BoolParser } from '../catalog/types';
import type { Fix, Rule, Severity } from '../analysis/diagnostics';
import { displayValue } from '../catalog/display';
import { setValueEdit } from '../edits/edits';
import { boolSpellings, readBool } from '../catalog/values';
import { entryAt, keepFirstWordEdits, misreadValues } from './support';

const WHO: Record<BoolParser, string> = {
  tg: 'Kallithea (TurboGears) reads it strictly and raises an error',
  paste: 'PasteDeploy reads it strictly and raises an error',
  beaker: 'Beaker reads it strictly and stops at startup',
  gunicorn: 'gunicorn accepts only true or false and stops at startup',
  waitress: 'waitress reads anything it does not recognise as false, silently',
  celery: 'Kallithea passes it to Celery as the text itself, not as a boolean',
  uwsgi: '',
  truthy: '',
};

export const invalidBoolean: Rule<{ line: number; parser: BoolParser }> = {
  id: 'invalid-boolean',
  category: 'values',
  severity: 'error',
  description: 'A switch whose value its parser does not accept (empty included).',
  scope: 'section',
  check({ model, focus, report }) {
    for (const { entry, value, type, verdict } of misreadValues(model, focus, 'bool')) {
      const parser = type.parser;
      // A lenient reader silently takes the value for something else: worth a warning, not an error.
      const severity: Severity | undefined = verdict.effect === 'ignored' ? 'warning' : undefined;
      const shown = value === '' ? 'an empty value' : `"${displayValue(value)}"`;
      report({
        range: entry.valueRange.start.line === entry.valueRange.end.line && value === '' ? entry.keyRange : entry.valueRange,
        message: `"${entry.key}" is a switch, and ${WHO[parser]} on ${shown}. Write ${boolSpellings(parser).slice(0, 2).join(' or ')}${value.includes(';') || value.includes('#') ? ', with any note on a line of its own' : ''}.`,
        severity,
        data: { line: entry.keyRange.start.line, parser },
      });
    }
  },
  fix({ model, eol }, diagnostic) {
    const { line, parser } = diagnostic.data;
    const entry = entryAt(model, line);
    if (!entry) return [];
    const fixes: Fix[] = [];
    const first = /^\S+/.exec(entry.value)?.[0] ?? '';
    const moved = keepFirstWordEdits(model.parsed, entry, eol);
    if (moved && readBool(parser, first).ok && boolSpellings(parser).includes(first.toLowerCase()))
      fixes.push({ title: `Keep "${first}" and move the rest to a comment line`, edits: moved, preferred: true, safe: true });
    fixes.push({ title: 'Set it to false', edits: [setValueEdit(entry, 'false')] }, { title: 'Set it to true', edits: [setValueEdit(entry, 'true')] });
    return fixes;
  },
};
