import type { Rule } from '../analysis/diagnostics';
import { valueSpanRange } from '../syntax/value-offsets';
import { referenceRanges } from '../syntax/positions';

export const uwsgiPythonInterpolation: Rule<{ slash: boolean } | undefined> = {
  id: 'uwsgi-python-interpolation',
  category: 'startup',
  severity: 'warning',
  description: '`%(name)s` in `[uwsgi]`.',
  check({ model, report }) {
    for (const entry of model.sections.get('uwsgi')?.values() ?? []) {
      for (const ref of referenceRanges(entry)) {
        const here = ref.token.name === 'here';
        report({
          range: valueSpanRange(entry, ref.token.offset, ref.token.offset + ref.token.length),
          message: `uWSGI reads [uwsgi] itself and does not expand %(${ref.token.name})s${here ? '; worse, it drops "%(" magic it does not know, so the path is wrong' : ''}. ${here ? 'Use %d, uWSGI\'s folder of this file (it ends with a slash).' : 'Write the value out, or use uWSGI\'s own placeholders.'}`,
          data: here ? { slash: entry.value.charAt(ref.token.offset + ref.token.length) === '/' } : undefined,
        });
      }
    }
  },
  fix(_ctx, diagnostic) {
    const data = diagnostic.data;
    if (!data) return [];
    // %d already ends with '/', so "%(here)s/x" becomes "%dx".
    const end = data.slash ? { line: diagnostic.range.end.line, character: diagnostic.range.end.character + 1 } : diagnostic.range.end;
    return [{ title: "Use uWSGI's %d", edits: [{ range: { start: diagnostic.range.start, end }, newText: '%d' }], preferred: true, safe: true }];
  },
};
