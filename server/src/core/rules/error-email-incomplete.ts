import type { Rule } from '../analysis/diagnostics';
import { isOff, isOn } from '../catalog/values';
import { appSettingSections } from './support';

export const errorEmailIncomplete: Rule = {
  id: 'error-email-incomplete',
  category: 'startup',
  severity: 'error',
  description: 'Error mails are on (`email_to` set) without `smtp_server` or `error_email_from`.',
  reads: appSettingSections,
  check({ model, report }) {
    if (!model.appSection()) return;
    const to = model.appSetting('trace_errors.error_email');
    if (!to?.value?.trim()) return;
    if (isOn('tg', model.appSetting('debug')?.value) || isOff('tg', model.appSetting('trace_errors.enable')?.value)) return;
    const missing = ['trace_errors.smtp_server', 'trace_errors.from_address'].filter((k) => !model.appSetting(k)?.value?.trim());
    if (missing.length === 0) return;
    const names = missing.map((k) => (k === 'trace_errors.smtp_server' ? 'smtp_server' : 'error_email_from'));
    const at = model.defaults.get('email_to')?.entry ?? to.entry;
    if (!at) return;
    report({
      range: at.valueRange,
      message: `Error mails go to ${to.value.trim()}, but ${names.join(' and ')} ${names.length > 1 ? 'are' : 'is'} empty: backlash refuses to build its mail reporter and Kallithea does not start. Set ${names.join(' and ')} in [DEFAULT], or empty email_to.`,
    });
  },
};
