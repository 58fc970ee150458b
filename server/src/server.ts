// The Kallithea INI language server. It serves any LSP editor over stdio
// (`--stdio`), Node IPC (`--node-ipc`) or a socket (`--socket=N`), and maps LSP
// requests onto the core in small handler files.

import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isKallitheaModel, isListedFile } from './core/detect';
import { ModelCache, uriToPath } from './documents';
import { computeDiagnostics, publish } from './handlers/diagnostics';
import { DEFAULT_SETTINGS, normalizeSettings, type ServerSettings } from './settings';

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
let settings: ServerSettings = DEFAULT_SETTINGS;
let canPullConfiguration = false;

connection.onInitialize((params) => {
  canPullConfiguration = !!params.capabilities.workspace?.configuration;
  settings = normalizeSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings ?? {});
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    },
    serverInfo: { name: 'kallithea-ini-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  void refreshSettings();
});

connection.onDidChangeConfiguration((change) => {
  const pushed = (change.settings as { kallithea?: unknown } | undefined)?.kallithea;
  if (pushed !== undefined && !canPullConfiguration) applySettings(normalizeSettings(pushed));
  else void refreshSettings();
});

async function refreshSettings(): Promise<void> {
  if (!canPullConfiguration) return;
  try {
    const [value] = await connection.workspace.getConfiguration([{ section: 'kallithea' }]);
    applySettings(normalizeSettings(value));
  } catch {
    // A client that advertises configuration but fails to answer keeps the current settings.
  }
}

function applySettings(next: ServerSettings): void {
  settings = next;
  for (const doc of documents.all()) validate(doc);
}

/** Editors other than VS Code may send every .ini file; only Kallithea configs get diagnostics. */
function isKallitheaDocument(doc: TextDocument): boolean {
  if (doc.languageId === 'kallithea-ini') return true;
  const path = uriToPath(doc.uri) ?? doc.uri;
  return isListedFile(path, settings.files) || isKallitheaModel(models.get(doc));
}

function validate(doc: TextDocument): void {
  if (!isKallitheaDocument(doc)) {
    void connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
    return;
  }
  publish(connection, doc, computeDiagnostics(doc, models, settings));
}

documents.onDidOpen((e) => {
  models.refreshBom(e.document.uri);
});
documents.onDidSave((e) => {
  models.refreshBom(e.document.uri);
  validate(e.document);
});
documents.onDidChangeContent((e) => validate(e.document));
documents.onDidClose((e) => {
  models.forget(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

documents.listen(connection);
connection.listen();
