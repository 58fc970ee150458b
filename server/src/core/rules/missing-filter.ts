import { useFor } from '../catalog/sections';
import type { Rule } from '../analysis/diagnostics';
import { insertLineBefore } from '../edits/edits';
import { LineKind, type ParsedConfig } from '../syntax/parser';
import { lineRange, pyStrip, skipSpace } from '../syntax/text';
import { sectionHeader } from './support';

/** A commented-out "#[filter:NAME]" block (as in Kallithea's template): its header and key lines. */
function commentedBlock(parsed: ParsedConfig, name: string): number[] | undefined {
  const headerPattern = new RegExp(`^[#;]+\\s*\\[filter:\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\]\\s*$`);
  // Only comments with "[filter:" can be the header: the search finds them without making every comment.
  const header = parsed.commentsWith('[filter:').find((c) => headerPattern.test(c.text));
  if (!header) return undefined;
  const lines = [header.line];
  for (let l = header.line + 1; l < parsed.lines.length; l++) {
    if (parsed.lineKinds[l] !== LineKind.Comment || !/^[#;]+\s*[\w.-]+\s*[=:]/.test(pyStrip(parsed.lines.text(l)))) break;
    lines.push(l);
  }
  return lines;
}

export const missingFilter: Rule<{ name: string; app: string }> = {
  id: 'missing-filter',
  category: 'values',
  severity: 'error',
  description: '`filter-with` names a `[filter:...]` section that does not exist.',
  check({ model, report }) {
    // Few lines say filter-with: the engine's search finds their sections without a look at each section's keys.
    const named = new Set(model.parsed.entriesWithChar('filter-with').map((e) => e.section.name));
    for (const section of model.sections.keys()) {
      if (!named.has(section) || !/^(app|application|filter):/.test(section)) continue;
      const filterWith = model.sections.entry(section, 'filter-with');
      if (!filterWith) continue;
      const name = filterWith.value.trim();
      if (model.findSection(['filter'], name)) continue;
      const commented = commentedBlock(model.parsed, name);
      report({
        range: filterWith.valueRange,
        message: `filter-with = ${name}, but there is no [filter:${name}] section${commented ? ' (it is commented out)' : ''}, so PasteDeploy stops with "No section '${name}'" and Kallithea does not start. Add the section or remove this line.`,
        data: { name, app: section },
      });
    }
  },
  fix({ model, eol }, diagnostic) {
    const { name, app } = diagnostic.data;
    const commented = commentedBlock(model.parsed, name);
    if (commented) {
      const edits = commented.map((line) => {
        const text = model.parsed.lines.text(line);
        const start = skipSpace(text);
        const end = start + /^[#;]+\s*/.exec(text.slice(start))![0].length;
        return { range: lineRange(line, start, end), newText: '' };
      });
      return [{ title: `Uncomment the [filter:${name}] section`, edits, preferred: true }];
    }
    const header = sectionHeader(model.parsed, app);
    // Only a plain name can become a section header.
    if (!header || !/^[^\s\[\]]+$/.test(name)) return [];
    const block = [`[filter:${name}]`, `use = ${useFor('filter:prefix')}`, 'prefix = /', 'translate_forwarded_server = false', ''].join(eol);
    return [{ title: `Add a [filter:${name}] proxy-prefix section`, edits: [insertLineBefore(model.parsed, header.line, block, eol)], preferred: true }];
  },
};
