import type { Rule } from '../analysis/diagnostics';
import type { ConfigModel } from '../model/model';
import { MAX_INTERPOLATION_DEPTH } from '../model/interpolation';
import type { Entry } from '../syntax/parser';
import { referenceEnd } from '../syntax/percents';
import { valueSpanRange } from '../syntax/value-offsets';
import { percentEntries } from '../catalog/sections';

export const recursiveReference: Rule = {
  id: 'recursive-reference',
  category: 'syntax',
  severity: 'error',
  description: '`%(name)s` references that loop.',
  scope: 'section',
  check({ model, focus, report }) {
    const bounds = new Map<string, Map<string, number>>();
    for (const entry of percentEntries(focus)) {
      if (!entry.value.includes('%(')) continue;
      const section = entry.section.name;
      let known = bounds.get(section);
      if (!known) bounds.set(section, (known = new Map()));
      // Interpolating every value to find the few that loop would build strings for
      // all of them: only a value whose references may nest too deep is interpolated.
      if (nestingBound(model, section, entry.key, known) <= MAX_INTERPOLATION_DEPTH) continue;
      const result = model.get(section, entry.key);
      if (!result || result.ok || result.error.kind !== 'depth') continue;
      const origin = result.error.origin;
      const at = origin.entry?.index === entry.index ? origin : { offset: 0, length: entry.value.length };
      report({
        range: valueSpanRange(entry as Entry, at.offset, at.offset + at.length),
        message: `The value of "${entry.key}" refers to itself through "%(...)s" references (or nests them more than 10 deep). Python fails to load the file (InterpolationDepthError). Break the loop by writing one of the values out.`,
      });
    }
  },
};

const TOO_DEEP = MAX_INTERPOLATION_DEPTH + 1;
const VISITING = -1;

/**
 * At least as deep as Python's interpolation of `name` in `section` nests (1 for a
 * value without references to values with '%'), capped at TOO_DEEP, which a loop
 * also gives. Names only, no strings built; `known` keeps the answers for the section.
 */
function nestingBound(model: ConfigModel, section: string, name: string, known: Map<string, number>): number {
  const seen = known.get(name);
  if (seen !== undefined) return seen === VISITING ? TOO_DEEP : seen;
  const value = model.lookupValue(section, name);
  if (value === undefined || !value.includes('%')) return 0;
  known.set(name, VISITING);
  let deepest = 0;
  for (let p = value.indexOf('%('); p >= 0 && deepest < TOO_DEEP; p = value.indexOf('%(', p + 1)) {
    const end = referenceEnd(value, p);
    if (end > 0) deepest = Math.max(deepest, nestingBound(model, section, value.slice(p + 2, end - 2), known));
  }
  const bound = Math.min(TOO_DEEP, deepest + 1);
  known.set(name, bound);
  return bound;
}
