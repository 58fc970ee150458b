import type { Rule, TextEdit } from '../analysis/diagnostics';
import { walkRegex } from '../edits/issue-links';
import { insertAfterEntry } from './support';

/** A rough check for Python regexes that cannot compile: unbalanced parentheses or brackets. */
function unbalanced(re: string): boolean {
  let depth = 0;
  let negative = false;
  const closed = walkRegex(re, (c) => {
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) negative = true;
  });
  return negative || depth !== 0 || !closed;
}

export const issueTrackerIncomplete: Rule<{ line: number; missing: string[] } | undefined> = {
  id: 'issue-tracker-incomplete',
  category: 'startup',
  severity: 'warning',
  description: '`issue_pat<suffix>` without `issue_server_link<suffix>`/`issue_sub<suffix>`, or a pattern that cannot compile.',
  check({ model, report }) {
    const app = model.appSection();
    const entries = app ? model.sections.get(app)! : undefined;
    if (!entries) return;
    for (const key of entries.keys()) {
      // By name first: an app section has hundreds of keys and rarely an issue pattern.
      if (!key.startsWith('issue_pat')) continue;
      const entry = entries.get(key)!;
      const suffix = key.slice('issue_pat'.length);
      const missing = ['issue_server_link', 'issue_sub'].map((k) => k + suffix).filter((k) => !entries.has(k));
      // Before 0.4 the link text came from issue_prefix<suffix>, which the upgrade renames to issue_sub<suffix>.
      const oldStyle = missing.length === 1 && missing[0].startsWith('issue_sub') && entries.has('issue_prefix' + suffix);
      if (missing.length)
        report({
          range: entry.keyRange,
          message: `${key} needs ${missing.join(' and ')} too (issue_sub may be empty): without ${missing.length > 1 ? 'them' : 'it'} Kallithea skips this pattern and logs an error, so no issue links appear.`,
          versionOnly: oldStyle,
          data: { line: entry.keyRange.start.line, missing },
        });
      else if (unbalanced(entry.value))
        report({ range: entry.valueRange, message: `The pattern of ${key} has unbalanced parentheses or brackets, so Python cannot compile it: Kallithea skips it and logs an error.` });
    }
  },
  fix({ model, eol }, diagnostic) {
    if (!diagnostic.data) return []; // an unbalanced pattern: only a person can repair it
    const { line, missing } = diagnostic.data;
    const entry = model.parsed.ownerAt(line);
    if (!entry || !('key' in entry)) return [];
    const edits: TextEdit[] = missing.map((k) => insertAfterEntry(model.parsed, entry, k, k.startsWith('issue_sub') ? '' : 'https://issues.example.com/{repo}/issue/\\1', eol));
    return [{ title: `Add ${missing.join(' and ')}`, edits, preferred: true }];
  },
};
