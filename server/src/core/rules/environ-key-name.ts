import type { Rule } from '../analysis/diagnostics';
import { setValueEdit } from '../edits/edits';
import { appSettingSections, entryAt } from './support';

const ENVIRON_KEY = /^(HTTP_[A-Z0-9_]+|REMOTE_ADDR|wsgi\.url_scheme)$/;

/** X-Forwarded-For -> HTTP_X_FORWARDED_FOR, the name a WSGI server gives that header. */
export function environName(header: string): string {
  const h = header.trim().toUpperCase().replace(/-/g, '_');
  return h.startsWith('HTTP_') ? h : `HTTP_${h}`;
}

export const environKeyName: Rule<{ line: number; fixed?: string }> = {
  id: 'environ-key-name',
  category: 'security',
  severity: 'warning',
  description: '`remote_addr_variable` / `url_scheme_variable` naming a header instead of its WSGI key.',
  reads: appSettingSections,
  check({ model, report }) {
    for (const key of ['remote_addr_variable', 'url_scheme_variable']) {
      const s = model.appSetting(key);
      if (!s?.entry || !s.value?.trim() || ENVIRON_KEY.test(s.value.trim())) continue;
      const fixed = environName(s.value);
      report({
        range: s.entry.valueRange,
        message: `"${s.value.trim()}" is not a key of the WSGI environment, so ${key === 'remote_addr_variable' ? 'every client IP becomes 0.0.0.0 (IP restrictions and the audit log stop working)' : 'the scheme is never corrected'}. The server stores headers as HTTP_ plus the name in capitals with underscores: use ${fixed}.`,
        // Only offer a conversion that gives a valid environ key (not for multi-line or odd text).
        data: { line: s.entry.keyRange.start.line, fixed: ENVIRON_KEY.test(fixed) ? fixed : undefined },
      });
    }
  },
  fix({ model }, diagnostic) {
    const { line, fixed } = diagnostic.data;
    const entry = entryAt(model, line);
    return entry && fixed ? [{ title: `Use ${fixed}`, edits: [setValueEdit(entry, fixed)], preferred: true, safe: true }] : [];
  },
};
