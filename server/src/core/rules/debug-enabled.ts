import type { Rule } from '../analysis/diagnostics';
import { setValueEdit } from '../edits/edits';
import { isOn } from '../catalog/values';
import { appSettingSections, entryAt } from './support';

export const debugEnabled: Rule<{ line: number }> = {
  id: 'debug-enabled',
  category: 'security',
  severity: 'error',
  description: 'The effective `debug` is true: an interactive Python console in the browser for every visitor.',
  reads: appSettingSections,
  // The message names the line PasteDeploy ignores.
  mentionsLines: true,
  check({ model, report }) {
    const app = model.appSection();
    if (!app) return;
    const debug = model.appSetting('debug');
    if (!debug?.entry || !isOn('tg', debug.value)) return;
    const ctx = model.context(app);
    const ignored = ctx.dropped.find((e) => e.key === 'debug');
    const how =
      debug.source === 'set'
        ? `"set debug" in [${app}] turns it on`
        : debug.entry.section.name === 'DEFAULT'
          ? `[DEFAULT] turns it on${ignored ? `, and PasteDeploy ignores "debug = ${ignored.value}" in [${app}] (line ${ignored.keyRange.start.line + 1})` : ''}`
          : `"debug" in [${app}] turns it on`;
    report({
      range: debug.entry.valueRange,
      message: `Debug mode is on (${how}): backlash serves an interactive Python console on every error page, so any visitor can run code on the server and read its secrets. It also turns off error mails and HSTS. Set debug = false here, the line that wins.`,
      data: { line: debug.entry.keyRange.start.line },
      related: ignored ? [{ range: ignored.keyRange, message: 'This line is ignored ([DEFAULT] wins)' }] : undefined,
    });
  },
  fix({ model }, diagnostic) {
    const entry = entryAt(model, diagnostic.data.line);
    return entry ? [{ title: 'Set debug = false where it takes effect', edits: [setValueEdit(entry, 'false')], preferred: true, safe: true }] : [];
  },
};
