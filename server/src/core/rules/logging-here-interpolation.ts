import type { Rule } from '../analysis/diagnostics';
import { valueSpanRange } from '../syntax/value-offsets';
import { referenceRanges } from '../syntax/positions';
import { percentEntries } from '../catalog/sections';

export const loggingHereInterpolation: Rule<{ replacement: string }> = {
  id: 'logging-here-interpolation',
  category: 'startup',
  severity: 'warning',
  description: '`%(here)s` or `%(__file__)s` in a logging handler\'s `args`/`kwargs`.',
  scope: 'section',
  check({ model, focus, report }) {
    // Only values with a '%' can hold a reference.
    for (const entry of percentEntries(focus)) {
      if ((entry.key !== 'args' && entry.key !== 'kwargs') || model.kindOf(entry.section) !== 'handler') continue;
      for (const ref of referenceRanges(entry)) {
        const name = ref.token.name!;
        if (name !== 'here' && name !== '__file__') continue;
        if (model.lookup('DEFAULT', name)?.entry) continue; // defined in the file itself: every loader sees it
        const resolved = model.lookup('DEFAULT', name)!.value;
        report({
          range: valueSpanRange(entry, ref.token.offset, ref.token.offset + ref.token.length),
          message: `%(${name})s works under gearbox serve, but kallithea-cli (every command, including ssh-serve behind SSH access) and uWSGI's --ini-paste-logged configure logging without it and stop with InterpolationMissingOptionError. Write the absolute path instead.`,
          data: { replacement: resolved },
        });
      }
    }
  },
  fix(_ctx, diagnostic) {
    const { replacement } = diagnostic.data;
    return [{ title: `Write the absolute path (${replacement})`, edits: [{ range: diagnostic.range, newText: replacement.replace(/%/g, '%%') }], preferred: true }];
  },
};
