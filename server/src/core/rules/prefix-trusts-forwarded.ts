import type { Rule } from '../analysis/diagnostics';
import { setKeyEdit } from '../edits/edits';
import { isOff } from '../catalog/values';

export const prefixTrustsForwarded: Rule = {
  id: 'prefix-trusts-forwarded',
  severity: 'warning',
  description: "PasteDeploy's prefix filter trusts clients' X-Forwarded-* headers unless translate_forwarded_server = false.",
  check({ model, report }) {
    const app = model.appSection();
    const name = app ? model.sections.get(app)?.get('filter-with')?.value.trim() : undefined;
    const filter = name ? model.findSection(['filter'], name) : undefined;
    if (!filter) return;
    const entries = model.sections.get(filter)!;
    if (!/^egg:pastedeploy#prefix$/i.test(entries.get('use')?.value.trim() ?? '')) return;
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
    const { filter } = diagnostic.data as { filter: string };
    const edit = setKeyEdit(model.parsed, filter, 'translate_forwarded_server', 'false', eol);
    return edit ? [{ title: 'Set translate_forwarded_server = false', edits: [edit], preferred: true, safe: true }] : [];
  },
};
