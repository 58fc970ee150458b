import type { Rule } from '../analysis/diagnostics';
import { setValueEdit } from '../edits/edits';
import { appSettingSections, entryAt } from './support';

export const authRetCode: Rule<{ line: number }> = {
  id: 'auth-ret-code',
  category: 'values',
  severity: 'information',
  description: '`auth_ret_code` set to anything but empty or `403`.',
  reads: appSettingSections,
  check({ model, report }) {
    const s = model.appSetting('auth_ret_code');
    const v = s?.value?.trim();
    if (!s?.entry || !v || v === '403') return;
    report({
      range: s.entry.valueRange,
      message: `auth_ret_code = ${v} has no effect: Kallithea answers failed VCS logins with 401 unless the value is exactly 403. Use 403 (for Mercurial clients that cannot handle 401) or leave it empty.`,
      data: { line: s.entry.keyRange.start.line },
    });
  },
  fix({ model }, diagnostic) {
    const entry = entryAt(model, diagnostic.data.line);
    return entry
      ? [
          { title: 'Use 403', edits: [setValueEdit(entry, '403')], preferred: true },
          { title: 'Leave it empty (401)', edits: [setValueEdit(entry, '')] },
        ]
      : [];
  },
};
