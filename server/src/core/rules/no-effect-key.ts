import type { Rule, Severity } from '../analysis/diagnostics';
import { isOff } from '../catalog/values';
import { commentOutEntry, entryAt, keyFacts } from './support';

export const noEffectKey: Rule<{ line: number }> = {
  id: 'no-effect-key',
  category: 'values',
  // Faded in the editor, not listed as a problem: the line does nothing, and nothing breaks.
  severity: 'hint',
  description: 'A key nothing reads any more, shown faded.',
  scope: 'section',
  readsAppSettings: ['serve_static'],
  check({ model, focus, report }) {
    for (const entry of keyFacts(model, focus).noEffect) {
      const info = model.keyInfo(entry)!;
      // static_files = false looks like it stops static serving; it does not, so say it louder.
      const misleading = entry.key === 'static_files' && isOff('tg', entry.value) && !isOff('tg', model.appSetting('serve_static')?.value);
      const severity: Severity | undefined = misleading ? 'warning' : undefined;
      report({
        range: entry.keyRange,
        message: `"${entry.key}" has no effect: ${info.noEffect}`,
        severity,
        tags: ['unnecessary'],
        // Pylons and older servers did read these lines.
        versionOnly: true,
        data: { line: entry.keyRange.start.line },
      });
    }
  },
  fix({ model }, diagnostic) {
    const entry = entryAt(model, diagnostic.data.line);
    return entry ? [{ title: `Comment out "${entry.key}"`, edits: commentOutEntry(model.parsed, entry) }] : [];
  },
};
