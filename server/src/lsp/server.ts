// The Kallithea INI language server. It serves any LSP editor over stdio
// (`--stdio`), Node IPC (`--node-ipc`) or a socket (`--socket=N`), and maps LSP
// requests onto the core in small handler files.

import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintEnvironment } from '../core/model/deployment';
import { isKallitheaModel, isListedFile } from '../core/model/detect';
import { ModelCache, uriToPath } from './documents';
import { effectiveConfigView } from '../core/features/effective-view';
import { DEFAULT_PUBLIC_PATH, staticServerConfig } from '../core/features/static-config';
import { ALL_FEATURES, readClientFeatures, type ClientFeatures } from './client-features';
import { APPLY_EDIT_COMMAND, codeActions, FIX_ALL_KIND } from './handlers/code-actions';
import { onCompletion, onDefinition, onDocumentSymbol, onFoldingRanges, onHover, onPrepareRename, onReferences, onRename } from './handlers/editor';
import { publish } from './handlers/diagnostics';
import { PROJECT_FILE } from '../core/settings/project-file';
import { isProjectFile } from '../host/project-files';
import type { ServerSettings } from '../core/settings/settings';
import { SettingsStore } from './settings-store';
import { Validator } from './validation';
import { WorkspaceIndex } from './workspace-index';

declare const __VERSION__: string;

if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  // Without a transport, vscode-languageserver throws an unhelpful error; say what to do.
  if (process.argv.includes('--help') || process.argv.includes('-h') || process.stdin.isTTY) {
    process.stderr.write('Usage: kallithea-ini-language-server --stdio | --node-ipc | --socket=PORT\n');
    process.exit(process.argv.includes('--help') || process.argv.includes('-h') ? 0 : 2);
  }
  process.argv.push('--stdio');
}

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const models = new ModelCache();
const workspace = new WorkspaceIndex();
const store = new SettingsStore();
let canPullConfiguration = false;
let canWatchFiles = false;
/** What the client declared it can take (snippets, Markdown, code-action literals...). */
let features: ClientFeatures = ALL_FEATURES;
let folders: string[] = [];
/** VS Code contributes the snippets itself; other editors get them as completion items. */
let snippetsAsCompletions = true;

export const COMMANDS = { effectiveConfig: 'kallithea.effectiveConfig', staticConfig: 'kallithea.staticConfig', applyEdit: APPLY_EDIT_COMMAND };


let canTrackFolders = false;
connection.onInitialize((params) => {
  canTrackFolders = !!params.capabilities.workspace?.workspaceFolders;
  canPullConfiguration = !!params.capabilities.workspace?.configuration;
  canWatchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  features = readClientFeatures(params.capabilities);
  const init = (params.initializationOptions ?? {}) as { settings?: unknown; nativeSnippets?: boolean };
  store.setInit(init.settings);
  snippetsAsCompletions = !init.nativeSnippets;
  const roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  folders = roots.map(uriToPath).filter((p): p is string => !!p);
  store.setFolders(folders);
  configureIndex();
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND] },
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['[', '(', '=', ' '] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      executeCommandProvider: { commands: Object.values(COMMANDS) },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'kallithea-ini-language-server', version: typeof __VERSION__ === 'string' ? __VERSION__ : 'dev' },
  };
});

connection.onInitialized(async () => {
  if (canWatchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.ini' }, { globPattern: `**/${PROJECT_FILE}` }] });
  if (canTrackFolders) connection.workspace.onDidChangeWorkspaceFolders((e) => void changeFolders(e.added, e.removed));
  await refreshSettings();
  await workspace.scan(folders);
  revalidateAll();
});

connection.onDidChangeConfiguration((change) => {
  const pushed = (change.settings as { kallithea?: unknown } | undefined)?.kallithea;
  if (pushed !== undefined && !canPullConfiguration) applySettings(pushed);
  else void refreshSettings();
});

connection.onDidChangeWatchedFiles(async (params) => {
  let projectChanged = false;
  for (const change of params.changes) {
    const file = uriToPath(change.uri);
    if (!file) continue;
    if (isProjectFile(file)) projectChanged = true;
    else if (change.type === FileChangeType.Deleted) workspace.removeFile(file);
    else await workspace.refreshFile(file);
  }
  if (projectChanged) {
    store.projectsChanged();
    configureIndex();
    await workspace.scan(folders);
  }
  revalidateAll();
});

async function refreshSettings(): Promise<void> {
  if (!canPullConfiguration) return;
  try {
    const [value] = await connection.workspace.getConfiguration([{ section: 'kallithea' }]);
    applySettings(value);
  } catch {
    // A client that advertises configuration but fails to answer keeps the current settings.
  }
}

function applySettings(clientLayer: unknown): void {
  store.setClient(clientLayer);
  configureIndex();
  revalidateAll();
}

/** The workspace scan follows the settings of each file's own project file. */
function configureIndex(): void {
  workspace.configure((file) => {
    const s = store.forFile(file);
    const excluded = store.projectFor(file)?.exclude ?? [];
    return { listed: isListedFile(file, s.files), excluded: isListedFile(file, excluded), maxFileSize: s.maxFileSize };
  });
}

async function changeFolders(added: { uri: string }[], removed: { uri: string }[]): Promise<void> {
  const gone = removed.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
  const fresh = added.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
  folders = [...folders.filter((f) => !gone.includes(f)), ...fresh];
  store.setFolders(folders);
  for (const folder of gone) workspace.removeUnder(folder);
  await workspace.scan(fresh);
  revalidateAll();
}

/** Errors in a project file appear on the file itself (and are cleared once it is right). */
const publishedProjects = new Set<string>();
function publishProjectFiles(): void {
  for (const project of store.projectFiles()) {
    const uri = pathToFileURL(project.path).toString();
    if (project.errors.length === 0 && !publishedProjects.has(uri)) continue;
    publishedProjects.add(uri);
    void connection.sendDiagnostics({
      uri,
      diagnostics: project.errors.map((e) => ({ range: e.range, severity: DiagnosticSeverity.Error, code: 'project-file', source: 'kallithea-ini', message: e.message })),
    });
  }
}

/** Editors other than VS Code may send every .ini file; only Kallithea configs get diagnostics. */
function isKallitheaDocument(doc: TextDocument): boolean {
  if (doc.languageId === 'kallithea-ini') return true;
  const path = uriToPath(doc.uri) ?? doc.uri;
  return isListedFile(path, settingsOf(doc).files) || isKallitheaModel(models.get(doc));
}

function environment(doc: TextDocument): LintEnvironment {
  const model = models.get(doc);
  const path = uriToPath(doc.uri);
  const deployment = settingsOf(doc).deployment;
  if (!path) return { settings: deployment, peers: [] };
  workspace.setOpen(path, model);
  return { settings: deployment, peers: workspace.peers({ path, model }, deployment) };
}

/** Text length over the size limit, so the file is not analysed (a notice says so). */
function tooLarge(doc: TextDocument): boolean {
  return doc.getText().length > settingsOf(doc).maxFileSize;
}

function tooLargeNotice(doc: TextDocument) {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return {
    rule: 'file-too-large',
    severity: 'information' as const,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message: `This file is ${mb(doc.getText().length)} MB, over the ${mb(settingsOf(doc).maxFileSize)} MB limit of Kallithea INI (setting kallithea.maxFileSize), so it is not analysed: file too large for full analysis. Kallithea configs are normally well under 100 KB.`,
  };
}

const validator = new Validator({
  get: (uri) => documents.get(uri),
  prepare(doc) {
    if (tooLarge(doc)) return { model: undefined, env: { settings: settingsOf(doc).deployment, peers: [] }, options: {}, notice: tooLargeNotice(doc) };
    if (!isKallitheaDocument(doc)) return undefined;
    const env = environment(doc);
    return { model: models.get(doc), env, options: { rules: settingsOf(doc).rules, env } };
  },
  publish(doc, result) {
    if (!result) void connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
    else publish(connection, doc, result.diagnostics, features);
  },
});

function revalidateAll(): void {
  for (const doc of documents.all()) validator.schedule(doc.uri);
  publishProjectFiles();
}

function settingsFor(uri: string): ServerSettings {
  return store.forFile(uriToPath(uri));
}

function settingsOf(doc: TextDocument): ServerSettings {
  return settingsFor(doc.uri);
}

// Other instances of a site are compared with the edited one, but off the keystroke
// path: once typing pauses.
let peersTimer: NodeJS.Timeout | undefined;
function revalidateOthersSoon(changed: string): void {
  if (workspace.size() < 2) return;
  clearTimeout(peersTimer);
  peersTimer = setTimeout(() => {
    for (const other of documents.all()) if (other.uri !== changed) validator.schedule(other.uri);
  }, 500);
}

documents.onDidOpen((e) => models.refreshBom(e.document.uri));
documents.onDidSave((e) => {
  models.refreshBom(e.document.uri);
  validator.schedule(e.document.uri);
});
documents.onDidChangeContent((e) => {
  validator.schedule(e.document.uri);
  revalidateOthersSoon(e.document.uri);
});
documents.onDidClose((e) => {
  const path = uriToPath(e.document.uri);
  if (path) {
    workspace.closeOpen(path);
    void workspace.refreshFile(path);
  }
  models.forget(e.document.uri);
  validator.forget(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onCodeAction((params, token) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc || token.isCancellationRequested || tooLarge(doc)) return [];
  const state = validator.now(doc);
  if (!state) return [];
  return codeActions(params, { doc, model: models.get(doc), env: state.env, current: state.diagnostics, rules: settingsOf(doc).rules, features });
});

/** The model of an open Kallithea document, or undefined for anything else (or a file over the size limit). */
function modelFor(uri: string) {
  const doc = documents.get(uri);
  return doc && !tooLarge(doc) && isKallitheaDocument(doc) ? models.get(doc) : undefined;
}

connection.onHover((p, token) => {
  if (token.isCancellationRequested) return null;
  const model = modelFor(p.textDocument.uri);
  return model ? onHover(model, p.position, features.markdownHover) : null;
});
connection.onCompletion((p, token) => {
  if (token.isCancellationRequested) return [];
  const model = modelFor(p.textDocument.uri);
  return model ? onCompletion(model, p.position, snippetsAsCompletions, features) : [];
});
connection.onDocumentSymbol((p) => {
  const model = modelFor(p.textDocument.uri);
  return model ? onDocumentSymbol(model) : [];
});
connection.onFoldingRanges((p) => {
  const model = modelFor(p.textDocument.uri);
  return model ? onFoldingRanges(model) : [];
});
connection.onDefinition((p) => {
  const model = modelFor(p.textDocument.uri);
  return model ? onDefinition(model, p.textDocument.uri, p.position) : null;
});
connection.onReferences((p) => {
  const model = modelFor(p.textDocument.uri);
  return model ? onReferences(model, p.textDocument.uri, p.position, p.context.includeDeclaration) : [];
});
connection.onPrepareRename((p) => {
  const model = modelFor(p.textDocument.uri);
  return model ? onPrepareRename(model, p.position) : null;
});
connection.onRenameRequest((p) => {
  const model = modelFor(p.textDocument.uri);
  return model ? onRename(model, p.textDocument.uri, p.position, p.newName) : null;
});

connection.onExecuteCommand(async (p) => {
  // A client without code-action literals gets fixes as this command with their edit.
  if (p.command === COMMANDS.applyEdit) {
    const [edit] = (p.arguments ?? []) as [WorkspaceEdit | undefined];
    return edit ? (await connection.workspace.applyEdit(edit)).applied : false;
  }
  const [arg] = (p.arguments ?? []) as [Record<string, string> | string | undefined];
  if (p.command === COMMANDS.effectiveConfig) {
    const uri = typeof arg === 'string' ? arg : arg?.uri;
    const model = uri ? modelFor(uri) : undefined;
    return model ? effectiveConfigView(model) : null;
  }
  if (p.command === COMMANDS.staticConfig) {
    const opts = (typeof arg === 'object' ? arg : {}) as { uri?: string; server?: string; publicPath?: string };
    const model = opts.uri ? modelFor(opts.uri) : undefined;
    const app = model?.appSection();
    const filter = app && model ? model.findSection(['filter'], model.sections.get(app)?.get('filter-with')?.value.trim() ?? '') : undefined;
    const prefix = filter && model ? model.sections.get(filter)?.get('prefix')?.value : undefined;
    const publicPath = opts.publicPath || (opts.uri ? settingsFor(opts.uri) : store.forFile()).deployment.staticFilesPath || DEFAULT_PUBLIC_PATH;
    return staticServerConfig(opts.server === 'apache' ? 'apache' : 'nginx', publicPath, prefix);
  }
  return null;
});

/** For tests and troubleshooting: memory in use (after a garbage collection when node runs with --expose-gc). */
connection.onRequest('kallithea/memoryUsage', () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage();
});

documents.listen(connection);
connection.listen();
