import type { Rule } from '../analysis/diagnostics';

// The engine catches a rule that throws and lists it in ctx.failures; this rule,
// last in the list, says which ones failed, so that one bug never hides the rest.
export const internalError: Rule = {
  id: 'internal-error',
  category: 'file',
  severity: 'hint',
  description: 'A check of this extension failed on the file; the other checks still ran. Please report it.',
  check({ failures, report }) {
    for (const failure of failures) {
      report({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        message: `The check "${failure.rule}" failed on this file (${failure.message}). Please report it.`,
      });
    }
  },
};
