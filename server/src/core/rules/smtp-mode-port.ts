import type { Rule, TextEdit } from '../analysis/diagnostics';
import { setKeyEdit } from '../edits/edits';
import { isOn, pyInt } from '../catalog/values';
import { appSettingSections } from './support';

export const smtpModePort: Rule<{ section: string; mode: 'ssl' | 'tls' }> = {
  id: 'smtp-mode-port',
  category: 'startup',
  severity: 'warning',
  description: 'SMTP SSL and STARTTLS both on, or a port that does not match the mode.',
  reads: appSettingSections,
  check({ model, report }) {
    const ssl = model.appSetting('smtp_use_ssl');
    const tls = model.appSetting('smtp_use_tls');
    const port = model.appSetting('smtp_port');
    const sslOn = isOn('tg', ssl?.value);
    const tlsOn = isOn('tg', tls?.value);
    const p = pyInt(port?.value ?? '');
    let problem: string | undefined;
    if (sslOn && tlsOn) problem = 'smtp_use_ssl and smtp_use_tls are both true: STARTTLS on a connection that is already SSL fails, so no mail is sent. Choose one: SSL on port 465, or STARTTLS on 587.';
    else if (sslOn && (p === 587 || p === 25)) problem = `smtp_use_ssl = true expects an SSL port (465), but smtp_port is ${p}, where the server speaks plain SMTP: the connection fails. Use port 465, or STARTTLS (smtp_use_tls) on ${p}.`;
    else if (tlsOn && p === 465) problem = 'smtp_use_tls = true (STARTTLS) on port 465, where the server expects SSL from the start: the connection fails. Use port 587, or smtp_use_ssl = true on 465.';
    if (!problem) return;
    const at = (sslOn && tlsOn ? tls : port)?.entry ?? ssl?.entry;
    if (!at) return;
    report({ range: at.valueRange, message: problem, data: { section: at.section.name, mode: sslOn && !tlsOn ? 'ssl' : 'tls' } });
  },
  fix({ model, eol }, diagnostic) {
    const { section, mode } = diagnostic.data;
    const edits =
      mode === 'ssl'
        ? [setKeyEdit(model.parsed, section, 'smtp_use_tls', 'false', eol), setKeyEdit(model.parsed, section, 'smtp_port', '465', eol)]
        : [setKeyEdit(model.parsed, section, 'smtp_use_ssl', 'false', eol), setKeyEdit(model.parsed, section, 'smtp_port', '587', eol)];
    const ok = edits.filter((e): e is TextEdit => !!e);
    return ok.length ? [{ title: mode === 'ssl' ? 'Use SSL on port 465 (STARTTLS off)' : 'Use STARTTLS on port 587 (SSL off)', edits: ok, preferred: true }] : [];
  },
};
