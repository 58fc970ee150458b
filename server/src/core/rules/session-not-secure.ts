import type { Rule } from '../analysis/diagnostics';
import { setKeyEdit, setValueEdit } from '../edits/edits';
import { isOn } from '../catalog/values';
import { entryAt } from './support';

export const sessionNotSecure: Rule<{ app: string; line?: number }> = {
  id: 'session-not-secure',
  category: 'security',
  severity: 'warning',
  description: 'HTTPS is evident, but `session.secure` is not true.',
  check({ model, report }) {
    const app = model.appSection();
    if (!app) return;
    const evidence = [
      isOn('tg', model.appSetting('force_https')?.value) && 'force_https = true',
      isOn('tg', model.appSetting('use_htsts')?.value) && 'use_htsts = true',
      model.appSetting('url_scheme_variable')?.value?.trim() && 'url_scheme_variable is set',
      /^\s*https:\/\//i.test(model.appSetting('canonical_url')?.value ?? '') && 'canonical_url is https',
    ].filter(Boolean);
    if (evidence.length === 0) return;
    const secure = model.appSetting('session.secure');
    if (isOn('beaker', secure?.value)) return;
    report({
      range: secure?.entry ? secure.entry.valueRange : model.parsed.sections.find((s) => s.name === app)!.headerRange,
      message: `The site uses HTTPS (${evidence.join(', ')}), but session.secure is ${secure?.entry ? `"${secure.value}"` : 'not set'}, so browsers also send the session cookie over plain HTTP, where anyone on the path can steal the session. Set session.secure = true.`,
      data: { app, line: secure?.entry?.keyRange.start.line },
    });
  },
  fix({ model, eol }, diagnostic) {
    const { app, line } = diagnostic.data;
    const entry = line !== undefined ? entryAt(model, line) : undefined;
    const edit = entry ? setValueEdit(entry, 'true') : setKeyEdit(model.parsed, app, 'session.secure', 'true', eol);
    return edit ? [{ title: 'Set session.secure = true', edits: [edit], preferred: true, safe: true }] : [];
  },
};
