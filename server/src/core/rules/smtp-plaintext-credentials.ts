import type { Rule, TextEdit } from '../analysis/diagnostics';
import { setKeyEdit } from '../edits/edits';
import { isOn } from '../catalog/values';
import { appSettingSections } from './support';

export const smtpPlaintextCredentials: Rule<{ section: string }> = {
  id: 'smtp-plaintext-credentials',
  category: 'security',
  severity: 'warning',
  description: 'An SMTP user name without SSL or STARTTLS.',
  reads: appSettingSections,
  check({ model, report }) {
    const user = model.appSetting('smtp_username');
    if (!user?.entry || !user.value?.trim()) return;
    if (isOn('tg', model.appSetting('smtp_use_ssl')?.value) || isOn('tg', model.appSetting('smtp_use_tls')?.value)) return;
    report({
      range: user.entry.valueRange,
      message: 'Kallithea logs in to the SMTP server, but neither smtp_use_ssl nor smtp_use_tls is true, so the user name and password cross the network unencrypted. Use smtp_use_tls = true with smtp_port = 587 (or smtp_use_ssl = true with 465).',
      data: { section: user.entry.section.name },
    });
  },
  fix({ model, eol }, diagnostic) {
    const { section } = diagnostic.data;
    const edits = [setKeyEdit(model.parsed, section, 'smtp_use_tls', 'true', eol), setKeyEdit(model.parsed, section, 'smtp_port', '587', eol)].filter((e): e is TextEdit => !!e);
    return edits.length ? [{ title: 'Use STARTTLS on port 587', edits, preferred: true }] : [];
  },
};
