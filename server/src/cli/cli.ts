// kallithea-ini-lint: the same checks as the editor, from a terminal or CI.
//   node dist/cli.js [--format text|json|sarif] [--fix] [--upgrade] PATH...
// Exit status: 1 when an error-severity problem is found, 2 on bad usage or an
// unreadable file, 0 otherwise.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from '../core/analysis/diagnostics';
import { fixAll, upgradeText } from '../core/analysis/fixes';
import type { DeploymentSettings, LintEnvironment, Peer } from '../core/model/deployment';
import { lint, type RuleSetting } from '../core/analysis/lint';
import { findPeers } from '../core/model/workspace';
import { isListedFile } from '../core/model/detect';
import { mergeSettingLayers } from '../core/settings/project-file';
import { ProjectFiles } from '../host/project-files';
import { normalizeSettings, type ServerSettings } from '../core/settings/settings';
import { ConfigModel } from '../core/model/model';
import { parse } from '../core/syntax/parser';
import { findConfigs, readConfig } from '../host/config-files';
import { toJson, toSarif, toText, type FileReport } from './format';

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

const USAGE = `Usage: kallithea-ini-lint [--format text|json|sarif] [--fix] [--upgrade] PATH...

Checks Kallithea .ini files (PATH may be a file, or a folder searched for files
whose [app:main] says "use = egg:kallithea", or "egg:rhodecode" for old configs).

  --format FORMAT  text (default), json, or sarif (SARIF 2.1.0 for code scanning)
  --fix            apply every safe fix to the files, then report what is left
  --upgrade        rewrite configs from older releases (RhodeCode, Kallithea 0.1
                   to 0.6) for Kallithea 0.7: rename what 0.7 renamed, comment out
                   what it does not read, add what it needs; the changes are
                   listed on standard error, then what is left is reported
  --rule ID=LEVEL  set a rule's severity: error, warning, information, hint or off
  --worker-processes N
                   worker processes started outside the files (e.g. mod_wsgi)
  --behind-proxy   the site runs behind a reverse proxy
  --shared-data-dir DIR
                   the shared data directory the data-dir fix points at
  --instances GLOB[,GLOB...]
                   files that are instances of one site (repeatable, one group each)
  --config FILE    read settings from this project file instead of the
                   .kallithea-ini.json found from each config's folder upwards
  --no-config      read no project file
  --no-color       plain text even on a terminal (NO_COLOR does the same)
  -h, --help       show this help
  -v, --version    show the version

Exit status: 1 if any error is found, 2 on bad usage, an unreadable file or a
project file with mistakes, else 0.
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
  upgrade: boolean;
  color: boolean;
  paths: string[];
  rules: Record<string, RuleSetting>;
  deployment: DeploymentSettings;
  /** --config FILE, or false for --no-config; undefined: search upwards from each config. */
  config?: string | false;
}

const LEVELS = ['error', 'warning', 'information', 'hint', 'off'];

class UsageError extends Error {}

function parseArgs(argv: string[], io: CliIo): Options | 'help' | 'version' {
  const opts: Options = { format: 'text', fix: false, upgrade: false, color: io.isTty && !io.env.NO_COLOR, paths: [], rules: {}, deployment: {} };
  const valueOf = (arg: string, i: number): [string, number] => {
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) return [arg.slice(eq + 1), i];
    if (i + 1 >= argv.length) throw new UsageError(`${arg} needs a value`);
    return [argv[i + 1], i + 1];
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const name = arg.startsWith('--') && arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    if (name === '--rule') {
      let value;
      [value, i] = valueOf(arg, i);
      const m = /^([\w-]+)=(\w+)$/.exec(value);
      if (!m || !LEVELS.includes(m[2])) throw new UsageError(`--rule takes ID=LEVEL with LEVEL one of ${LEVELS.join(', ')}, not "${value}"`);
      opts.rules[m[1]] = m[2] as RuleSetting;
      continue;
    }
    if (name === '--worker-processes') {
      let value;
      [value, i] = valueOf(arg, i);
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) throw new UsageError(`--worker-processes takes a whole number from 1, not "${value}"`);
      opts.deployment.workerProcesses = n;
      continue;
    }
    if (name === '--shared-data-dir') {
      [opts.deployment.sharedDataDir, i] = valueOf(arg, i);
      continue;
    }
    if (name === '--instances') {
      let value;
      [value, i] = valueOf(arg, i);
      (opts.deployment.instances ??= []).push(value.split(',').filter(Boolean));
      continue;
    }
    if (name === '--config') {
      [opts.config, i] = valueOf(arg, i);
      continue;
    }
    if (arg === '--no-config') {
      opts.config = false;
      continue;
    }
    if (arg === '--behind-proxy') {
      opts.deployment.behindProxy = true;
      continue;
    }
    if (arg === '-h' || arg === '--help') return 'help';
    if (arg === '-v' || arg === '--version') return 'version';
    if (arg === '--fix') opts.fix = true;
    else if (arg === '--upgrade') opts.upgrade = true;
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

function lintFile(file: string, text: string, validUtf8: boolean, rules: Record<string, RuleSetting>, env: LintEnvironment): Diagnostic[] {
  const model = new ConfigModel(parse(text), { filePath: path.resolve(file) });
  const diagnostics = lint(model, { rules, env });
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

  // Settings: the project file of each config (or --config / --no-config), under the command-line flags.
  const projects = new ProjectFiles();
  const chosen = typeof opts.config === 'string' ? projects.read(path.resolve(opts.config)) : undefined;
  const projectOf = (file: string) => (opts.config === false ? undefined : (chosen ?? projects.forFile(file)));
  const flags = { rules: opts.rules, deployment: { workerProcesses: opts.deployment.workerProcesses, behindProxy: opts.deployment.behindProxy, instances: opts.deployment.instances }, sharedDataDir: opts.deployment.sharedDataDir, staticFilesPath: opts.deployment.staticFilesPath };
  const settingsOf = (file: string): ServerSettings => normalizeSettings(mergeSettingLayers(projectOf(path.resolve(file))?.settings, flags));

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
      const found = findConfigs(p, (file) => {
        const project = projectOf(path.resolve(file));
        return { listed: isListedFile(file, settingsOf(file).files), excluded: isListedFile(path.resolve(file), project?.exclude ?? []) };
      });
      if (found.length === 0) io.stderr(`kallithea-ini-lint: no Kallithea config (an .ini whose app section says "use = egg:kallithea" or "egg:rhodecode") in ${p}\n`);
      files.push(...found);
    } else files.push(p);
  }

  const inputs: { file: string; text: string; validUtf8: boolean }[] = [];
  for (const file of files) {
    const read = readConfig(file);
    if (!read) {
      io.stderr(`kallithea-ini-lint: cannot read ${file}\n`);
      unreadable = true;
      continue;
    }
    inputs.push({ file, ...read });
  }

  // Instances of one site are checked against each other, so every file is parsed first.
  const peersOf = () => {
    const all: Peer[] = inputs.map((i) => ({ path: path.resolve(i.file), model: new ConfigModel(parse(i.text), { filePath: path.resolve(i.file) }) }));
    return (index: number): LintEnvironment => {
      const deployment = settingsOf(inputs[index].file).deployment;
      return { settings: deployment, peers: findPeers(all[index], all, deployment) };
    };
  };
  if (opts.upgrade) {
    for (const input of inputs) {
      if (!input.validUtf8) continue;
      const upgraded = upgradeText(input.text, { filePath: path.resolve(input.file) });
      if (upgraded.refused) io.stderr(`kallithea-ini-lint: not upgrading ${input.file}: ${upgraded.refused}\n`);
      if (upgraded.text === input.text) continue;
      fs.writeFileSync(input.file, upgraded.text, 'utf8');
      input.text = upgraded.text;
      io.stderr(`kallithea-ini-lint: upgraded ${input.file} to Kallithea 0.7 (${upgraded.changes.length} changes):\n${upgraded.changes.map((c) => `  ${c}\n`).join('')}`);
    }
  }
  if (opts.fix) {
    const envFor = peersOf();
    inputs.forEach((input, index) => {
      if (!input.validUtf8) return;
      const fixed = fixAll(input.text, { filePath: path.resolve(input.file) }, { rules: settingsOf(input.file).rules, env: envFor(index) });
      // A BOM is never wanted: PasteDeploy cannot read a file that has one.
      const out = fixed.text.charCodeAt(0) === 0xfeff ? fixed.text.slice(1) : fixed.text;
      if (out !== input.text) {
        fs.writeFileSync(input.file, out, 'utf8');
        input.text = out;
      }
    });
  }
  const envFor = peersOf();
  const reports: FileReport[] = inputs.map((input, index) => ({
    file: input.file,
    diagnostics: lintFile(input.file, input.text, input.validUtf8, settingsOf(input.file).rules, envFor(index)),
  }));
  // A project file with mistakes is reported and exits 2, but every config is still checked with the rest of it.
  const broken = projects.all().filter((project) => project.errors.length > 0);
  for (const project of broken)
    for (const e of project.errors) io.stderr(`kallithea-ini-lint: ${project.path}:${e.range.start.line + 1}:${e.range.start.character + 1}: ${e.message}\n`);

  if (opts.format === 'json') io.stdout(JSON.stringify(toJson(reports), null, 2) + '\n');
  else if (opts.format === 'sarif') io.stdout(JSON.stringify(toSarif(reports, VERSION), null, 2) + '\n');
  else io.stdout(toText(reports, opts.color));

  if (unreadable || broken.length > 0) return 2;
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
