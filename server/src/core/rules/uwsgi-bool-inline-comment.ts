import { findKey } from '../catalog';
import type { Rule } from '../analysis/diagnostics';
import { moveToCommentLine } from '../edits/edits';
import { lineRange } from '../syntax/text';
import { uwsgiText } from '../catalog/values';

interface Data {
  line: number;
  /** End of the boolean word, where the trailing text starts being removed. */
  wordEnd: number;
  end: number;
  comment: string;
}

const OFF_WORD = /^(false|off|no|0)(?=[^A-Za-z0-9])/i;

export const uwsgiBoolInlineComment: Rule<Data> = {
  id: 'uwsgi-bool-inline-comment',
  category: 'deployment',
  severity: 'error',
  description: 'A uWSGI switch written `false ; note`, which uWSGI reads as on.',
  check({ deployment, report }) {
    for (const entry of deployment.uwsgi?.values() ?? []) {
      const info = findKey('uwsgi', entry.key);
      if (info?.type.kind !== 'bool') continue;
      const text = uwsgiText(entry.value);
      const m = OFF_WORD.exec(text);
      if (!m) continue;
      const part = entry.parts[0];
      const wordEnd = part.character + m[1].length;
      const end = part.character + part.text.length;
      const rest = part.text.slice(m[1].length).trim();
      report({
        range: entry.valueRange,
        message: `uWSGI does not strip comments: it reads "${entry.key}" as "${text}", which is not exactly "${m[1]}", so the option is ON. Put the note on a line of its own.`,
        data: { line: part.line, wordEnd, end, comment: rest.startsWith(';') || rest.startsWith('#') ? rest : `; ${rest}` } satisfies Data,
      });
    }
  },
  fix({ model, eol }, diagnostic) {
    const d = diagnostic.data;
    return [
      {
        title: 'Move the note to its own line (the option is then really off)',
        edits: moveToCommentLine(model.parsed, d.line, d.comment, lineRange(d.line, d.wordEnd, d.end), eol),
        preferred: true,
        safe: true,
      },
    ];
  },
};
