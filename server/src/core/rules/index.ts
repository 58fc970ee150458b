// Every rule the linter knows, in the order their diagnostics are listed.

import type { Rule } from '../diagnostics';
import { badPercent } from './bad-percent';
import { duplicateKey } from './duplicate-key';
import { duplicateSection } from './duplicate-section';
import { indentedKey } from './indented-key';
import { inlineComment } from './inline-comment';
import { invalidLine } from './invalid-line';
import { missingSectionHeader } from './missing-section-header';
import { recursiveReference } from './recursive-reference';
import { undefinedReference } from './undefined-reference';
import { utf8Bom } from './utf8-bom';

export const RULES: readonly Rule[] = [
  utf8Bom,
  missingSectionHeader,
  invalidLine,
  duplicateSection,
  duplicateKey,
  badPercent,
  undefinedReference,
  recursiveReference,
  inlineComment,
  indentedKey,
];

const byId = new Map(RULES.map((r) => [r.id, r]));

export function findRule(id: string): Rule | undefined {
  return byId.get(id);
}
