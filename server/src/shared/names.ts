// Names and defaults the VS Code client and the language server both use. Both
// import them from here, so that a command id or a default is written once. The
// core imports only the defaults (it names no editor command).

/** The language id of Kallithea configs in VS Code. */
export const LANGUAGE_ID = 'kallithea-ini';

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
} as const;

/** Commands of the VS Code client (declared in package.json). */
export const CLIENT_COMMANDS = {
  showEffectiveConfiguration: 'kallithea.showEffectiveConfiguration',
  generateStaticConfig: 'kallithea.generateStaticConfig',
  fixAll: 'kallithea.fixAll',
  /** Opens text a quick fix produced (web-server lines) in a new editor: arguments [{ language, content }]. */
  showDocument: 'kallithea.showDocument',
} as const;

/** The code action kind of "fix all safe problems". */
export const FIX_ALL_KIND = 'source.fixAll.kallithea';

/** Where a pip install puts Kallithea's static files, the default for the web-server lines. */
export const DEFAULT_PUBLIC_PATH = '/srv/kallithea/venv/lib/python3/site-packages/kallithea/public';

/** Above this size (8 MB: about 350,000 lines, hundreds of times the largest real config) an editor gets a notice instead of an analysis. */
export const DEFAULT_MAX_FILE_SIZE = 8 * 1024 * 1024;
