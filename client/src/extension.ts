// The VS Code side: give Kallithea configs the `kallithea-ini` language (a plain
// .ini opens as `ini`; the same test as the CLI decides), start the language
// server, and add the commands that need the VS Code API. Everything else happens
// in the server.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { isKallitheaConfig, isListedFile } from '../../server/src/core/model/detect';
import { PROJECT_FILE } from '../../server/src/core/settings/project-file';
import { ProjectFiles } from '../../server/src/host/project-files';
import { openInstance, SiteView, type SiteData } from './site-view';
import { ScaleOut, type ScaleOutAnswers, type ScaleOutProposal } from './scale-out';
import { CLIENT_COMMANDS, DEFAULT_PUBLIC_PATH, FIX_ALL_KIND, LANGUAGE_ID, SERVER_COMMANDS, SERVER_NODE_FLAGS, SETTINGS_SECTION } from '../../server/src/shared/names';

const EFFECTIVE_SCHEME = 'kallithea-effective';
const COMPARE_SCHEME = 'kallithea-compare';
let client: LanguageClient | undefined;

const projects = new ProjectFiles();

/** `kallithea.files`, and the `files` of the project file that governs this document (file-system documents only). */
function listedFiles(doc: vscode.TextDocument): string[] {
  const own = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string[]>('files', []);
  if (doc.uri.scheme !== 'file') return own;
  const roots = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  const project = projects.forFile(doc.uri.fsPath, roots);
  const fromProject = Array.isArray(project?.settings.files) ? (project.settings.files as string[]) : [];
  return [...own, ...fromProject];
}

/**
 * Where a config lives as a file of its own: on disk, new, or in a remote or virtual
 * workspace. Copies shown elsewhere (the refactor preview's, a diff's original from
 * git, our own views) stay plain .ini, or their problems would be listed twice.
 */
const CONFIG_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);

/** Switch a document to kallithea-ini when it is a Kallithea config opened as a plain .ini. */
async function claim(doc: vscode.TextDocument): Promise<void> {
  if (doc.languageId === LANGUAGE_ID || !CONFIG_SCHEMES.has(doc.uri.scheme)) return;
  if (doc.languageId !== 'ini' && doc.languageId !== 'plaintext' && doc.languageId !== 'properties') return;
  const file = doc.uri.path;
  const listed = isListedFile(file, listedFiles(doc));
  if (!listed && !file.toLowerCase().endsWith('.ini')) return;
  if (listed || isKallitheaConfig(doc.getText())) await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
}

function activeConfig(): vscode.TextDocument | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (doc?.languageId === LANGUAGE_ID) return doc;
  void vscode.window.showInformationMessage('Open a Kallithea config (.ini) first.');
  return undefined;
}

async function serverCommand<T>(command: string, ...args: unknown[]): Promise<T> {
  if (!client) throw new Error('The Kallithea INI language server is not running.');
  return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }) as Promise<T>;
}

async function showText(content: string, language: string): Promise<void> {
  const known = await vscode.languages.getLanguages();
  const doc = await vscode.workspace.openTextDocument({ content, language: known.includes(language) ? language : 'plaintext' });
  await vscode.window.showTextDocument(doc, { preview: false });
}

/** What the extension gives other extensions (and its tests): the Site view's current content, and each scale-out about to be previewed. */
export interface KallitheaApi {
  sites(): Promise<SiteData[]>;
  onDidProposeScaleOut: vscode.Event<ScaleOutProposal>;
}

export async function activate(context: vscode.ExtensionContext): Promise<KallitheaApi> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // The server's code cache goes to the extension's own storage, which VS Code removes with the extension.
  const env = { ...process.env, KALLITHEA_INI_CACHE_DIR: path.join(context.globalStorageUri.fsPath, 'code-cache') };
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { env, execArgv: SERVER_NODE_FLAGS } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { env, execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Any scheme, so that virtual workspaces work too (the effective view is plain 'ini').
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: { configurationSection: SETTINGS_SECTION },
    initializationOptions: { settings: vscode.workspace.getConfiguration(SETTINGS_SECTION), nativeSnippets: true },
  };
  client = new LanguageClient('kallithea-ini', 'Kallithea INI', serverOptions, clientOptions);

  // A read-only view of what Kallithea will see, produced by the server.
  const effective = new (class implements vscode.TextDocumentContentProvider {
    readonly changed = new vscode.EventEmitter<vscode.Uri>();
    readonly onDidChange = this.changed.event;
    async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
      return (await serverCommand<string | null>(SERVER_COMMANDS.effectiveConfig, uri.query)) ?? '# The config is no longer open.\n';
    }
  })();

  // The instances of the active config's site side by side, as the server writes them (read-only).
  const comparison = new (class implements vscode.TextDocumentContentProvider {
    async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
      return (await serverCommand<string | null>(SERVER_COMMANDS.compareInstances, uri.query)) ?? 'The config is no longer open.\n';
    }
  })();
  const scaleOut = new ScaleOut(
    (command, arg) => serverCommand(command, arg),
    (edit) => client!.protocol2CodeConverter.asWorkspaceEdit(edit as Parameters<LanguageClient['protocol2CodeConverter']['asWorkspaceEdit']>[0]),
    SERVER_COMMANDS,
  );
  const siteView = new SiteView(() => serverCommand<SiteData[]>(SERVER_COMMANDS.sites));
  let siteTimer: NodeJS.Timeout | undefined;
  const refreshSiteSoon = () => {
    clearTimeout(siteTimer);
    siteTimer = setTimeout(() => siteView.refresh(), 300);
  };
  const iniWatcher = vscode.workspace.createFileSystemWatcher('**/*.ini');
  iniWatcher.onDidCreate(refreshSiteSoon);
  iniWatcher.onDidChange(refreshSiteSoon);
  iniWatcher.onDidDelete(refreshSiteSoon);

  context.subscriptions.push(
    iniWatcher,
    vscode.window.registerTreeDataProvider('kallithea.site', siteView),
    vscode.workspace.registerTextDocumentContentProvider(COMPARE_SCHEME, comparison),
    vscode.workspace.onDidSaveTextDocument((doc) => doc.languageId === LANGUAGE_ID && refreshSiteSoon()),
    vscode.commands.registerCommand(CLIENT_COMMANDS.refreshSite, () => siteView.refresh()),
    vscode.commands.registerCommand(CLIENT_COMMANDS.openInstance, (uri: string, line: number) => openInstance(uri, line)),
    vscode.commands.registerCommand(CLIENT_COMMANDS.compareInstances, async () => {
      const doc = activeConfig();
      if (!doc) return;
      // A new query each time: the comparison is made again, not taken from an earlier view.
      const uri = vscode.Uri.from({ scheme: COMPARE_SCHEME, path: `/${path.basename(doc.uri.path)} (instances compared)`, query: doc.uri.toString(), fragment: String(Date.now()) });
      const view = await vscode.workspace.openTextDocument(uri);
      // A wide table: the whole editor area rather than a column beside the config.
      await vscode.window.showTextDocument(view, { preview: false });
    }),
    // Arguments [{ answers }] skip the questions they answer (scripts and tests).
    vscode.commands.registerCommand(CLIENT_COMMANDS.scaleOut, async (args?: { answers?: Partial<ScaleOutAnswers> }) => {
      const doc = activeConfig();
      return doc ? scaleOut.start(doc, args?.answers) : undefined;
    }),
    vscode.workspace.onDidOpenTextDocument((doc) => void claim(doc)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SETTINGS_SECTION}.files`)) vscode.workspace.textDocuments.forEach((doc) => void claim(doc));
    }),
    // The server watches project files itself; the client only needs `files` for the language switch.
    (() => {
      const watcher = vscode.workspace.createFileSystemWatcher(`**/${PROJECT_FILE}`);
      const changed = () => {
        projects.clear();
        vscode.workspace.textDocuments.forEach((doc) => void claim(doc));
      };
      watcher.onDidCreate(changed);
      watcher.onDidChange(changed);
      watcher.onDidDelete(changed);
      return watcher;
    })(),
    vscode.workspace.registerTextDocumentContentProvider(EFFECTIVE_SCHEME, effective),
    vscode.workspace.onDidChangeTextDocument((e) => {
      for (const doc of vscode.workspace.textDocuments)
        if (doc.uri.scheme === EFFECTIVE_SCHEME && doc.uri.query === e.document.uri.toString()) effective.changed.fire(doc.uri);
    }),
    vscode.commands.registerCommand(CLIENT_COMMANDS.showEffectiveConfiguration, async () => {
      const doc = activeConfig();
      if (!doc) return;
      const uri = vscode.Uri.from({ scheme: EFFECTIVE_SCHEME, path: `/${path.basename(doc.uri.path)} (effective)`, query: doc.uri.toString() });
      const view = await vscode.workspace.openTextDocument(uri);
      await vscode.languages.setTextDocumentLanguage(view, 'ini');
      await vscode.window.showTextDocument(view, { preview: false, viewColumn: vscode.ViewColumn.Beside });
    }),
    vscode.commands.registerCommand(CLIENT_COMMANDS.generateStaticConfig, async (server?: 'nginx' | 'apache') => {
      const doc = vscode.window.activeTextEditor?.document;
      const picked = server ?? (await vscode.window.showQuickPick(['nginx', 'apache'], { placeHolder: 'Which web server serves the static files?' }));
      if (!picked) return;
      let publicPath = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>('staticFilesPath', '');
      if (!publicPath) {
        publicPath =
          (await vscode.window.showInputBox({
            prompt: 'Where is kallithea/public installed? (saved nowhere; set kallithea.staticFilesPath to skip this question)',
            value: DEFAULT_PUBLIC_PATH,
          })) ?? '';
        if (!publicPath) return;
      }
      const content = await serverCommand<string>(SERVER_COMMANDS.staticConfig, { uri: doc?.languageId === LANGUAGE_ID ? doc.uri.toString() : undefined, server: picked, publicPath });
      await showText(content, picked === 'nginx' ? 'nginx' : 'apacheconf');
    }),
    // Some quick fixes show text to copy elsewhere (the web-server lines for the static files) in a new editor.
    vscode.commands.registerCommand(CLIENT_COMMANDS.showDocument, async (args: { language: string; content: string }) => {
      await showText(args.content, args.language === 'apache' ? 'apacheconf' : args.language);
    }),
    vscode.commands.registerCommand(CLIENT_COMMANDS.fixAll, async () => {
      const doc = activeConfig();
      if (!doc) return;
      const range = new vscode.Range(0, 0, doc.lineCount, 0);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range, FIX_ALL_KIND);
      const fix = actions?.find((a) => a.edit);
      if (fix?.edit) await vscode.workspace.applyEdit(fix.edit);
      else void vscode.window.showInformationMessage('Kallithea INI: nothing to fix automatically in this file.');
    }),
  );
  await Promise.all(vscode.workspace.textDocuments.map(claim));
  await client.start();
  await vscode.commands.executeCommand('setContext', 'kallithea.active', true);
  siteView.refresh();
  return { sites: () => siteView.current(), onDidProposeScaleOut: scaleOut.onDidPropose };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
