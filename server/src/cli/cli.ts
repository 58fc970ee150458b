// kallithea-ini-lint: the same checks as the editor, from a terminal or CI.
//   node dist/cli.js [--format text|json|sarif] [--fix] PATH...
// Exit status: 1 when an error-severity problem is found, 2 on bad usage or an
// unreadable file, 0 otherwise.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from '../core/diagnostics';
import { fixAll } from '../core/fixes';
import { lint } from '../core/lint';
import { ConfigModel } from '../core/model';
import { parse } from '../core/parser';
import { findConfigs, readConfig } from './files';
import { toJson, toSarif, toText, type FileReport } from './format';

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

const USAGE = `Usage: kallithea-ini-lint [--format text|json|sarif] [--fix] PATH...

Checks Kallithea .ini files (PATH may be a file, or a folder searched for files
whose [app:main] says "use = egg:kallithea").

  --format FORMAT  text (default), json, or sarif (SARIF 2.1.0 for code scanning)
  --fix            apply every safe fix to the files, then report what is left
  --no-color       plain text even on a terminal (NO_COLOR does the same)
  -h, --help       show this help
  -v, --version    show the version

Exit status: 1 if any error is found, 2 on bad usage or an unreadable file, else 0.
`;

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTty: boolean;
  env: NodeJS.ProcessEnv;
}

interface Options {
  format: 'text' | 'json' | 'sarif';
  fix: boolean;
  color: boolean;
  paths: string[];
}

class UsageError extends Error {}

function parseArgs(argv: string[], io: CliIo): Options | 'help' | 'version' {
  const opts: Options = { format: 'text', fix: false, color: io.isTty && !io.env.NO_COLOR, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') return 'help';
    if (arg === '-v' || arg === '--version') return 'version';
    if (arg === '--fix') opts.fix = true;
    else if (arg === '--no-color') opts.color = false;
    else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? argv[++i] : arg.slice('--format='.length);
      if (value !== 'text' && value !== 'json' && value !== 'sarif') throw new UsageError(`--format takes text, json or sarif, not "${value ?? ''}"`);
      opts.format = value;
    } else if (arg === '--') opts.paths.push(...argv.slice(i + 1)), (i = argv.length);
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else opts.paths.push(arg);
  }
  if (opts.paths.length === 0) throw new UsageError('no PATH given');
  return opts;
}

function lintFile(file: string, text: string, validUtf8: boolean): Diagnostic[] {
  const model = new ConfigModel(parse(text), { filePath: path.resolve(file) });
  const diagnostics = lint(model);
  if (!validUtf8) {
    diagnostics.unshift({
      rule: 'invalid-encoding',
      severity: 'error',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: 'The file is not valid UTF-8. Python stops reading it with UnicodeDecodeError, so Kallithea does not start. Save it as UTF-8.',
    });
  }
  return diagnostics;
}

export function run(argv: string[], io: CliIo): number {
  let opts: Options | 'help' | 'version';
  try {
    opts = parseArgs(argv, io);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`kallithea-ini-lint: ${err.message}\n\n${USAGE}`);
    return 2;
  }
  if (opts === 'help') return io.stdout(USAGE), 0;
  if (opts === 'version') return io.stdout(VERSION + '\n'), 0;

  const files: string[] = [];
  let unreadable = false;
  for (const p of opts.paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      io.stderr(`kallithea-ini-lint: cannot read ${p}: no such file or folder\n`);
      unreadable = true;
      continue;
    }
    if (stat.isDirectory()) {
      const found = findConfigs(p);
      if (found.length === 0) io.stderr(`kallithea-ini-lint: no Kallithea config (an .ini whose app section says "use = egg:kallithea") in ${p}\n`);
      files.push(...found);
    } else files.push(p);
  }

  const reports: FileReport[] = [];
  for (const file of files) {
    const read = readConfig(file);
    if (!read) {
      io.stderr(`kallithea-ini-lint: cannot read ${file}\n`);
      unreadable = true;
      continue;
    }
    let { text } = read;
    if (opts.fix && read.validUtf8) {
      const fixed = fixAll(text, { filePath: path.resolve(file) });
      // A BOM is never wanted: PasteDeploy cannot read a file that has one.
      const out = fixed.text.charCodeAt(0) === 0xfeff ? fixed.text.slice(1) : fixed.text;
      if (out !== text) {
        fs.writeFileSync(file, out, 'utf8');
        text = out;
      }
    }
    reports.push({ file, diagnostics: lintFile(file, text, read.validUtf8) });
  }

  if (opts.format === 'json') io.stdout(JSON.stringify(toJson(reports), null, 2) + '\n');
  else if (opts.format === 'sarif') io.stdout(JSON.stringify(toSarif(reports, VERSION), null, 2) + '\n');
  else io.stdout(toText(reports, opts.color));

  if (unreadable) return 2;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

if (require.main === module) {
  const code = run(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTty: !!process.stdout.isTTY,
    env: process.env,
  });
  process.exitCode = code;
}
