// configparser's BasicInterpolation, step for step: '%%' is a literal '%',
// '%(name)s' is replaced by the raw value of `name` (itself interpolated, in the
// same scope), and any other '%' is an error. Nesting deeper than 10 levels is an
// error too, which is how reference cycles fail in Python.

import type { Entry } from '../syntax/parser';
import { badPercentEnd, referenceEnd } from '../syntax/percents';

/** configparser.MAX_INTERPOLATION_DEPTH */
export const MAX_INTERPOLATION_DEPTH = 10;

export interface Binding {
  value: string;
  /** The line that defines it; absent for PasteDeploy's built-in `here` and `__file__`. */
  entry?: Entry;
}

export type Lookup = (name: string) => Binding | undefined;

export type InterpolationErrorKind = 'syntax' | 'missing' | 'depth';

export interface InterpolationError {
  kind: InterpolationErrorKind;
  /** For 'missing': the name that no key in scope has. */
  name?: string;
  /** Where the offending text is: the value it stands in and its offset there. */
  origin: { entry?: Entry; offset: number; length: number };
}

export type InterpolationResult = { ok: true; value: string } | { ok: false; error: InterpolationError };


export function interpolate(value: string, lookup: Lookup, entry?: Entry): InterpolationResult {
  const out: string[] = [];
  const error = interpolateSome(value, entry, lookup, out, 1);
  return error ? { ok: false, error } : { ok: true, value: out.join('') };
}

function interpolateSome(
  rest: string,
  entry: Entry | undefined,
  lookup: Lookup,
  out: string[],
  depth: number,
): InterpolationError | undefined {
  if (depth > MAX_INTERPOLATION_DEPTH) return { kind: 'depth', origin: { entry, offset: 0, length: rest.length } };
  let pos = 0;
  while (pos < rest.length) {
    const p = rest.indexOf('%', pos);
    if (p < 0) {
      out.push(rest.slice(pos));
      return undefined;
    }
    if (p > pos) out.push(rest.slice(pos, p));
    const next = rest.charCodeAt(p + 1);
    if (next === 0x25 /* % */) {
      out.push('%');
      pos = p + 2;
    } else if (next === 0x28 /* ( */) {
      const end = referenceEnd(rest, p);
      if (end < 0) return { kind: 'syntax', origin: { entry, offset: p, length: 2 } };
      const name = rest.slice(p + 2, end - 2);
      const found = lookup(name);
      if (!found) return { kind: 'missing', name, origin: { entry, offset: p, length: end - p } };
      if (found.value.includes('%')) {
        const error = interpolateSome(found.value, found.entry, lookup, out, depth + 1);
        if (error) {
          // Python blames the reference that went too deep, not the innermost text.
          if (error.kind === 'depth' && depth === 1) error.origin = { entry, offset: p, length: end - p };
          return error;
        }
      } else {
        out.push(found.value);
      }
      pos = end;
    } else {
      return { kind: 'syntax', origin: { entry, offset: p, length: badPercentEnd(rest, p) - p } };
    }
  }
  return undefined;
}
