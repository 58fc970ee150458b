// The language server's session, loaded once the client's `initialize` has been
// answered (see server.ts): settings, the workspace index, linting as documents
// change, and the requests mapped onto the core in small handler files.

import { DiagnosticSeverity, DidChangeWatchedFilesNotification, FileChangeType, type InitializeParams } from 'vscode-languageserver/node';
import { pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintEnvironment } from '../core/model/deployment';
import { isKallitheaModel, isListedFile } from '../core/model/detect';
import type { ConfigModel } from '../core/model/model';
import { LANGUAGE_ID, SETTINGS_SECTION } from '../shared/names';
import { DocumentStates, uriToPath } from './documents';
import { ALL_FEATURES, readClientFeatures, type ClientFeatures } from './client-features';
import { codeActions } from './handlers/code-actions';
import { executeCommand } from './handlers/commands';
import { registerEditorHandlers } from './handlers/editor';
import { registerInlayHints } from './handlers/inlay-hints';
import { publish } from './handlers/diagnostics';
import { PROJECT_FILE } from '../core/settings/project-file';
import { isProjectFile } from '../host/project-files';
import type { ServerSettings } from '../core/settings/settings';
import type { OpenedFile } from '../core/analysis/analysis';
import { SettingsStore } from './settings-store';
import { Validator } from './validation';
import { collectGarbage } from './collect';
import { WorkspaceIndex } from './workspace-index';
import { ClosedFileProblems } from './closed-files';
import { groupSites } from '../core/model/site';
import { connection, documents } from './connection';

const states = new DocumentStates();
const workspace = new WorkspaceIndex();
const store = new SettingsStore();
let canPullConfiguration = false;
let canWatchFiles = false;
/** What the client declared it can take (snippets, Markdown, code-action literals...). */
let features: ClientFeatures = ALL_FEATURES;
let folders: string[] = [];
/** VS Code contributes the snippets itself; other editors get them as completion items. */
let snippetsAsCompletions = true;

let canTrackFolders = false;
/** The client's `initialize` request, as the session's start (the answer has gone already). */
export function initialize(params: InitializeParams): void {
  canTrackFolders = !!params.capabilities.workspace?.workspaceFolders;
  canPullConfiguration = !!params.capabilities.workspace?.configuration;
  canWatchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  features = readClientFeatures(params.capabilities);
  if (features.diagnosticPull) closedFiles.usePull(features.diagnosticRefresh);
  const init = (params.initializationOptions ?? {}) as { settings?: unknown; nativeSnippets?: boolean };
  store.setInit(init.settings);
  snippetsAsCompletions = !init.nativeSnippets;
  const roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  folders = roots.map(uriToPath).filter((p): p is string => !!p);
  store.setFolders(folders);
  configureIndex();
}

/** The client's `initialized` notification: watch files, read the settings, scan the folders, lint. */
export async function initialized(): Promise<void> {
  let scanned: () => void = () => undefined;
  firstScan = new Promise((resolve) => (scanned = resolve));
  if (canWatchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.ini' }, { globPattern: `**/${PROJECT_FILE}` }] });
  if (canTrackFolders) connection.workspace.onDidChangeWorkspaceFolders((e) => void changeFolders(e.added, e.removed));
  await refreshSettings();
  await workspace.scan(folders);
  scanned();
  revalidateAll();
}

/** Settles once the workspace folders have been read the first time (the Site view waits for it). */
let firstScan: Promise<void> = Promise.resolve();

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
    const [value] = await connection.workspace.getConfiguration([{ section: SETTINGS_SECTION }]);
    applySettings(value);
  } catch {
    // A client that advertises configuration but fails to answer keeps the current settings.
  }
}

function applySettings(clientLayer: unknown): void {
  store.setClient(clientLayer);
  configureIndex();
  revalidateAll();
  // Hints read the settings too (on or off, the deployment's numbers): the client asks again.
  if (features.inlayHintRefresh) void connection.languages.inlayHint.refresh().catch(() => undefined);
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

/** The document as read for its current version (parsed once; left unparsed over the size limit). */
function openedOf(doc: TextDocument): OpenedFile {
  return states.opened(doc, settingsOf(doc).maxFileSize);
}

/** Editors other than VS Code may send every .ini file; only Kallithea configs get diagnostics. */
function isKallitheaDocument(doc: TextDocument, model: ConfigModel): boolean {
  if (doc.languageId === LANGUAGE_ID) return true;
  const path = uriToPath(doc.uri) ?? doc.uri;
  return isListedFile(path, settingsOf(doc).files) || isKallitheaModel(model);
}

function environment(doc: TextDocument, model: ConfigModel): LintEnvironment {
  const path = uriToPath(doc.uri);
  const deployment = settingsOf(doc).deployment;
  if (!path) return { settings: deployment, peers: [] };
  workspace.setOpen(path, model);
  return { settings: deployment, peers: workspace.peers({ path, model }, deployment) };
}

const validator = new Validator(states, {
  get: (uri) => documents.get(uri),
  prepare(doc) {
    const file = openedOf(doc);
    const settings = settingsOf(doc);
    // A file left unparsed (over the size limit) gets its file-level findings, whatever it is.
    if (!file.model) return { file, options: { rules: settings.rules }, env: { settings: settings.deployment, peers: [] } };
    if (!isKallitheaDocument(doc, file.model)) return undefined;
    const env = environment(doc, file.model);
    return { file, options: { rules: settings.rules, env }, env };
  },
  publish(doc, result) {
    if (!result) void connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
    else publish(connection, doc, result.diagnostics, features);
    // The closed instance files of the site, once typing pauses.
    if (result?.env.peers.length || closedFiles.any()) closedFiles.schedule(CLOSED_FILES_DELAY_MS);
  },
});

/** How long after an open document's lint the closed instance files of its site are linted again. */
const CLOSED_FILES_DELAY_MS = 300;
const closedFiles = new ClosedFileProblems(connection, {
  openSites: () => documents.all().map((d) => states.result(d.uri)?.env.peers ?? []),
  isOpen: (path) => documents.all().some((d) => uriToPath(d.uri) === path),
  settingsFor: (path) => store.forFile(path),
  environment: (peer, settings) => ({ settings: settings.deployment, peers: workspace.peers(peer, settings.deployment) }),
  features: () => features,
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

documents.onDidOpen((e) => {
  states.refreshBom(e.document.uri);
  const path = uriToPath(e.document.uri);
  if (path) closedFiles.opened(path);
});
documents.onDidSave((e) => {
  states.refreshBom(e.document.uri);
  validator.schedule(e.document.uri);
});
documents.onDidChangeContent((e) => {
  validator.schedule(e.document.uri);
  revalidateOthersSoon(e.document.uri);
});
documents.onDidClose((e) => {
  const path = uriToPath(e.document.uri);
  validator.cancel(e.document.uri);
  states.forget(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  if (path) {
    workspace.closeOpen(path);
    // As it is on disk now: still an instance of an open document's site, it is published as a closed file.
    void workspace.refreshFile(path).then(() => closedFiles.schedule());
  }
});

connection.onCodeAction((params, token) => {
  const doc = documents.get(params.textDocument.uri);
  const model = doc && !token.isCancellationRequested ? openedOf(doc).model : undefined;
  if (!doc || !model) return [];
  const state = validator.now(doc);
  if (!state) return [];
  return codeActions(params, { doc, model, env: state.env, current: state.diagnostics, rules: settingsOf(doc).rules, features });
});

/** The model of an open Kallithea document, or undefined for anything else (or a file over the size limit). */
function modelFor(uri: string): ConfigModel | undefined {
  const doc = documents.get(uri);
  const model = doc ? openedOf(doc).model : undefined;
  return doc && model && isKallitheaDocument(doc, model) ? model : undefined;
}

registerEditorHandlers(connection, modelFor, () => ({ features, snippets: snippetsAsCompletions }));

closedFiles.listen();
registerInlayHints(connection, (uri) => {
  const doc = documents.get(uri);
  const model = modelFor(uri);
  if (!doc || !model || !settingsOf(doc).inlayHints) return undefined;
  return { model, env: validator.now(doc)?.env ?? { settings: settingsOf(doc).deployment, peers: [] } };
});

connection.onExecuteCommand((p) =>
  executeCommand(p, {
    connection,
    modelFor,
    instancesOf: (uri) => {
      const doc = documents.get(uri);
      const model = modelFor(uri);
      const file = uriToPath(uri);
      if (!doc || !model || !file) return undefined;
      return [{ path: file, model }, ...(validator.now(doc)?.env.peers ?? [])];
    },
    sites: async () => {
      await firstScan;
      return { sites: groupSites(workspace.all(), (file) => store.forFile(file).deployment), settingsOf: (file) => store.forFile(file).deployment };
    },
    deployment: (uri) => (uri ? settingsFor(uri) : store.forFile()).deployment,
    roots: () => store.roots,
    features: () => features,
  }),
);

/** For tests and troubleshooting: memory in use, after a full garbage collection. */
connection.onRequest('kallithea/memoryUsage', () => {
  collectGarbage();
  return process.memoryUsage();
});

