// A minimal LSP client for protocol tests: it starts dist/server.js as a real
// process over stdio and speaks JSON-RPC to it. Tests wait on the server's own
// notifications (never on fixed sleeps), with a timeout only as a safety net.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { DIST } from './paths';
import { SERVER_NODE_FLAGS } from '../../server/src/shared/names';

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; code?: string; severity?: number; message: string; data?: unknown; codeDescription?: { href: string } }[];
}

/** What VS Code declares, in the parts the server reads: snippets, Markdown, code-action literals, versions... */
export const FULL_CAPABILITIES = {
  workspace: { configuration: true, workspaceEdit: { documentChanges: true } },
  textDocument: {
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'], labelDetailsSupport: true } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, dataSupport: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true, tagSupport: { valueSet: [1, 2] } },
  },
};

export const TEST_CODE_CACHE = path.join(os.tmpdir(), 'kallithea-ini-test-code-cache');

export class LspClient {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly conn: MessageConnection;
  private readonly published: PublishedDiagnostics[] = [];
  /** Every publish received, in order (never cleared). */
  readonly log: PublishedDiagnostics[] = [];
  private waiters: { test: (p: PublishedDiagnostics) => boolean; resolve: (p: PublishedDiagnostics) => void }[] = [];
  stderr = '';
  /** Answers the server's workspace/configuration requests with this object's `kallithea` value. */
  settings: Record<string, unknown> = {};

  constructor(args: string[] = ['--stdio'], env: Record<string, string> = {}) {
    // The servers of the tests keep their code cache (see server/src/lsp/boot.ts) out of the user's cache folder.
    const cache = { KALLITHEA_INI_CACHE_DIR: TEST_CODE_CACHE };
    this.proc = spawn(process.execPath, [...SERVER_NODE_FLAGS, path.join(DIST, 'server.js'), ...args], { stdio: 'pipe', env: { ...process.env, ...cache, ...env } });
    this.proc.stderr.on('data', (d) => (this.stderr += d));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      this.published.push(p);
      this.log.push(p);
      this.waiters = this.waiters.filter((w) => (w.test(p) ? (w.resolve(p), false) : true));
    });
    this.conn.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((i) => (i.section === 'kallithea' ? this.settings : null)),
    );
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onNotification('window/logMessage', () => undefined);
    this.conn.listen();
  }

  async initialize(capabilities: Record<string, unknown> = FULL_CAPABILITIES): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.conn.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities,
    });
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  /** Resolves with the next publish for `uri` that satisfies `test` (already received ones count). */
  diagnostics(uri: string, test: (p: PublishedDiagnostics) => boolean = () => true, timeoutMs = 15000): Promise<PublishedDiagnostics> {
    const match = (p: PublishedDiagnostics) => p.uri === uri && test(p);
    const seen = [...this.published].reverse().find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ test: match, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  /** Forget what was received so far, so the next wait sees only new publishes. */
  clear(): void {
    this.published.length = 0;
  }

  open(uri: string, text: string, languageId = 'kallithea-ini', version = 1): Promise<void> {
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: unknown[]): Promise<void> {
    return this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest<R>(method, params);
  }

  /** shutdown + exit; resolves with the process exit code. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.proc.once('exit', (code) => resolve(code)));
    try {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      this.proc.kill();
    }
    const code = await exited;
    this.conn.dispose();
    return code;
  }
}

export function fileUri(p: string): string {
  return pathToFileURL(p).toString();
}
