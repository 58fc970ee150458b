// The '%' constructs of a raw value as configparser's interpolation sees them:
// `%%` (a literal %), `%(name)s` (a reference) and anything else (an error).

/** `%(name)s` at lastIndex (sticky: set lastIndex, then exec). */
export const REFERENCE = /%\(([^)]+)\)s/y;

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
    const next = value.charCodeAt(p + 1);
    if (next === 0x25) {
      tokens.push({ kind: 'escape', offset: p, length: 2 });
      pos = p + 2;
      continue;
    }
    if (next === 0x28) {
      REFERENCE.lastIndex = p;
      const m = REFERENCE.exec(value);
      if (m) {
        tokens.push({ kind: 'reference', offset: p, length: m[0].length, name: m[1] });
        pos = p + m[0].length;
        continue;
      }
    }
    tokens.push({ kind: 'bad', offset: p, length: p + 1 < value.length ? 2 : 1 });
    pos = p + 1;
  }
}
