import type { Rule } from '../analysis/diagnostics';
import { setValueEdit } from '../edits/edits';
import { entryAt } from './support';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/i;

export const forwardedWithoutProxy: Rule<{ line?: number }> = {
  id: 'forwarded-without-proxy',
  category: 'security',
  severity: 'information',
  description: 'Forwarded headers trusted while the server listens on a public address.',
  check({ model, deployment, report }) {
    const server = deployment.server;
    const host = server?.value('host')?.trim();
    if (!server || host === undefined || LOOPBACK.test(host) || host.startsWith('unix:')) return;
    for (const key of ['remote_addr_variable', 'url_scheme_variable']) {
      const s = model.appSetting(key);
      if (!s?.entry || !/^HTTP_/.test(s.value?.trim() ?? '')) continue;
      report({
        range: s.entry.valueRange,
        message: `${key} trusts the ${s.value!.trim()} header, but the server listens on ${host || 'every address'}, where clients can connect directly and send that header themselves (faking their IP or scheme). Bind to 127.0.0.1 behind the proxy, or make sure nothing but the proxy can reach this port.`,
        data: { line: server.entry('host')?.keyRange.start.line },
      });
    }
  },
  fix({ model }, diagnostic) {
    const { line } = diagnostic.data;
    const host = line !== undefined ? entryAt(model, line) : undefined;
    return host ? [{ title: 'Listen on 127.0.0.1 only (behind the proxy)', edits: [setValueEdit(host, '127.0.0.1')] }] : [];
  },
};
