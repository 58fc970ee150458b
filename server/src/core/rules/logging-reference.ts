import type { Rule } from '../analysis/diagnostics';
import { definitionOf, isLoggingSection, nameMentions, sectionName } from '../model/logging-names';

export const loggingReference: Rule = {
  id: 'logging-reference',
  category: 'values',
  severity: 'error',
  description: 'A logging name listed without its `[logger_/handler_/formatter_NAME]` section, or a section no list names.',
  reads: isLoggingSection,
  check({ model, report }) {
    const parsed = model.parsed;
    if (!model.sections.has('loggers')) return; // gearbox configures logging only when [loggers] exists
    const mentions = nameMentions(parsed);
    const lists = new Map<string, Set<string>>();
    const listed = (kind: string) => {
      let set = lists.get(kind);
      if (!set) lists.set(kind, (set = new Set(mentions.filter((m) => m.kind === kind && m.entry.key === 'keys').map((m) => m.name))));
      return set;
    };
    for (const m of mentions) {
      if (m.entry.key === 'keys') {
        if (!definitionOf(parsed, m.kind, m.name))
          report({
            range: m.range,
            message: `[${m.entry.section.name}] lists "${m.name}", but there is no [${m.kind}_${m.name}] section: Python's logging setup stops with a KeyError, so gearbox serve and kallithea-cli fail at startup. Add the section or remove the name.`,
          });
      } else if (!listed(m.kind).has(m.name)) {
        report({
          range: m.range,
          message: `"${m.name}" is not in [${m.kind}s] keys: Python's logging setup stops with a KeyError, so gearbox serve and kallithea-cli fail at startup. Add it to [${m.kind}s] keys (with a [${m.kind}_${m.name}] section).`,
        });
      }
    }
    const loggers = model.sections.get('loggers')?.get('keys');
    if (loggers && !listed('logger').has('root'))
      report({
        range: loggers.valueRange,
        message: 'The loggers list has no "root": Python\'s logging setup requires [logger_root] and stops with an error without it. Add root to the list.',
      });
    for (const section of parsed.sections) {
      const named = sectionName(section);
      if (!named || section.name.includes(':')) continue;
      if (!listed(named.kind).has(named.name))
        report({
          range: section.headerRange,
          message: `[${section.name}] is not listed in [${named.kind}s] keys, so logging never uses it. Add "${named.name}" to that list, or remove the section.`,
          severity: 'information',
          tags: ['unnecessary'],
        });
    }
  },
};
