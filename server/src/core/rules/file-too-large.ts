import type { Rule } from '../analysis/diagnostics';

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

// Real Kallithea configs are well under 100 KB; a file over the limit (the
// `maxFileSize` setting) is left unparsed so that the editor never waits on it.
export const fileTooLarge: Rule = {
  id: 'file-too-large',
  category: 'file',
  severity: 'information',
  description: 'The file is over the `maxFileSize` limit (8 MB by default), so it is not analysed.',
  checkSource({ source, maxFileSize, report }) {
    if (source.text.length <= maxFileSize) return;
    report({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: `This file is ${mb(source.text.length)} MB, over the ${mb(maxFileSize)} MB limit of Kallithea INI (setting kallithea.maxFileSize), so it is not analysed: file too large for full analysis. Kallithea configs are normally well under 100 KB.`,
    });
    return 'stop';
  },
};
