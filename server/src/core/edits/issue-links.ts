// Issue links before and after Kallithea 0.4. Before, a link's text was
// issue_prefix<suffix> followed by the pattern's groups joined together, and
// `{id}` in issue_server_link<suffix> stood for the same groups. Since 0.4 the text
// is issue_sub<suffix>, a substitution for the whole match (empty: the match as it
// is), and the link is expanded with the match's groups (`\1`, `\g<1>`), `{id}`
// being left as it is. A rename alone would turn every link text into the bare
// prefix and every URL into one ending in "{id}".

import type { TextEdit } from '../analysis/diagnostics';
import { renameKeyEdit, setValueEdit } from './edits';
import type { ConfigModel } from '../model/model';
import type { Entry } from '../syntax/parser';

/**
 * Visit the characters of a Python regex that are syntax: outside backslash escapes
 * and [character classes]. Returns false when a class is left open.
 */
export function walkRegex(pattern: string, visit: (c: string, i: number) => void): boolean {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else visit(c, i);
  }
  return !inClass;
}

/** How many capturing groups a Python regex has: `(`, `(?P<name>` and `(?<name>`. */
export function capturingGroups(pattern: string): number {
  let groups = 0;
  walkRegex(pattern, (c, i) => {
    if (c !== '(') return;
    const rest = pattern.slice(i + 1, i + 4);
    if (!rest.startsWith('?') || rest.startsWith('?P<') || (rest.startsWith('?<') && rest[2] !== '=' && rest[2] !== '!')) groups++;
  });
  return groups;
}

export interface IssuePrefixTranslation {
  edits: TextEdit[];
  /** issue_sub<suffix>, with the value it gets. */
  subKey: string;
  sub: string;
  /** The link line was changed too ({id} became the groups). */
  linkChanged: boolean;
}

/**
 * The 0.7 form of an issue_prefix<suffix> line: renamed to issue_sub<suffix> with the
 * prefix and the groups as its value, and `{id}` in the link replaced by the groups.
 * Undefined when it cannot be done safely (no pattern, issue_sub already set, a
 * value over several lines).
 */
export function translateIssuePrefix(model: ConfigModel, entry: Entry): IssuePrefixTranslation | undefined {
  const suffix = entry.key.slice('issue_prefix'.length);
  const section = model.sections.get(entry.section.name);
  const pattern = section?.get('issue_pat' + suffix);
  const subKey = 'issue_sub' + suffix;
  if (!pattern || section?.has(subKey) || entry.parts.length !== 1) return undefined;
  const groups = Array.from({ length: capturingGroups(pattern.value) }, (_, i) => `\\g<${i + 1}>`).join('');
  // match.expand() reads backslashes as escapes: a literal one in the prefix must be doubled.
  const sub = entry.value.replace(/\\/g, '\\\\') + groups;
  const edits = [renameKeyEdit(entry, subKey), setValueEdit(entry, sub)];
  const link = section?.get('issue_server_link' + suffix);
  const linkChanged = !!link && link.value.includes('{id}') && link.parts.length === 1;
  if (link && linkChanged) edits.push(setValueEdit(link, link.value.split('{id}').join(groups)));
  return { edits, subKey, sub, linkChanged };
}
