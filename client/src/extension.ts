// The VS Code side: give Kallithea configs the `kallithea-ini` language (a plain
// .ini opens as `ini`; the same test as the CLI decides), and start the language
// server. Everything else happens in the server.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { isKallitheaConfig, isListedFile } from '../../server/src/core/detect';

const LANGUAGE_ID = 'kallithea-ini';
let client: LanguageClient | undefined;

function listedFiles(): string[] {
  return vscode.workspace.getConfiguration('kallithea').get<string[]>('files', []);
}

/** Switch a document to kallithea-ini when it is a Kallithea config opened as a plain .ini. */
async function claim(doc: vscode.TextDocument): Promise<void> {
  if (doc.languageId === LANGUAGE_ID) return;
  if (doc.languageId !== 'ini' && doc.languageId !== 'plaintext' && doc.languageId !== 'properties') return;
  const file = doc.uri.path;
  if (!file.toLowerCase().endsWith('.ini') && !isListedFile(file, listedFiles())) return;
  if (isListedFile(file, listedFiles()) || isKallitheaConfig(doc.getText())) {
    await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: { configurationSection: 'kallithea' },
    initializationOptions: { settings: vscode.workspace.getConfiguration('kallithea') },
  };
  client = new LanguageClient('kallithea-ini', 'Kallithea INI', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => void claim(doc)),
    // A quick fix of static-files-behind-proxy shows the web-server lines in a new editor.
    vscode.commands.registerCommand('kallithea.showStaticConfig', async (args: { server: 'nginx' | 'apache'; content: string }) => {
      const language = args.server === 'nginx' ? 'nginx' : 'apacheconf';
      const known = await vscode.languages.getLanguages();
      const doc = await vscode.workspace.openTextDocument({ content: args.content, language: known.includes(language) ? language : 'plaintext' });
      await vscode.window.showTextDocument(doc, { preview: false });
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('kallithea.files')) vscode.workspace.textDocuments.forEach((doc) => void claim(doc));
    }),
  );
  await Promise.all(vscode.workspace.textDocuments.map(claim));
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
