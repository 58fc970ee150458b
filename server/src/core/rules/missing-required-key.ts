import type { Rule } from '../analysis/diagnostics';
import { renameKeyEdit, setKeyEdit } from '../edits/edits';
import { generationOf, olderThan } from '../model/generation';
import { REQUIRED } from '../catalog/required-keys';
import { entryAt, sectionHeader } from './support';


export const missingRequiredKey: Rule<{ key: string; section: string; value: string; renameLine?: number }> = {
  id: 'missing-required-key',
  category: 'startup',
  severity: 'error',
  description: 'A key Kallithea reads without a default is missing.',
  check({ model, report }) {
    const app = model.appSection();
    if (!app) return;
    const generation = generationOf(model).id;
    for (const req of REQUIRED) {
      // Present counts, even when its value is broken (other rules report that).
      if (req.section === 'app' ? model.appSetting(req.key) !== undefined : model.sections.get('alembic')?.has(req.key)) continue;
      const target = req.section === 'app' ? app : 'alembic';
      const header = sectionHeader(model.parsed, target) ?? sectionHeader(model.parsed, app)!;
      const where = req.section === 'alembic' ? (model.sections.has('alembic') ? ' from [alembic]' : ' (there is no [alembic] section)') : '';
      // Releases before 0.4 named the database sqlalchemy.db1.url: a rename, not a new value.
      const oldName = req.key === 'sqlalchemy.url' ? model.appSetting('sqlalchemy.db1.url')?.entry : undefined;
      report({
        range: header.headerRange,
        message: oldName
          ? `sqlalchemy.url is missing: ${req.breaks}. This file names its database in sqlalchemy.db1.url (line ${oldName.keyRange.start.line + 1}), which only releases before 0.4 read; rename that key.`
          : `${req.key} is missing${where}: ${req.breaks}. The generated config uses ${req.key} = ${req.value}.`,
        severity: req.severity,
        versionOnly: oldName !== undefined || (req.since !== undefined && olderThan(generation, req.since)),
        data: { key: req.key, section: target, value: req.value, renameLine: oldName?.keyRange.start.line },
      });
    }
  },
  fix({ model, eol }, diagnostic) {
    const { key, section, value, renameLine } = diagnostic.data;
    const old = renameLine !== undefined ? entryAt(model, renameLine) : undefined;
    if (old) return [{ title: `Rename ${old.key} to ${key}`, edits: [renameKeyEdit(old, key)], preferred: true }];
    if (!model.sections.has(section)) {
      const last = model.parsed.lines.length - 1;
      const text = model.parsed.lines.text(last);
      const lead = text === '' ? '' : eol;
      return [{ title: `Add [${section}] with ${key} = ${value}`, edits: [{ range: { start: { line: last, character: text.length }, end: { line: last, character: text.length } }, newText: `${lead}${eol}[${section}]${eol}${key} = ${value}${eol}` }], preferred: true }];
    }
    const edit = setKeyEdit(model.parsed, section, key, value, eol);
    return edit ? [{ title: `Add ${key} = ${value}`, edits: [edit], preferred: true }] : [];
  },
};
