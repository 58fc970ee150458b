// The '%' constructs of a raw value as configparser's interpolation sees them:
// `%%` (a literal %), `%(name)s` (a reference) and anything else (an error).

/**
 * The end (past the `s`) of the `%(name)s` reference that starts at `at`, else -1.
 * configparser's pattern is `%\(([^)]+)\)s`: a name of at least one character up to the
 * first `)`, which must be followed by `s`. Found with two searches instead of a
 * regular expression, so that a scan makes no match objects.
 */
export function referenceEnd(value: string, at: number): number {
  if (value.charCodeAt(at + 1) !== 0x28 /* ( */) return -1;
  const close = value.indexOf(')', at + 2);
  return close > at + 2 && value.charCodeAt(close + 1) === 0x73 /* s */ ? close + 2 : -1;
}

export interface PercentToken {
  kind: 'escape' | 'reference' | 'bad';
  offset: number;
  length: number;
  /** For references: the name between the parentheses. */
  name?: string;
}

/** Every '%' construct in a raw value, left to right, for diagnostics, hovers and navigation. */
export function scanPercents(value: string): PercentToken[] {
  const tokens: PercentToken[] = [];
  let pos = 0;
  for (;;) {
    const p = value.indexOf('%', pos);
    if (p < 0) return tokens;
    if (value.charCodeAt(p + 1) === 0x25) {
      tokens.push({ kind: 'escape', offset: p, length: 2 });
      pos = p + 2;
      continue;
    }
    const end = referenceEnd(value, p);
    if (end > 0) {
      tokens.push({ kind: 'reference', offset: p, length: end - p, name: value.slice(p + 2, end - 2) });
      pos = end;
      continue;
    }
    tokens.push({ kind: 'bad', offset: p, length: badPercentEnd(value, p) - p });
    pos = p + 1;
  }
}

/** Where a bad '%' at `at` ends for a diagnostic: with the character after it, if any. */
export function badPercentEnd(value: string, at: number): number {
  return at + 1 < value.length ? at + 2 : at + 1;
}

/** The offset of the first '%' that is neither `%%` nor a reference, at or after `from`; -1 when none. */
export function nextBadPercent(value: string, from = 0): number {
  let pos = from;
  for (;;) {
    const p = value.indexOf('%', pos);
    if (p < 0) return -1;
    if (value.charCodeAt(p + 1) === 0x25) pos = p + 2;
    else {
      const end = referenceEnd(value, p);
      if (end < 0) return p;
      pos = end;
    }
  }
}
