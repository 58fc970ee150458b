import type { Fix, Rule } from '../analysis/diagnostics';
import { setKeyEdit, setValueEdit } from '../edits/edits';
import { suggest } from '../syntax/similar';
import { entryAt } from './support';

export const getUndefined: Rule<{ line: number; name: string; suggestions: string[] }> = {
  id: 'get-undefined',
  category: 'values',
  severity: 'error',
  description: '`get LOCAL = GLOBAL` names a global that `[DEFAULT]` does not define.',
  scope: 'section',
  check({ model, focus, report }) {
    for (const section of focus.sectionNames()) {
      if (!/^(app|application|server|filter):/.test(section)) continue;
      if (!model.sections.someKey(section, (k) => k.startsWith('get '))) continue;
      const ctx = model.context(section);
      for (const entry of ctx.missingGets) {
        const name = entry.value.trim();
        const suggestions = suggest(name, ctx.globalConf.keys());
        report({
          range: entry.valueRange,
          message: `"${entry.key}" copies "${name}" from [DEFAULT], which has no such key, so PasteDeploy stops with a KeyError and Kallithea does not start. Define "${name}" in [DEFAULT] (it may be empty) or remove this line.${suggestions.length ? ` Did you mean "${suggestions[0]}"?` : ''}`,
          data: { line: entry.keyRange.start.line, name, suggestions },
        });
      }
    }
  },
  fix({ model, eol }, diagnostic) {
    const { line, name, suggestions } = diagnostic.data;
    const entry = entryAt(model, line);
    if (!entry) return [];
    // The name is read with interpolation, so a '%' in the key must be written '%%'.
    const fixes: Fix[] = suggestions.map((s) => ({ title: `Change to "${s}"`, edits: [setValueEdit(entry, s.replace(/%/g, '%%'))] }));
    // Only a plain name can become a key.
    const define = /^[^\s=:\[\]#;%]+$/.test(name) ? setKeyEdit(model.parsed, 'DEFAULT', name, '', eol) : undefined;
    if (define) fixes.push({ title: `Define an empty "${name}" in [DEFAULT]`, edits: [define], preferred: suggestions.length === 0 });
    return fixes;
  },
};
