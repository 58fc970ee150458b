import type { Rule } from '../analysis/diagnostics';
import { setKeyEdit, setValueEdit } from '../edits/edits';
import { entryAt } from './support';

const PLACEHOLDERS = new Set([
  'very-secret', 'development-not-secret', '${uuid()}', 'secret', 'changeme', 'change-me', 'password', '<key_for_encryption>', '<validation_key>',
  // The values RhodeCode's and Kallithea's older shipped configs and templates carried (long enough to pass the length check).
  'g654dcno0-9873jhgfreyu', '{74e0cd75-b339-478b-b129-07dd221def1f}', 'production-rc-uytcxaz', 'rc-production', 'rc-develop', 'develop-test', 'develop', 'test', 'prod1234',
  // A template variable that was never rendered.
  '${app_instance_uuid}', '${app_instance_secret}',
]);
const MIN_LENGTH = 16;

export const SECRET_KEYS: Record<string, string> = {
  app_instance_uuid: 'signs password-reset links; anyone who knows it can forge them (and a missing one makes password reset crash)',
  'session.secret': 'signs the session cookie; anyone who knows it can forge sessions',
};

const COOKIE_KEY = 'signs the cookie that holds the whole session; anyone who knows it can forge sessions';

/** Why a secret value is weak, or undefined when it is fine. */
export function weakness(value: string | undefined): string | undefined {
  if (value === undefined) return 'is missing';
  const v = value.trim();
  if (v === '') return 'is empty';
  if (PLACEHOLDERS.has(v.toLowerCase())) return 'is a published placeholder (from the templates or docs of Kallithea or RhodeCode)';
  if (v.length < MIN_LENGTH) return `is only ${v.length} characters long`;
  return undefined;
}

export const weakSecret: Rule<{ key: string; app: string; line?: number }> = {
  id: 'weak-secret',
  category: 'security',
  severity: 'error',
  description: '`app_instance_uuid` or the session secret in effect (`session.secret` or `beaker.session.secret`) missing, empty, a published placeholder, or short.',
  check({ model, report }) {
    const app = model.appSection();
    if (!app) return;
    const header = model.parsed.sections.find((s) => s.name === app)!;
    // Cookie sessions are signed with validate_key, not secret (cookie-session-no-validate-key reports a missing one).
    const cookie = model.appSetting('session.type')?.value?.trim() === 'cookie';
    const secrets = cookie ? { app_instance_uuid: SECRET_KEYS.app_instance_uuid, 'session.validate_key': COOKIE_KEY } : SECRET_KEYS;
    for (const [option, why] of Object.entries(secrets)) {
      // The spelling in effect: a later beaker.session.secret wins over session.secret.
      const setting = model.appSetting(option);
      if (option === 'session.validate_key' && !setting) continue;
      const weak = weakness(setting?.value);
      if (!weak) continue;
      const key = setting?.entry ? setting.name : option;
      report({
        range: setting?.entry ? (setting.value ? setting.entry.valueRange : setting.entry.keyRange) : header.headerRange,
        message: `${key} ${weak}. It ${why}. Use a long random value of your own, e.g. from python3 -c "import uuid; print(uuid.uuid4().hex)".`,
        data: { key, app, line: setting?.entry?.keyRange.start.line },
      });
    }
  },
  fix({ model, eol, randomHex }, diagnostic) {
    const { key, app, line } = diagnostic.data;
    const secret = randomHex(32);
    const entry = line !== undefined ? entryAt(model, line) : undefined;
    const edit = entry ? setValueEdit(entry, secret) : setKeyEdit(model.parsed, app, key, secret, eol);
    return edit ? [{ title: `Set ${key} to a fresh random value`, edits: [edit], preferred: true }] : [];
  },
};
