// The one connection to the client and the open documents, shared by the entry
// point (which answers `initialize`) and the session (which does everything else).
// The transport comes from the command line; without one, say how to start the server.

import { createConnection, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  // Without a transport, vscode-languageserver throws an unhelpful error; say what to do.
  if (process.argv.includes('--help') || process.argv.includes('-h') || process.stdin.isTTY) {
    process.stderr.write('Usage: kallithea-ini-language-server --stdio | --node-ipc | --socket=PORT\n');
    process.exit(process.argv.includes('--help') || process.argv.includes('-h') ? 0 : 2);
  }
  process.argv.push('--stdio');
}

// No proposed (unreleased) protocol features: the server uses none, and mixing them in costs start-up time.
export const connection = createConnection();
export const documents = new TextDocuments(TextDocument);
