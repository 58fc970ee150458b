// kallithea-ini-lint fmt [--check] PATH...: the editor's formatter on files (see
// core/features/format.ts for what it changes and what it never does). --check
// changes nothing and exits 1 when a file would change, for CI and pre-commit.

import * as fs from 'node:fs';
import { formatText } from '../core/features/format';
import { isKallitheaConfig } from '../core/model/detect';
import { ParsedConfig } from '../core/syntax/parser';
import { findConfigs, readConfig } from '../host/config-files';
import type { CliIo } from './cli';

export const FMT_USAGE = `Usage: kallithea-ini-lint fmt [--check] PATH...

Formats Kallithea .ini files in place (PATH: a file, or a folder searched for
Kallithea configs): one space around "=" and none before ":" on key lines, no
whitespace at the end of lines, one blank line between sections. It never changes
a value as Python reads it, continuation lines, indentation or [uwsgi].

  --check   change nothing; list the files that would change and exit 1 if any
`;

export function runFmt(argv: string[], io: CliIo): number {
  if (argv.includes('-h') || argv.includes('--help')) return io.stdout(FMT_USAGE), 0;
  const check = argv.includes('--check');
  const unknown = argv.find((a) => a.startsWith('-') && a !== '--check');
  const paths = argv.filter((a) => !a.startsWith('-'));
  if (unknown || paths.length === 0) {
    io.stderr(`kallithea-ini-lint fmt: ${unknown ? `unknown option ${unknown}` : 'no PATH given'}\n\n${FMT_USAGE}`);
    return 2;
  }
  let failed = false;
  let changes = 0;
  for (const p of paths) {
    let files: string[];
    try {
      files = fs.statSync(p).isDirectory() ? findConfigs(p) : [p];
    } catch {
      io.stderr(`kallithea-ini-lint fmt: cannot read ${p}: no such file or folder\n`);
      failed = true;
      continue;
    }
    for (const file of files) {
      const read = readConfig(file);
      if (!read || !read.validUtf8) {
        io.stderr(`kallithea-ini-lint fmt: ${read ? `${file} is not valid UTF-8; left alone` : `cannot read ${file}`}\n`);
        failed = true;
        continue;
      }
      // Only Kallithea configs: pre-commit passes every .ini, and other programs read theirs with other parsers.
      if (!isKallitheaConfig(read.text)) continue;
      const formatted = formatText(new ParsedConfig(read.text));
      if (formatted === read.text) continue;
      changes++;
      if (check) io.stdout(`would reformat ${file}\n`);
      else {
        fs.writeFileSync(file, formatted, 'utf8');
        io.stdout(`formatted ${file}\n`);
      }
    }
  }
  if (failed) return 2;
  return check && changes > 0 ? 1 : 0;
}
