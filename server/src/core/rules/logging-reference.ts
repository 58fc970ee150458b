import type { Rule } from '../analysis/diagnostics';
import { forEachMention, isLoggingSection, loggingSections, plainSectionName, type NameKind } from '../model/logging-names';
import { lineRange } from '../syntax/text';

export const loggingReference: Rule = {
  id: 'logging-reference',
  category: 'values',
  severity: 'error',
  description: 'A logging name listed without its `[logger_/handler_/formatter_NAME]` section, or a section no list names.',
  reads: isLoggingSection,
  check({ model, report }) {
    const parsed = model.parsed;
    if (!model.sections.has('loggers')) return; // gearbox configures logging only when [loggers] exists
    const listed: Record<NameKind, Set<string>> = { logger: new Set(), handler: new Set(), formatter: new Set() };
    const defined = loggingSections(parsed);
    // Two walks without a list of the names (a big file's logging lists hold thousands):
    // the lists of [loggers], [handlers] and [formatters] first, each name needing its section...
    forEachMention(parsed, 'lists', (entry, kind, name, line, character) => {
      listed[kind].add(name);
      if (!defined[kind].has(name))
        report({
          range: lineRange(line, character, character + name.length),
          message: `[${entry.section.name}] lists "${name}", but there is no [${kind}_${name}] section: Python's logging setup stops with a KeyError, so gearbox serve and kallithea-cli fail at startup. Add the section or remove the name.`,
        });
    });
    // ...then the names loggers and handlers use, each needing its place in a list.
    forEachMention(parsed, 'uses', (_entry, kind, name, line, character) => {
      if (!listed[kind].has(name))
        report({
          range: lineRange(line, character, character + name.length),
          message: `"${name}" is not in [${kind}s] keys: Python's logging setup stops with a KeyError, so gearbox serve and kallithea-cli fail at startup. Add it to [${kind}s] keys (with a [${kind}_${name}] section).`,
        });
    });
    const loggers = model.sections.get('loggers')?.get('keys');
    if (loggers && !listed.logger.has('root'))
      report({
        range: loggers.valueRange,
        message: 'The loggers list has no "root": Python\'s logging setup requires [logger_root] and stops with an error without it. Add root to the list.',
      });
    for (const section of parsed.sections) {
      // A [command:logger_x] override is never listed itself.
      if (section.name.includes(':')) continue;
      const named = plainSectionName(section.name);
      if (!named) continue;
      if (!listed[named.kind].has(named.name))
        report({
          range: section.headerRange,
          message: `[${section.name}] is not listed in [${named.kind}s] keys, so logging never uses it. Add "${named.name}" to that list, or remove the section.`,
          severity: 'information',
          tags: ['unnecessary'],
        });
    }
  },
};
