// How values appear in messages and hovers: on one line, shortened, and with
// secrets masked (passwords in URLs, secret keys), so that nothing a message shows
// or a log records gives a credential away.

import { findKey } from './';
import type { SectionKind } from './types';

const MASK = '••••••';

/**
 * Hide the password part of URLs such as postgresql://user:password@host/db.
 * A plain scan, linear in the text (a regular expression here backtracked badly on long values).
 */
export function maskUrlPasswords(text: string): string {
  let out = '';
  let from = 0;
  for (let i = text.indexOf('://'); i >= 0; i = text.indexOf('://', from)) {
    const start = i + 3;
    let end = start;
    while (end < text.length && !'/?# \t\n\r'.includes(text[end])) end++;
    const at = text.lastIndexOf('@', end - 1);
    const colon = at >= start ? text.indexOf(':', start) : -1;
    if (colon >= 0 && colon < at) {
      out += text.slice(from, colon + 1) + MASK;
      from = at;
    } else {
      out += text.slice(from, end);
      from = end;
    }
    if (from >= text.length) break;
  }
  return out + text.slice(from);
}

export function isSecretKey(kind: SectionKind, key: string): boolean {
  return !!findKey(kind, key)?.secret || /(^|[._-])(password|secret|passwd|encrypt_key|validate_key)$/i.test(key);
}

/** A value fit for a one-line message: secrets masked, line breaks shown, long text cut. */
export function displayValue(value: string, secret = false, max = 80): string {
  // A secret URL keeps its shape (useful to read) and loses only its password.
  if (secret && value !== '' && !/^\s*[A-Za-z][\w+.-]*:\/\//.test(value)) return MASK;
  let v = maskUrlPasswords(value).replace(/\r?\n/g, ' ⏎ ');
  if (v.length > max) v = v.slice(0, max - 1) + '…';
  return v;
}
