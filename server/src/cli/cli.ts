// kallithea-ini-lint: the same checks as the editor, from a terminal or CI.
//   node dist/cli.js [--format text|json|sarif] [--fix] [--upgrade] PATH...
//   node dist/cli.js --compare [--format text|json] PATH...
//   node dist/cli.js --list-rules [--format text|json|markdown]
//   node dist/cli.js scale-out --hosts H,H --workers N --server S ... --out DIR FILE
//   node dist/cli.js fmt [--check] PATH...
// Exit status: 1 when an error-severity problem is found, 2 on bad usage or an
// unreadable file, 0 otherwise.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintFile, openFile, type OpenedFile } from '../core/analysis/analysis';
import { fixAll, upgradeText } from '../core/analysis/fixes';
import type { LintEnvironment, Peer } from '../core/model/deployment';
import { isListedFile } from '../core/model/detect';
import { findPeers } from '../core/model/workspace';
import { compareInstances } from '../core/model/site';
import { mergeSettingLayers } from '../core/settings/project-file';
import { normalizeSettings, type ServerSettings } from '../core/settings/settings';
import { decodeConfig, findConfigs, readConfig } from '../host/config-files';
import { ProjectFiles } from '../host/project-files';
import { parseArgs, USAGE, UsageError, type Options } from './args';
import { listRules, toJson, toSarif, toText, type FileReport } from './format';
import { toGithub, toGitlab } from './ci-formats';
import { unifiedDiff } from './diff';
import { comparisonText } from '../core/features/compare-view';
import { runScaleOut } from './scale-out';
import { runFmt } from './fmt';

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTty: boolean;
  env: NodeJS.ProcessEnv;
  /** The bytes of standard input (for the path `-`). */
  readStdin?: () => Buffer;
}

interface Input {
  /** The name reported (for standard input: --stdin-filename, or <stdin>). */
  file: string;
  /** Read from standard input: never rewritten. */
  stdin?: boolean;
  text: string;
  validUtf8: boolean;
  /** The current text as read: parsed once per version of the text. */
  opened: OpenedFile;
}

export function run(argv: string[], io: CliIo): number {
  if (argv[0] === 'scale-out') return runScaleOut(argv.slice(1), io);
  if (argv[0] === 'fmt') return runFmt(argv.slice(1), io);
  let opts: Options | 'help' | 'version';
  try {
    opts = parseArgs(argv, io.isTty && !io.env.NO_COLOR);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`kallithea-ini-lint: ${err.message}\n\n${USAGE}`);
    return 2;
  }
  if (opts === 'help') return io.stdout(USAGE), 0;
  if (opts === 'version') return io.stdout(VERSION + '\n'), 0;
  if (opts.listRules) return io.stdout(listRules(opts.format === 'json' ? 'json' : opts.format === 'markdown' ? 'markdown' : 'text')), 0;
  const options = opts;

  // Settings: the project file of each config (or --config / --no-config), under the command-line flags.
  const projects = new ProjectFiles();
  const chosen = typeof options.config === 'string' ? projects.read(path.resolve(options.config)) : undefined;
  const projectOf = (file: string) => (options.config === false ? undefined : (chosen ?? projects.forFile(file)));
  const { workerProcesses, behindProxy, instances, databaseMaxConnections, sharedDataDir, staticFilesPath } = options.deployment;
  const flags = { rules: options.rules, deployment: { workerProcesses, behindProxy, instances, databaseMaxConnections }, sharedDataDir, staticFilesPath };
  const settingsOf = (file: string): ServerSettings => normalizeSettings(mergeSettingLayers(projectOf(path.resolve(file))?.settings, flags));

  const { files, unreadable: missing } = collectFiles(options.paths.filter((p) => p !== '-'), io, (file) => {
    const project = projectOf(path.resolve(file));
    return { listed: isListedFile(file, settingsOf(file).files), excluded: isListedFile(path.resolve(file), project?.exclude ?? []) };
  });
  let unreadable = missing;

  // The CLI reads files of any size: the size limit is there to keep an editor responsive.
  const open = (file: string, text: string, validUtf8: boolean) =>
    openFile({ text, filePath: path.resolve(file), validUtf8 }, { maxFileSize: Infinity, rules: settingsOf(file).rules });
  const inputs: Input[] = [];
  if (options.paths.includes('-')) {
    // A config piped in: named by --stdin-filename (its folder gives %(here)s, the project file and the site).
    const bytes = (io.readStdin ?? (() => fs.readFileSync(0)))();
    const read = decodeConfig(bytes);
    const file = options.stdinFilename ?? '<stdin>';
    const name = options.stdinFilename ?? 'stdin.ini';
    inputs.push({ file, stdin: true, ...read, opened: open(name, read.text, read.validUtf8) });
  }
  for (const file of files) {
    const read = readConfig(file);
    if (!read) {
      io.stderr(`kallithea-ini-lint: cannot read ${file}\n`);
      unreadable = true;
      continue;
    }
    inputs.push({ file, ...read, opened: open(file, read.text, read.validUtf8) });
  }
  const rewrite = (input: Input, text: string) => {
    fs.writeFileSync(input.file, text, 'utf8');
    input.text = text;
    input.opened = open(input.file, text, input.validUtf8);
  };
  // Instances of one site are checked against each other, with the models of their current texts
  // (a config piped in with its name is checked against the other instances its project file names, read from disk).
  const environments = () => {
    const all: Peer[] = inputs.flatMap((i) => (i.opened.model ? [{ path: i.opened.model.filePath, model: i.opened.model }] : []));
    if (options.stdinFilename && inputs.some((i) => i.stdin))
      for (const peer of groupFromDisk(path.resolve(options.stdinFilename), settingsOf(options.stdinFilename).deployment.instances))
        if (!all.some((p) => p.path === peer.path)) all.push(peer);
    return (input: Input): LintEnvironment => {
      const deployment = settingsOf(input.file).deployment;
      const self = all.find((p) => p.model === input.opened.model);
      return { settings: deployment, peers: self ? findPeers(self, all, deployment) : [] };
    };
  };

  if (options.upgrade) {
    for (const input of inputs) {
      if (!input.validUtf8 || input.stdin) continue;
      const upgraded = upgradeText(input.text, { filePath: path.resolve(input.file) });
      if (upgraded.refused) io.stderr(`kallithea-ini-lint: not upgrading ${input.file}: ${upgraded.refused}\n`);
      if (upgraded.text === input.text) continue;
      rewrite(input, upgraded.text);
      io.stderr(`kallithea-ini-lint: upgraded ${input.file} to Kallithea 0.7 (${upgraded.changes.length} changes):\n${upgraded.changes.map((c) => `  ${c}\n`).join('')}`);
    }
  }
  if (options.fix || options.diff) {
    const envOf = environments();
    let changed = false;
    for (const input of inputs) {
      if (!input.validUtf8 || !input.opened.model) continue;
      const fixed = fixAll(input.text, { filePath: input.opened.model.filePath }, { rules: settingsOf(input.file).rules, env: envOf(input) }, input.opened.model);
      if (fixed.text === input.text) continue;
      changed = true;
      if (options.diff) io.stdout(unifiedDiff(input.text, fixed.text, `a/${diffName(input.file)}`, `b/${diffName(input.file)}`));
      else rewrite(input, fixed.text);
    }
    // --diff changes nothing and reports nothing else: its exit status says whether --fix would change a file.
    if (options.diff) return unreadable ? 2 : changed ? 1 : 0;
  }
  if (options.compare) {
    const instances = inputs.flatMap((i) => (i.opened.model ? [{ path: i.file, model: i.opened.model }] : []));
    const comparison = compareInstances(instances);
    io.stdout(options.format === 'json' ? JSON.stringify(comparison, null, 2) + '\n' : comparisonText(comparison, options.color ? paintRow : undefined));
    if (unreadable) return 2;
    return comparison.rows.some((r) => r.mustAgree && r.differs) ? 1 : 0;
  }
  const envOf = environments();
  const reports: FileReport[] = inputs.map((input) => ({
    file: input.file,
    diagnostics: lintFile(input.opened, { rules: settingsOf(input.file).rules, env: envOf(input) }),
  }));
  // A project file with mistakes is reported and exits 2, but every config is still checked with the rest of it.
  const broken = projects.all().filter((project) => project.errors.length > 0);
  for (const project of broken)
    for (const e of project.errors) io.stderr(`kallithea-ini-lint: ${project.path}:${e.range.start.line + 1}:${e.range.start.character + 1}: ${e.message}\n`);

  const warnings = reports.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'warning').length, 0);
  const shown = options.quiet ? reports.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') })) : reports;
  const lineOf = (file: string, line: number) => inputs.find((i) => i.file === file)?.opened.model?.parsed.lines.text(line) ?? '';
  if (options.format === 'json') io.stdout(JSON.stringify(toJson(shown), null, 2) + '\n');
  else if (options.format === 'sarif') io.stdout(JSON.stringify(toSarif(shown, VERSION), null, 2) + '\n');
  else if (options.format === 'github') io.stdout(toGithub(shown));
  else if (options.format === 'gitlab') io.stdout(JSON.stringify(toGitlab(shown, lineOf), null, 2) + '\n');
  else io.stdout(toText(shown, options.color));
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings)
    io.stderr(`kallithea-ini-lint: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);

  if (unreadable || broken.length > 0) return 2;
  const tooMany = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  return tooMany || reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

/** A file's name in a diff header: relative, with '/', as patch and git apply read it. */
function diffName(file: string): string {
  return (path.isAbsolute(file) ? path.relative(process.cwd(), file) : file).split(path.sep).join('/');
}

/** The other instances a project file groups with a config, read from disk (for a config piped in). */
function groupFromDisk(file: string, groups: string[][] | undefined): Peer[] {
  const group = groups?.find((g) => isListedFile(file, g));
  if (!group) return [];
  const peers: Peer[] = [];
  for (const dir of new Set(group.map((g) => g.replace(/[*?[].*$/, '').replace(/\/[^/]*$/, '') || '/'))) {
    for (const other of findConfigs(dir, (f) => ({ listed: isListedFile(f, group), excluded: !isListedFile(f, group) }))) {
      const read = readConfig(other);
      const model = read && path.resolve(other) !== file ? openFile({ text: read.text, filePath: path.resolve(other), validUtf8: read.validUtf8 }, { maxFileSize: Infinity }).model : undefined;
      if (model) peers.push({ path: path.resolve(other), model });
    }
  }
  return peers;
}

const ROW_COLORS = { '!': '\x1b[31m', '~': '\x1b[33m', '=': '' } as const;
const paintRow = (mark: '!' | '~' | '=', text: string) => (ROW_COLORS[mark] ? ROW_COLORS[mark] + text + '\x1b[0m' : text);

/** The files the paths name: files as they are, folders searched for Kallithea configs. */
function collectFiles(paths: string[], io: CliIo, filter: Parameters<typeof findConfigs>[1]): { files: string[]; unreadable: boolean } {
  const files: string[] = [];
  let unreadable = false;
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      io.stderr(`kallithea-ini-lint: cannot read ${p}: no such file or folder\n`);
      unreadable = true;
      continue;
    }
    if (!stat.isDirectory()) {
      files.push(p);
      continue;
    }
    const found = findConfigs(p, filter);
    if (found.length === 0) io.stderr(`kallithea-ini-lint: no Kallithea config (an .ini whose app section says "use = egg:kallithea" or "egg:rhodecode") in ${p}\n`);
    files.push(...found);
  }
  return { files, unreadable };
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
