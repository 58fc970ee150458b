// The command line of kallithea-ini-lint: its usage text and its parser.

import { RULE_SETTINGS, parseRuleSetting, type RuleSetting } from '../core/analysis/diagnostics';
import type { DeploymentSettings } from '../core/model/deployment';

export const USAGE = `Usage: kallithea-ini-lint [--format text|json|sarif|github|gitlab] [--fix | --diff] [--upgrade] PATH...
       kallithea-ini-lint [options] --stdin-filename PATH -
       kallithea-ini-lint --compare [--format text|json] PATH...
       kallithea-ini-lint --list-rules [--format text|json|markdown]
       kallithea-ini-lint scale-out --hosts HOST,... --workers N --server NAME
                          --database-url URL --shared-dir DIR --out DIR FILE
                          (scale-out --help for the whole)
       kallithea-ini-lint fmt [--check] PATH...

Checks Kallithea .ini files (PATH may be a file, or a folder searched for files
whose [app:main] says "use = egg:kallithea", or "egg:rhodecode" for old configs).

  --format FORMAT  text (default), json, sarif (SARIF 2.1.0 for code scanning),
                   github (workflow commands: annotations in GitHub Actions) or
                   gitlab (a GitLab Code Quality report)
  --fix            apply every safe fix to the files, then report what is left
  --diff           print the unified diff of what --fix would change, and change
                   nothing (exit 1 when there is a change)
  --quiet          report errors only
  --max-warnings N exit 1 when there are more than N warnings
  -                read the config from standard input
  --stdin-filename PATH
                   the name of the config read from standard input (its folder
                   gives %(here)s, the project file and the other instances)
  --upgrade        rewrite configs from older releases (RhodeCode, Kallithea 0.1
                   to 0.6) for Kallithea 0.7: rename what 0.7 renamed, comment out
                   what it does not read, add what it needs; the changes are
                   listed on standard error, then what is left is reported
  --rule ID=LEVEL  set a rule's severity: error, warning, information, hint or off
  --worker-processes N
                   worker processes started outside the files (e.g. mod_wsgi)
  --behind-proxy   the site runs behind a reverse proxy
  --database-max-connections N
                   the database server's max_connections (default: PostgreSQL
                   100, MySQL 151), for the connection budget
  --shared-data-dir DIR
                   the shared data directory the data-dir fix points at
  --instances GLOB[,GLOB...]
                   files that are instances of one site (repeatable, one group each)
  --config FILE    read settings from this project file instead of the
                   .kallithea-ini.json found from each config's folder upwards
  --no-config      read no project file
  --compare        compare the configs as instances of one site: every setting
                   they must share and every other one that differs, one column
                   per file, secrets masked (exit 1 when a shared one differs)
  --list-rules     print every rule (id, severity, category, fix, description)
  --no-color       plain text even on a terminal (NO_COLOR does the same)
  -h, --help       show this help
  -v, --version    show the version

Exit status: 1 if any error is found (or more warnings than --max-warnings, or a
change with --diff), 2 on bad usage, an unreadable file or a project file with
mistakes, else 0.
`;

export type OutputFormat = 'text' | 'json' | 'sarif' | 'github' | 'gitlab' | 'markdown';
const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', 'github', 'gitlab', 'markdown'];

export interface Options {
  format: OutputFormat;
  fix: boolean;
  /** Print what --fix would change, change nothing. */
  diff: boolean;
  quiet: boolean;
  maxWarnings?: number;
  /** With the path `-`: the name given to the config read from standard input. */
  stdinFilename?: string;
  upgrade: boolean;
  listRules: boolean;
  compare: boolean;
  color: boolean;
  paths: string[];
  rules: Record<string, RuleSetting>;
  deployment: DeploymentSettings;
  /** --config FILE, or false for --no-config; undefined: search upwards from each config. */
  config?: string | false;
}

export class UsageError extends Error {}

export function parseArgs(argv: string[], color: boolean): Options | 'help' | 'version' {
  const opts: Options = { format: 'text', fix: false, diff: false, quiet: false, upgrade: false, listRules: false, compare: false, color, paths: [], rules: {}, deployment: {} };
  let formatGiven = false;
  const valueOf = (arg: string, i: number): [string, number] => {
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) return [arg.slice(eq + 1), i];
    if (i + 1 >= argv.length) throw new UsageError(`${arg} needs a value`);
    return [argv[i + 1], i + 1];
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const name = arg.startsWith('--') && arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    let value: string;
    switch (name) {
      case '--rule': {
        [value, i] = valueOf(arg, i);
        const m = /^([\w-]+)=(\w+)$/.exec(value);
        const setting = m ? parseRuleSetting(m[2]) : undefined;
        if (!m || !setting) throw new UsageError(`--rule takes ID=LEVEL with LEVEL one of ${RULE_SETTINGS.join(', ')}, not "${value}"`);
        opts.rules[m[1]] = setting;
        continue;
      }
      case '--worker-processes': {
        [value, i] = valueOf(arg, i);
        const n = Number(value);
        if (!Number.isInteger(n) || n < 1) throw new UsageError(`--worker-processes takes a whole number from 1, not "${value}"`);
        opts.deployment.workerProcesses = n;
        continue;
      }
      case '--database-max-connections': {
        [value, i] = valueOf(arg, i);
        const n = Number(value);
        if (!Number.isInteger(n) || n < 1) throw new UsageError(`--database-max-connections takes a whole number from 1, not "${value}"`);
        opts.deployment.databaseMaxConnections = n;
        continue;
      }
      case '--shared-data-dir':
        [opts.deployment.sharedDataDir, i] = valueOf(arg, i);
        continue;
      case '--instances':
        [value, i] = valueOf(arg, i);
        (opts.deployment.instances ??= []).push(value.split(',').filter(Boolean));
        continue;
      case '--config':
        [opts.config, i] = valueOf(arg, i);
        continue;
      case '--format':
        [value, i] = valueOf(arg, i);
        if (!FORMATS.includes(value as OutputFormat)) throw new UsageError(`--format takes text, json, sarif, github or gitlab, not "${value}"`);
        opts.format = value as OutputFormat;
        formatGiven = true;
        continue;
      case '--max-warnings': {
        [value, i] = valueOf(arg, i);
        const n = Number(value);
        if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new UsageError(`--max-warnings takes a whole number from 0, not "${value}"`);
        opts.maxWarnings = n;
        continue;
      }
      case '--stdin-filename':
        [opts.stdinFilename, i] = valueOf(arg, i);
        continue;
    }
    if (arg === '-h' || arg === '--help') return 'help';
    if (arg === '-v' || arg === '--version') return 'version';
    if (arg === '--no-config') opts.config = false;
    else if (arg === '--behind-proxy') opts.deployment.behindProxy = true;
    else if (arg === '--fix') opts.fix = true;
    else if (arg === '--diff') opts.diff = true;
    else if (arg === '--quiet') opts.quiet = true;
    else if (arg === '--upgrade') opts.upgrade = true;
    else if (arg === '--list-rules') opts.listRules = true;
    else if (arg === '--compare') opts.compare = true;
    else if (arg === '--no-color') opts.color = false;
    else if (arg === '--') opts.paths.push(...argv.slice(i + 1)), (i = argv.length);
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else opts.paths.push(arg);
  }
  if (opts.listRules) {
    if (!['text', 'json', 'markdown'].includes(opts.format)) throw new UsageError('--list-rules prints text, json or markdown');
    return opts;
  }
  if (formatGiven && opts.format === 'markdown') throw new UsageError('--format markdown is for --list-rules');
  if (opts.compare && opts.format !== 'text' && opts.format !== 'json') throw new UsageError('--compare prints text or json');
  if (opts.compare && (opts.fix || opts.upgrade)) throw new UsageError('--compare changes nothing: it cannot go with --fix or --upgrade');
  if (opts.diff && (opts.fix || opts.upgrade || opts.compare)) throw new UsageError('--diff shows what --fix would do: it cannot go with --fix, --upgrade or --compare');
  if (opts.paths.length === 0) throw new UsageError('no PATH given');
  const stdin = opts.paths.filter((p) => p === '-').length;
  if (stdin > 1) throw new UsageError('- (standard input) can be given once');
  if (stdin && (opts.fix || opts.upgrade)) throw new UsageError('a config read from standard input cannot be rewritten: use --diff');
  if (opts.stdinFilename !== undefined && !stdin) throw new UsageError('--stdin-filename names the config read from standard input: give - as a PATH');
  return opts;
}
