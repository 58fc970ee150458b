import type { Fix, Rule } from '../analysis/diagnostics';
import { scanPercents } from '../syntax/percents';
import { valueSpanRange } from '../syntax/value-offsets';
import { percentEntries } from '../catalog/sections';
import { suggest } from '../syntax/similar';

interface Data {
  name: string;
  section: string;
  suggestions: string[];
}

export const undefinedReference: Rule<Data> = {
  id: 'undefined-reference',
  category: 'syntax',
  severity: 'error',
  description: '`%(name)s` with no such key in the section or `[DEFAULT]`.',
  scope: 'section',
  check({ model, focus, report }) {
    for (const entry of percentEntries(focus)) {
      if (!entry.value.includes('%(')) continue;
      const section = entry.section.name;
      for (const token of scanPercents(entry.value)) {
        if (token.kind !== 'reference' || model.lookup(section, token.name!)) continue;
        const inScope = new Set([...model.defaults.keys(), ...(section === 'DEFAULT' ? [] : model.sections.get(section)?.keys() ?? [])]);
        const suggestions = suggest(token.name!, inScope);
        const where = section === 'DEFAULT' ? 'in [DEFAULT]' : `in [${section}] or [DEFAULT]`;
        const hint = suggestions.length ? ` Did you mean "%(${suggestions[0]})s"?` : ' Define the key, or write "%%" if the "%" is literal.';
        report({
          range: valueSpanRange(entry, token.offset, token.offset + token.length),
          message: `"%(${token.name})s" refers to "${token.name}", which is not defined ${where}. Python fails to load the file (InterpolationMissingOptionError).${hint}`,
          data: { name: token.name!, section, suggestions } satisfies Data,
        });
      }
    }
  },
  fix(_ctx, diagnostic) {
    const data = diagnostic.data;
    const fixes: Fix[] = data.suggestions.map((s, i) => ({
      title: `Change to "%(${s})s"`,
      edits: [{ range: diagnostic.range, newText: `%(${s})s` }],
      preferred: i === 0,
    }));
    // A name that holds another "%(" is not one reference; escaping it would only reveal the next.
    if (!data.name.includes('%(')) fixes.push({
      title: `Make it literal text ("%%(${data.name})s")`,
      edits: [{ range: { start: diagnostic.range.start, end: diagnostic.range.start }, newText: '%' }],
    });
    return fixes;
  },
};
