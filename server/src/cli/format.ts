// The CLI's three output formats: compiler-style text, JSON, and SARIF 2.1.0.

import * as path from 'node:path';
import type { Diagnostic, Severity } from '../core/analysis/diagnostics';
import { markdownToPlainText } from '../core/features/markdown';
import { RULES } from '../core/rules';
import { ruleInfos, rulesTable } from '../core/rules/listing';
import { ruleDocsPage, ruleDocsUri } from '../host/rule-docs';

export interface FileReport {
  file: string;
  diagnostics: Diagnostic[];
}

export interface JsonDiagnostic {
  rule: string;
  severity: Severity;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** Other places the finding is about (legacy-config lists the findings it gathers here). */
  related?: { line: number; column: number; message: string }[];
}

const oneBased = (r: Diagnostic['range']) => ({ line: r.start.line + 1, column: r.start.character + 1 });

export function toJson(reports: FileReport[]): { file: string; diagnostics: JsonDiagnostic[] }[] {
  return reports.map((r) => ({
    file: r.file,
    diagnostics: r.diagnostics.map((d) => ({
      rule: d.rule,
      severity: d.severity,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      message: d.message,
      ...(d.related?.length ? { related: d.related.map((x) => ({ ...oneBased(x.range), message: x.message })) } : {}),
    })),
  }));
}

const COLORS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', information: '\x1b[36m', hint: '\x1b[90m' };
const BOLD = '\x1b[1m';
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

export function toText(reports: FileReport[], color: boolean): string {
  const paint = (code: string, s: string) => (color ? code + s + RESET : s);
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of reports) {
    for (const d of r.diagnostics) {
      counts[d.severity]++;
      const where = paint(BOLD, `${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1}`);
      lines.push(`${where}: ${paint(COLORS[d.severity], d.severity)}: ${d.message} ${paint(DIM, `[${d.rule}]`)}`);
      // Notes under the finding, as compilers print them.
      for (const x of d.related ?? []) lines.push(`  ${paint(DIM, `${r.file}:${x.range.start.line + 1}:${x.range.start.character + 1}: note:`)} ${x.message}`);
    }
  }
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const files = reports.length === 1 ? '1 file' : `${reports.length} files`;
  lines.push(
    total === 0
      ? `${files} checked, no problems found.`
      : `${files} checked: ${total} problem${total === 1 ? '' : 's'} (${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.information} information, ${counts.hint} hint${counts.hint === 1 ? '' : 's'}).`,
  );
  return lines.join('\n') + '\n';
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function toSarif(reports: FileReport[], version: string, cwd = process.cwd()): object {
  const ruleIds = [...new Set([...RULES.map((r) => r.id), ...reports.flatMap((r) => r.diagnostics.map((d) => d.rule))])];
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const described = new Map(RULES.map((r) => [r.id, r]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kallithea-ini',
            version,
            informationUri: 'https://github.com/kallithea-ini/kallithea-ini',
            rules: ruleIds.map((id) => {
              const rule = described.get(id);
              // The rule's page travels inline, since code scanning shows `help` and no public page exists.
              const page = ruleDocsPage(id);
              return {
                id,
                shortDescription: { text: rule ? markdownToPlainText(rule.description) : id },
                ...(rule ? { fullDescription: { text: markdownToPlainText(rule.description), markdown: rule.description } } : {}),
                ...(page ? { help: { text: markdownToPlainText(page), markdown: page } } : {}),
                defaultConfiguration: { level: SARIF_LEVEL[rule?.severity ?? 'warning'] },
                ...(rule ? { properties: { category: rule.category, fixable: rule.fix !== undefined } } : {}),
              };
            }),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: reports.flatMap((r) =>
          r.diagnostics.map((d) => ({
            ruleId: d.rule,
            ruleIndex: index.get(d.rule),
            level: SARIF_LEVEL[d.severity],
            message: { text: d.message },
            locations: [{ physicalLocation: sarifLocation(toSarifUri(r.file, cwd), d.range) }],
            ...(d.related?.length
              ? { relatedLocations: d.related.map((x, id) => ({ id, message: { text: x.message }, physicalLocation: sarifLocation(toSarifUri(r.file, cwd), x.range) })) }
              : {}),
          })),
        ),
      },
    ],
  };
}

function sarifLocation(uri: string, range: Diagnostic['range']) {
  return {
    artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
    region: { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 },
  };
}

/** Paths relative to the working directory, with '/' separators and URI escaping, as code scanning expects. */
function toSarifUri(file: string, cwd: string): string {
  const rel = path.relative(cwd, path.resolve(file)).split(path.sep).join('/');
  return rel
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

/** `--list-rules`: every rule with its metadata, as aligned text, JSON, or the README's Markdown table. */
export function listRules(format: 'text' | 'json' | 'markdown'): string {
  if (format === 'markdown') return rulesTable();
  const infos = ruleInfos((id) => ruleDocsUri(id) ?? `docs/rules/${id}.md`);
  if (format === 'json') return JSON.stringify(infos.map(({ id, severity, category, fixable, description, docs }) => ({ id, severity, category, fixable, description, docs })), null, 2) + '\n';
  const width = Math.max(...infos.map((r) => r.id.length));
  return infos.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(11)}  ${r.category.padEnd(10)}  ${r.fixable ? 'fix' : '   '}  ${markdownToPlainText(r.description)}`).join('\n') + '\n';
}
