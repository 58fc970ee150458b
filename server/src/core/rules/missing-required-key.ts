import type { Rule, Severity } from '../diagnostics';
import { setKeyEdit } from '../edits';
import { sectionHeader } from './support';

/** Keys Kallithea's code reads without a default, what breaks without them, and the template value. */
const REQUIRED: { key: string; section: 'app' | 'alembic'; severity: Severity; breaks: string; value: string }[] = [
  { key: 'sqlalchemy.url', section: 'app', severity: 'error', breaks: 'Kallithea refuses to start (make_app requires it)', value: 'postgresql://kallithea:CHANGE-ME@localhost/kallithea' },
  { key: 'cache_dir', section: 'app', severity: 'error', breaks: 'background tasks that take a lock fail with KeyError, and sessions and caches have no folder', value: '%(here)s/data' },
  { key: 'index_dir', section: 'app', severity: 'warning', breaks: 'search pages and kallithea-cli index-create fail with KeyError', value: '%(here)s/data/index' },
  { key: 'cut_off_limit', section: 'app', severity: 'error', breaks: 'file pages fail with a TypeError and big diffs are never cut off', value: '256000' },
  { key: 'commit_parse_limit', section: 'app', severity: 'warning', breaks: 'the statistics task fails with a TypeError', value: '25' },
  { key: 'script_location', section: 'alembic', severity: 'warning', breaks: 'database upgrades with alembic -c fail', value: 'kallithea:alembic' },
];

export const missingRequiredKey: Rule = {
  id: 'missing-required-key',
  severity: 'error',
  description: 'A key Kallithea reads without a default (sqlalchemy.url, cache_dir, index_dir, cut_off_limit...) is missing.',
  check({ model, report }) {
    const app = model.appSection();
    if (!app) return;
    for (const req of REQUIRED) {
      // Present counts, even when its value is broken (other rules report that).
      if (req.section === 'app' ? model.appSetting(req.key) !== undefined : model.sections.get('alembic')?.has(req.key)) continue;
      const target = req.section === 'app' ? app : 'alembic';
      const header = sectionHeader(model.parsed, target) ?? sectionHeader(model.parsed, app)!;
      report({
        range: header.headerRange,
        message: `${req.key} is missing${req.section === 'alembic' ? (model.sections.has('alembic') ? ' from [alembic]' : ' (there is no [alembic] section)') : ''}: ${req.breaks}. The generated config uses ${req.key} = ${req.value}.`,
        severity: req.severity,
        data: { key: req.key, section: target, value: req.value },
      });
    }
  },
  fix({ model, eol }, diagnostic) {
    const { key, section, value } = diagnostic.data as { key: string; section: string; value: string };
    if (!model.sections.has(section)) {
      const last = model.parsed.lines.length - 1;
      const text = model.parsed.lines[last].text;
      const lead = text === '' ? '' : eol;
      return [{ title: `Add [${section}] with ${key} = ${value}`, edits: [{ range: { start: { line: last, character: text.length }, end: { line: last, character: text.length } }, newText: `${lead}${eol}[${section}]${eol}${key} = ${value}${eol}` }], preferred: true }];
    }
    const edit = setKeyEdit(model.parsed, section, key, value, eol);
    return edit ? [{ title: `Add ${key} = ${value}`, edits: [edit], preferred: true }] : [];
  },
};
