import type { Rule } from '../analysis/diagnostics';

// Only a host that reads the bytes itself can tell (the CLI); an editor has already
// decoded the file by the time the server sees it.
export const invalidEncoding: Rule = {
  id: 'invalid-encoding',
  category: 'file',
  severity: 'error',
  description: 'The file is not valid UTF-8, so Python stops reading it (reported by the CLI, which reads the bytes).',
  checkSource({ source, report }) {
    if (source.validUtf8 !== false) return;
    report({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: 'The file is not valid UTF-8. Python stops reading it with UnicodeDecodeError, so Kallithea does not start. Save it as UTF-8.',
    });
  },
};
