// The Kallithea INI language server. It serves any LSP editor over stdio
// (`--stdio`), Node IPC (`--node-ipc`) or a socket (`--socket=N`), and maps LSP
// requests onto the core in small handler files.
//
// This file answers `initialize` with the server's fixed capabilities and loads the
// rest (the session: the core, the rules, the handlers) once the answer has gone, so
// that an editor hears back before the catalog and the rules are built.

import { CodeActionKind, TextDocumentSyncKind, type InitializeParams } from 'vscode-languageserver/node';
import { FIX_ALL_KIND, SERVER_COMMANDS } from '../shared/names';
import { connection, documents } from './connection';

declare const __VERSION__: string;


const SESSION_FALLBACK_MS = 200;

let session: typeof import('./session') | undefined;
let initializeParams: InitializeParams | undefined;

/**
 * V8's young generation grows from 2 MiB to 32 MiB when a program keeps allocating,
 * and a server that parses a big file at each keystroke does. Kept at its first size
 * it costs no time we can measure (a parse and lint of 100,000 or 1M lines takes as
 * long), the server holding a 100,000-line file uses about 25 MiB less, and pauses
 * are shorter. Set after the code cache is written (flags are part of its key) and
 * after the answer to `initialize` (loading node:v8 takes a millisecond or two).
 */
function keepYoungGenerationSmall(): void {
  (require('node:v8') as typeof import('node:v8')).setFlagsFromString('--semi-space-growth-factor=1');
}

/** Load the session once, and hand it the client's `initialize` parameters. */
function startSession(): typeof import('./session') {
  if (!session) {
    // A start from dist/server.js may ask for its code cache to be written now (see boot.ts).
    const saveCodeCache = (globalThis as Record<symbol, (() => void) | undefined>)[Symbol.for('kallithea-ini.saveCodeCache')];
    saveCodeCache?.();
    keepYoungGenerationSmall();
    // A require, not an import: the bundler then builds the session's modules only when this runs.
    session = require('./session') as typeof import('./session');
    session.initialize(initializeParams!);
  }
  return session;
}

connection.onInitialize((params) => {
  initializeParams = params;
  // The session loads on `initialized`, which a client sends once it has the answer and
  // before anything else; the timer covers a client that never sends it.
  setTimeout(startSession, SESSION_FALLBACK_MS);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND] },
      hoverProvider: true,
      inlayHintProvider: true,
      completionProvider: { triggerCharacters: ['[', '(', '=', ' '] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
      documentLinkProvider: { resolveProvider: false },
      documentHighlightProvider: true,
      selectionRangeProvider: true,
      executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      // A client that pulls diagnostics gets the closed instance files of a site through
      // workspace/diagnostic (open documents are published as for every client).
      ...(params.capabilities.textDocument?.diagnostic ? { diagnosticProvider: { identifier: 'kallithea-ini', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
    },
    serverInfo: { name: 'kallithea-ini-language-server', version: typeof __VERSION__ === 'string' ? __VERSION__ : 'dev' },
  };
});

connection.onInitialized(() => startSession().initialized());

documents.listen(connection);
connection.listen();
