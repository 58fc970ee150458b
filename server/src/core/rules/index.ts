// Every rule the linter knows, in the order their diagnostics are listed.

import type { AnyRule } from '../analysis/diagnostics';
import { badPercent } from './bad-percent';
import { debugEnabled } from './debug-enabled';
import { weakSecret } from './weak-secret';
import { cookieSessionNoValidateKey } from './cookie-session-no-validate-key';
import { errorEmailIncomplete } from './error-email-incomplete';
import { prefixTrustsForwarded } from './prefix-trusts-forwarded';
import { loggingHereInterpolation } from './logging-here-interpolation';
import { environKeyName } from './environ-key-name';
import { forwardedWithoutProxy } from './forwarded-without-proxy';
import { sessionNotSecure } from './session-not-secure';
import { smtpPlaintextCredentials } from './smtp-plaintext-credentials';
import { smtpModePort } from './smtp-mode-port';
import { missingRequiredKey } from './missing-required-key';
import { missingCacheRegion } from './missing-cache-region';
import { ignoreAlembicRevision } from './ignore-alembic-revision';
import { issueTrackerIncomplete } from './issue-tracker-incomplete';
import { urlFormat } from './url-format';
import { sshConfig } from './ssh-config';
import { uwsgiPythonInterpolation } from './uwsgi-python-interpolation';
import { uwsgiHookInterpreter } from './uwsgi-hook-interpreter';
import { dbSettingInIni } from './db-setting-in-ini';
import { authRetCode } from './auth-ret-code';
import { i18nLang } from './i18n-lang';
import { celeryBrokerNotShared } from './celery-broker-not-shared';
import { dataDirNotShared } from './data-dir-not-shared';
import { instancesDisagree } from './instances-disagree';
import { dbConnectionBudget } from './db-connection-budget';
import { defaultShadowed } from './default-shadowed';
import { deprecatedKey } from './deprecated-key';
import { legacyConfig } from './legacy-config';
import { devServer } from './dev-server';
import { getUndefined } from './get-undefined';
import { invalidBoolean } from './invalid-boolean';
import { loggingReference } from './logging-reference';
import { invalidInteger } from './invalid-integer';
import { invalidEnum } from './invalid-enum';
import { memoryCacheNoRecycle } from './memory-cache-no-recycle';
import { missingFilter } from './missing-filter';
import { mysqlCharset } from './mysql-charset';
import { noEffectKey } from './no-effect-key';
import { sessionMemoryMultiWorker } from './session-memory-multi-worker';
import { shortTimeout } from './short-timeout';
import { sqliteMultiWorker } from './sqlite-multi-worker';
import { sqlitePoolOptions } from './sqlite-pool-options';
import { staticFilesBehindProxy } from './static-files-behind-proxy';
import { threadedWorker } from './threaded-worker';
import { unknownKey } from './unknown-key';
import { unknownServerKey } from './unknown-server-key';
import { unusedSuppression } from './unused-suppression';
import { uwsgiBoolInlineComment } from './uwsgi-bool-inline-comment';
import { uwsgiBufferSize } from './uwsgi-buffer-size';
import { uwsgiCheaper } from './uwsgi-cheaper';
import { uwsgiNotLazy } from './uwsgi-not-lazy';
import { duplicateKey } from './duplicate-key';
import { duplicateSection } from './duplicate-section';
import { indentedKey } from './indented-key';
import { inlineComment } from './inline-comment';
import { invalidLine } from './invalid-line';
import { missingSectionHeader } from './missing-section-header';
import { recursiveReference } from './recursive-reference';
import { undefinedReference } from './undefined-reference';
import { utf8Bom } from './utf8-bom';
import { fileTooLarge } from './file-too-large';
import { invalidEncoding } from './invalid-encoding';
import { internalError } from './internal-error';

export const RULES: readonly AnyRule[] = [
  // The file as a whole, before and around parsing.
  fileTooLarge,
  invalidEncoding,
  utf8Bom,
  // How Python's configparser reads the text.
  missingSectionHeader,
  invalidLine,
  duplicateSection,
  duplicateKey,
  badPercent,
  undefinedReference,
  recursiveReference,
  inlineComment,
  indentedKey,
  // Deployment: scaling out, servers, databases.
  sqliteMultiWorker,
  dataDirNotShared,
  instancesDisagree,
  dbConnectionBudget,
  staticFilesBehindProxy,
  threadedWorker,
  sessionMemoryMultiWorker,
  memoryCacheNoRecycle,
  uwsgiNotLazy,
  uwsgiBoolInlineComment,
  uwsgiCheaper,
  uwsgiBufferSize,
  unknownServerKey,
  devServer,
  shortTimeout,
  celeryBrokerNotShared,
  mysqlCharset,
  sqlitePoolOptions,
  // Security and startup correctness.
  debugEnabled,
  weakSecret,
  cookieSessionNoValidateKey,
  errorEmailIncomplete,
  prefixTrustsForwarded,
  loggingHereInterpolation,
  environKeyName,
  forwardedWithoutProxy,
  sessionNotSecure,
  smtpPlaintextCredentials,
  smtpModePort,
  missingRequiredKey,
  missingCacheRegion,
  ignoreAlembicRevision,
  issueTrackerIncomplete,
  urlFormat,
  sshConfig,
  uwsgiPythonInterpolation,
  uwsgiHookInterpreter,
  dbSettingInIni,
  authRetCode,
  i18nLang,
  // Values and keys.
  invalidBoolean,
  invalidInteger,
  invalidEnum,
  defaultShadowed,
  getUndefined,
  missingFilter,
  loggingReference,
  noEffectKey,
  deprecatedKey,
  // Last: gathers the version-only findings of the rules above in a file from an old release.
  legacyConfig,
  unknownKey,
  unusedSuppression,
  // Last: reports the checks above that failed on the file.
  internalError,
];

const byId = new Map(RULES.map((r) => [r.id, r]));

export function findRule(id: string): AnyRule | undefined {
  return byId.get(id);
}
