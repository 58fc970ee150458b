// The CLI's formats for CI services: GitHub Actions workflow commands (annotations
// on the pull request's lines) and GitLab Code Quality reports. Messages come from the
// rules, which mask secrets; file paths are relative to the working directory.

import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { Severity } from '../core/analysis/diagnostics';
import type { FileReport } from './format';

const GITHUB_COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** A file path as CI shows it: relative to the working directory, with '/'. */
function relativePath(file: string, cwd: string): string {
  return path.relative(cwd, path.resolve(file)).split(path.sep).join('/');
}

/** Workflow-command escaping: the message loses no character; a property value cannot end the property list. */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** One `::error file=...,line=...,col=...,endLine=...,endColumn=...,title=RULE::message` line per diagnostic. */
export function toGithub(reports: FileReport[], cwd = process.cwd()): string {
  const lines: string[] = [];
  for (const r of reports) {
    const file = escapeProperty(relativePath(r.file, cwd));
    for (const d of r.diagnostics) {
      const { start, end } = d.range;
      const where = `file=${file},line=${start.line + 1},col=${start.character + 1},endLine=${end.line + 1},endColumn=${end.character + 1}`;
      lines.push(`::${GITHUB_COMMAND[d.severity]} ${where},title=${escapeProperty(d.rule)}::${escapeData(d.message)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

const GITLAB_SEVERITY: Record<Severity, string> = { error: 'critical', warning: 'major', information: 'minor', hint: 'info' };

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number; end: number } };
}

/**
 * GitLab Code Quality: one issue per diagnostic. The fingerprint is made of the file,
 * the rule, the text of the line it is on and how many times the same rule found the
 * same line text before in that file, not of the line number: a finding keeps its
 * fingerprint when lines are added above it, so GitLab does not show it as new.
 */
export function toGitlab(reports: FileReport[], lineText: (file: string, line: number) => string, cwd = process.cwd()): CodeQualityIssue[] {
  const issues: CodeQualityIssue[] = [];
  for (const r of reports) {
    const file = relativePath(r.file, cwd);
    const seen = new Map<string, number>();
    for (const d of r.diagnostics) {
      const key = `${file}\u0000${d.rule}\u0000${lineText(r.file, d.range.start.line).trim()}`;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      issues.push({
        description: d.message,
        check_name: d.rule,
        fingerprint: createHash('sha256').update(`${key}\u0000${n}`).digest('hex').slice(0, 32),
        severity: GITLAB_SEVERITY[d.severity],
        location: { path: file, lines: { begin: d.range.start.line + 1, end: d.range.end.line + 1 } },
      });
    }
  }
  return issues;
}
