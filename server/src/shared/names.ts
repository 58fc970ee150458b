// Names and defaults the VS Code client and the language server both use. Both
// import them from here, so that a command id or a default is written once. The
// core imports only the defaults (it names no editor command).

/** The language id of Kallithea configs in VS Code. */
export const LANGUAGE_ID = 'kallithea-ini';

/**
 * Node flags the server runs with. One V8 worker thread instead of four: on a
 * two-core machine several background compilations at once push the server's own
 * thread off its core for a scheduler tick (4 ms) each, which made the slowest
 * keystrokes of a fresh server 2-3x slower; one thread also lowers the peak memory of a
 * first lint by about a fifth, as fewer compilations are held at once. Editors other than VS Code pass them on the command line.
 */
export const SERVER_NODE_FLAGS = ['--v8-pool-size=1'];

/** The settings section: `kallithea.files`, `kallithea.rules`... */
export const SETTINGS_SECTION = 'kallithea';

/** Commands the language server runs (workspace/executeCommand). */
export const SERVER_COMMANDS = {
  /** The effective configuration of an open config, as text. */
  effectiveConfig: 'kallithea.effectiveConfig',
  /** The nginx or Apache lines that serve kallithea/public. */
  staticConfig: 'kallithea.staticConfig',
  /** Applies a WorkspaceEdit, for clients that take code actions as commands only. */
  applyEdit: 'kallithea.applyEdit',
  /** An open config and the other instances of its site side by side, as text (secrets masked). */
  compareInstances: 'kallithea.compareInstances',
  /** The sites of the workspace, each with its instances and their details, for the Site view. */
  sites: 'kallithea.sites',
  /** Scale out: the answers the prompts start from, for [{ uri }]. */
  scaleOutDefaults: 'kallithea.scaleOutDefaults',
  /** Scale out: the problems of a set of answers, for [{ uri, options }]. */
  scaleOutCheck: 'kallithea.scaleOutCheck',
  /** Scale out: the WorkspaceEdit that writes every file, for [{ uri, options, apply? }] (apply: sent through workspace/applyEdit). */
  scaleOut: 'kallithea.scaleOut',
} as const;

/** Commands of the VS Code client (declared in package.json). */
export const CLIENT_COMMANDS = {
  showEffectiveConfiguration: 'kallithea.showEffectiveConfiguration',
  generateStaticConfig: 'kallithea.generateStaticConfig',
  fixAll: 'kallithea.fixAll',
  /** Opens text a quick fix produced (web-server lines) in a new editor: arguments [{ language, content }]. */
  showDocument: 'kallithea.showDocument',
  compareInstances: 'kallithea.showInstanceComparison',
  refreshSite: 'kallithea.refreshSite',
  /** Opens a file of the Site view at a line: arguments [path, line]. */
  openInstance: 'kallithea.openInstance',
  /** Asks for the answers (or takes them as [{ answers }]), previews the edit, and applies it once confirmed. */
  scaleOut: 'kallithea.scaleOutSite',
} as const;

/** The code action kind of "fix all safe problems". */
export const FIX_ALL_KIND = 'source.fixAll.kallithea';

/** Where a pip install puts Kallithea's static files, the default for the web-server lines. */
export const DEFAULT_PUBLIC_PATH = '/srv/kallithea/venv/lib/python3/site-packages/kallithea/public';

/** Above this size (8 MB: about 350,000 lines, hundreds of times the largest real config) an editor gets a notice instead of an analysis. */
export const DEFAULT_MAX_FILE_SIZE = 8 * 1024 * 1024;
