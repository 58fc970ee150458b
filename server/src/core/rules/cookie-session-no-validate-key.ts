import type { Rule } from '../analysis/diagnostics';
import { setKeyEdit } from '../edits/edits';
import { appSettingSections } from './support';

export const cookieSessionNoValidateKey: Rule<{ app?: string }> = {
  id: 'cookie-session-no-validate-key',
  category: 'security',
  severity: 'error',
  description: '`session.type = cookie` without `session.validate_key`.',
  reads: appSettingSections,
  check({ model, report }) {
    const type = model.appSetting('session.type');
    if (type?.value?.trim() !== 'cookie' || !type.entry) return;
    if (model.appSetting('session.validate_key')?.value?.trim()) return;
    report({
      range: type.entry.valueRange,
      message: 'Cookie sessions keep all session data in the browser, so Beaker needs session.validate_key to sign them and refuses to start without it ("No validate_key specified for Cookie only Session"). Add a random session.validate_key (and session.encrypt_key to hide the content).',
      data: { app: model.appSection() },
    });
  },
  fix({ model, eol, randomHex }, diagnostic) {
    const { app } = diagnostic.data;
    if (!app) return [];
    const validate = setKeyEdit(model.parsed, app, 'session.validate_key', randomHex(32), eol);
    const encrypt = model.appSetting('session.encrypt_key')?.value ? undefined : setKeyEdit(model.parsed, app, 'session.encrypt_key', randomHex(32), eol);
    return validate ? [{ title: 'Add random session.validate_key and session.encrypt_key', edits: [validate, ...(encrypt ? [encrypt] : [])], preferred: true }] : [];
  },
};
