import type { Rule } from '../analysis/diagnostics';
import { displayValue, isSecretKey } from '../catalog/display';
import { renameKeyEdit } from '../edits/edits';
import { entryAt } from './support';

export const defaultShadowed: Rule<{ line: number }> = {
  id: 'default-shadowed',
  category: 'values',
  severity: 'warning',
  description: 'A `[DEFAULT]` key silently wins over the same plain key in a section.',
  scope: 'section',
  mentionsLines: true,
  check({ model, focus, report }) {
    for (const section of focus.sectionNames()) {
      if (!/^(app|application|server|filter):/.test(section)) continue;
      // Building a section's load context is only worth it when one of its keys is also in [DEFAULT].
      if (!model.sections.someKey(section, (k) => model.defaults.has(k))) continue;
      const ctx = model.context(section);
      for (const entry of ctx.dropped) {
        const winner = ctx.globalConf.get(entry.key);
        const secret = isSecretKey(model.sectionKind(section), entry.key);
        const shown = (v: string | undefined) => displayValue(v ?? '', secret);
        const where = winner?.entry ? `[DEFAULT] (line ${winner.entry.keyRange.start.line + 1})` : 'PasteDeploy itself';
        report({
          range: entry.keyRange,
          message: `PasteDeploy ignores this line because ${where} also defines "${entry.key}": the app gets "${shown(winner?.value)}", not "${shown(entry.value)}". Write "set ${entry.key} = ..." to override the [DEFAULT] value, or keep the key in one place only.`,
          data: { line: entry.keyRange.start.line },
          related: winner?.entry ? [{ range: winner.entry.keyRange, message: 'The value that wins' }] : undefined,
        });
      }
    }
  },
  fix({ model }, diagnostic) {
    const entry = entryAt(model, diagnostic.data.line);
    return entry ? [{ title: `Override it: "set ${entry.key}"`, edits: [renameKeyEdit(entry, `set ${entry.key}`)], preferred: true }] : [];
  },
};
