import type { KeyInfo } from '../catalog/types';
import { missingTaskModules, replacementKey } from '../catalog/renames';
import type { Fix, Rule, RuleContext, Severity } from '../analysis/diagnostics';
import { renameKeyEdit } from '../edits/edits';
import { translateIssuePrefix } from '../edits/issue-links';
import type { ConfigModel } from '../model/model';
import type { Entry } from '../syntax/parser';
import { commentOutEntry, entryAt, keyFacts } from './support';

interface Data {
  line: number;
  newKey?: string;
}

export const deprecatedKey: Rule<Data> = {
  id: 'deprecated-key',
  category: 'values',
  severity: 'warning',
  description: 'A key from an older Kallithea, RhodeCode, Celery or Pylons that 0.7 no longer reads (`beaker.session.*`, which still works: information).',
  scope: 'section',
  check({ model, focus, report }) {
    const facts = keyFacts(model, focus);
    for (const { entry, info } of facts.deprecated) reportOldKey(model, entry, info, report);
    for (const entry of facts.celeryImports) reportOldTaskModules(entry, report);
  },
  fix({ model }, diagnostic) {
    const { line, newKey } = diagnostic.data;
    const entry = entryAt(model, line);
    if (!entry) return [];
    const fixes: Fix[] = [];
    // issue_prefix is not a plain rename: the link text and URL are written another way since 0.4.
    const issue = entry.key.startsWith('issue_prefix') ? translateIssuePrefix(model, entry) : undefined;
    if (issue) fixes.push({ title: `Replace with ${issue.subKey} = ${issue.sub}${issue.linkChanged ? ' (and {id} in the link)' : ''}`, edits: issue.edits, preferred: true });
    else if (newKey) fixes.push({ title: `Rename to "${newKey}"`, edits: [renameKeyEdit(entry, newKey)], preferred: true });
    fixes.push({ title: `Comment out "${entry.key}"`, edits: commentOutEntry(model.parsed, entry) });
    return fixes;
  },
};

type Reporter = RuleContext<Data>['report'];

function reportOldKey(model: ConfigModel, entry: Entry, info: KeyInfo, report: Reporter): void {
  const old = info.deprecated!;
  const newKey = replacementKey(entry, info);
  const taken = newKey !== undefined && model.sections.get(entry.section.name)?.has(newKey);
  const use = newKey ? ` Use "${newKey}"${taken ? ', which this section already sets' : ''}.` : '';
  // beaker.session.* still does its job in 0.7: advice, not a broken line.
  const severity: Severity | undefined = old.stillWorks ? 'information' : undefined;
  report({
    range: entry.keyRange,
    message: old.stillWorks ? `"${entry.key}" still works, but it is an old name: ${old.message}${use}` : `"${entry.key}" is no longer supported: ${old.message}${use}`,
    severity,
    tags: ['deprecated'],
    versionOnly: true,
    data: { line: entry.keyRange.start.line, newKey: taken ? undefined : newKey },
  });
}

function reportOldTaskModules(entry: Entry, report: Reporter): void {
  const missing = missingTaskModules(entry.value);
  if (missing.length === 0) return;
  report({
    range: entry.valueRange,
    message: `celery.imports names ${missing.join(', ')}, which Kallithea 0.7 does not have: Celery workers fail to import ${missing.length > 1 ? 'them' : 'it'}. Kallithea 0.7 registers its own task modules; remove the line.`,
    versionOnly: true,
    data: { line: entry.keyRange.start.line },
  });
}

/** issue_prefix_wiki with pattern name issue_prefix<suffix> and replacement issue_sub<suffix> gives issue_sub_wiki. */
