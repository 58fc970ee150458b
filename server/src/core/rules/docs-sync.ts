// Where the generated parts sit in the documents, so that the docs script can
// replace them and the docs test can compare them: the README's rule table
// (between two marker comments), and a rule page's header (everything before its
// first `## ` heading).

const TABLE_START = '<!-- rules-table';
const TABLE_END = '<!-- /rules-table -->';

/** The README with the table between the markers replaced by `table`. */
export function replaceRulesTable(readme: string, table: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`The README has no rule table between "${TABLE_START} ..." and "${TABLE_END}".`);
  const afterMarker = readme.indexOf('\n', start) + 1;
  return readme.slice(0, afterMarker) + table + readme.slice(end);
}

/** A rule page with everything before its first `## ` heading replaced by `header`. */
export function replacePageHeader(page: string, header: string): string {
  const body = page.indexOf('\n## ');
  return header + '\n' + (body < 0 ? '' : page.slice(body + 1));
}
