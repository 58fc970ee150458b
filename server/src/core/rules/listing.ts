// The rule metadata as documents: the README's rule table and the header of each
// rule's docs page are generated from here (a test fails when they differ), and
// `--list-rules` prints the same facts.

import type { AnyRule, RuleCategory, Severity } from '../analysis/diagnostics';
import { RULES } from './index';

export interface RuleInfo {
  id: string;
  severity: Severity;
  category: RuleCategory;
  /** It has a quick fix (`--fix` applies those marked safe). */
  fixable: boolean;
  /** One line of Markdown. */
  description: string;
  /** Where its page is (a file: URI of the installed page, or the page's path in the repository). */
  docs: string;
}

export function ruleInfo(rule: AnyRule, docs: (id: string) => string = (id) => `docs/rules/${id}.md`): RuleInfo {
  return { id: rule.id, severity: rule.severity, category: rule.category, fixable: rule.fix !== undefined, description: rule.description, docs: docs(rule.id) };
}

export function ruleInfos(docs?: (id: string) => string): RuleInfo[] {
  return RULES.map((r) => ruleInfo(r, docs));
}

/** The README's table of rules, in the order of the rule list. */
export function rulesTable(): string {
  const rows = RULES.map((r) => `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.category} | ${r.severity} | ${r.fix ? 'yes' : ''} | ${r.description} |`);
  return ['| Rule | Category | Severity | Fix | What it finds |', '| --- | --- | --- | --- | --- |', ...rows].join('\n') + '\n';
}

/** The first lines of a rule's page: its id, its facts, and its one-line description. */
export function docsPageHeader(rule: AnyRule): string {
  return `# \`${rule.id}\`\n\n**Category:** ${rule.category} · **Default severity:** ${rule.severity} · **Quick fix:** ${rule.fix ? 'yes' : 'no'}\n\n${rule.description}\n`;
}
