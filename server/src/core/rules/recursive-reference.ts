import type { Rule } from '../analysis/diagnostics';
import type { Entry } from '../syntax/parser';
import { valueSpanRange } from '../syntax/value-offsets';
import { percentEntries } from '../catalog/sections';

export const recursiveReference: Rule = {
  id: 'recursive-reference',
  category: 'syntax',
  severity: 'error',
  description: '`%(name)s` references that loop.',
  scope: 'section',
  check({ model, focus, report }) {
    for (const entry of percentEntries(focus)) {
      if (!entry.value.includes('%(')) continue;
      const result = model.get(entry.section.name, entry.key);
      if (!result || result.ok || result.error.kind !== 'depth') continue;
      const origin = result.error.origin;
      const at = origin.entry === entry ? origin : { offset: 0, length: entry.value.length };
      report({
        range: valueSpanRange(entry as Entry, at.offset, at.offset + at.length),
        message: `The value of "${entry.key}" refers to itself through "%(...)s" references (or nests them more than 10 deep). Python fails to load the file (InterpolationDepthError). Break the loop by writing one of the values out.`,
      });
    }
  },
};
