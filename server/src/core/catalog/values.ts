// How the programs that read a Kallithea config turn text into booleans and
// numbers. They disagree, and the disagreements are where configs break.

import type { BoolParser } from './types';
import { pyStrip } from '../syntax/text';

const TRUE = new Set(['true', 'yes', 'on', 'y', 't', '1']);
const FALSE = new Set(['false', 'no', 'off', 'n', 'f', '0']);
const WAITRESS_TRUE = new Set(['t', 'true', 'y', 'yes', 'on', '1']);
const UWSGI_FALSE = new Set(['false', 'off', 'no', '0']);

export type BoolReading = { ok: true; value: boolean } | { ok: false; reason: 'raises' | 'not-a-bool' };

/** What `parser` makes of `text`: a boolean, or the failure (raises at load, or silently not a bool). */
export function readBool(parser: BoolParser, text: string): BoolReading {
  const v = pyStrip(text).toLowerCase();
  switch (parser) {
    case 'tg':
    case 'paste':
    case 'beaker':
      if (TRUE.has(v)) return { ok: true, value: true };
      if (FALSE.has(v)) return { ok: true, value: false };
      return { ok: false, reason: 'raises' };
    case 'gunicorn':
      if (v === 'true') return { ok: true, value: true };
      if (v === 'false') return { ok: true, value: false };
      return { ok: false, reason: 'raises' };
    case 'waitress':
      return { ok: true, value: WAITRESS_TRUE.has(v) };
    case 'uwsgi':
      // uWSGI compares the whole text after '=' (spaces trimmed): "false ; x" is true.
      return { ok: true, value: !UWSGI_FALSE.has(uwsgiText(text).toLowerCase()) };
    case 'celery':
      if (v === 'true') return { ok: true, value: true };
      if (v === 'false') return { ok: true, value: false };
      return { ok: false, reason: 'not-a-bool' };
    case 'truthy':
      return { ok: true, value: text.length > 0 };
  }
}

/** The spellings a strict parser accepts, for messages and completion. */
export function boolSpellings(parser: BoolParser): string[] {
  if (parser === 'gunicorn' || parser === 'celery') return ['true', 'false'];
  if (parser === 'uwsgi') return ['true', 'false'];
  return ['true', 'false', 'yes', 'no', 'on', 'off', '1', '0'];
}

/** True when the text means "on" to the parser; invalid text counts as not on. */
export function isOn(parser: BoolParser, text: string | undefined): boolean {
  if (text === undefined) return false;
  const r = readBool(parser, text);
  return r.ok && r.value;
}

/** True only when the text is a valid "off" for the parser. */
export function isOff(parser: BoolParser, text: string | undefined): boolean {
  if (text === undefined) return false;
  const r = readBool(parser, text);
  return r.ok && !r.value;
}

/** uWSGI's view of a value: everything after '=', spaces and tabs trimmed (no comment stripping). */
export function uwsgiText(text: string): string {
  return text.replace(/^[ \t]+|[ \t]+$/g, '');
}

// Python's int(): optional sign, digits with single underscores between them, whitespace around.
const PY_INT = /^[+-]?\d+(?:_\d+)*$/;

/** Python int(text), or undefined where int() raises. */
export function pyInt(text: string): number | undefined {
  const t = pyStrip(text);
  return PY_INT.test(t) ? Number(t.replace(/_/g, '')) : undefined;
}

/** C atoi: leading whitespace, a sign, then digits until the first non-digit; 0 when none. */
export function atoi(text: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(text);
  return m ? Number(m[1]) : 0;
}

/** The leading integer uWSGI reads, and whether anything but a comment or spaces follows it. */
export function uwsgiInt(text: string): { value: number; clean: boolean } {
  const t = uwsgiText(text);
  return { value: atoi(t), clean: /^[+-]?\d+$/.test(t) };
}
