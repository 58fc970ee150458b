import type { Rule } from '../analysis/diagnostics';
import { lineRange } from '../syntax/text';

// PasteDeploy opens the file without 'utf-8-sig', so the mark becomes part of the
// first line and configparser stops with MissingSectionHeaderError.
export const utf8Bom: Rule = {
  id: 'utf8-bom',
  category: 'file',
  severity: 'error',
  description: 'The file starts with a UTF-8 byte order mark; PasteDeploy cannot read it.',
  check({ model, report }) {
    if (!model.parsed.bom) return;
    report({
      range: lineRange(0, 0, model.parsed.lines.text(0).length),
      message:
        'The file starts with a UTF-8 byte order mark (BOM). Python reads it as text before the first section header, so Kallithea does not start. Save the file as UTF-8 without BOM.',
    });
  },
  // The mark is not part of the text an editor sends, so only a host that rewrites the file (the CLI's --fix) can apply this.
  fix() {
    return [{ title: 'Remove the byte order mark', edits: [], dropBom: true, safe: true, preferred: true }];
  },
};
