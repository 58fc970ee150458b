import type { Rule } from '../analysis/diagnostics';
import { setKeyEdit } from '../edits/edits';
import { isOff } from '../catalog/values';

export const prefixTrustsForwarded: Rule<{ filter: string }> = {
  id: 'prefix-trusts-forwarded',
  category: 'security',
  severity: 'warning',
  description: 'PasteDeploy\'s prefix filter trusts clients\' `X-Forwarded-*` headers.',
  check({ model, report }) {
    const filter = model.prefixFilter()?.section;
    if (!filter) return;
    const entries = model.sections.get(filter)!;
    const translate = entries.get('translate_forwarded_server');
    if (translate && isOff('paste', model.get(filter, 'translate_forwarded_server')?.ok ? translate.value : '')) return;
    const header = model.parsed.sections.find((s) => s.name === filter)!;
    report({
      range: translate ? translate.valueRange : header.headerRange,
      message: `[${filter}] ${translate ? `has translate_forwarded_server = ${translate.value}` : 'does not set translate_forwarded_server, which defaults to true'}: the filter then believes X-Forwarded-For, -Host and -Proto from any client, so a visitor can fake their IP address (bypassing IP restrictions and the audit log), the host name and the scheme. Set translate_forwarded_server = false and let remote_addr_variable and url_scheme_variable name what the proxy sets.`,
      data: { filter },
    });
  },
  fix({ model, eol }, diagnostic) {
    const { filter } = diagnostic.data;
    const edit = setKeyEdit(model.parsed, filter, 'translate_forwarded_server', 'false', eol);
    return edit ? [{ title: 'Set translate_forwarded_server = false', edits: [edit], preferred: true, safe: true }] : [];
  },
};
