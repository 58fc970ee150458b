// A tiny JSON-RPC client over the real server's stdio, for the latency, memory
// and cold-start measurements.

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

export function startServer(root) {
  // The flags editors start the server with (server/src/shared/names.ts); SERVER_FLAGS replaces them, to compare.
  const flags = process.env.SERVER_FLAGS !== undefined ? process.env.SERVER_FLAGS.split(' ').filter(Boolean) : require(join(root, 'out', 'server', 'src', 'shared', 'names.js')).SERVER_NODE_FLAGS;
  const started = performance.now();
  const proc = spawn(process.execPath, [...flags, join(root, 'dist', 'server.js'), '--stdio'], { stdio: 'pipe' });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const waiters = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    for (let i = waiters.length - 1; i >= 0; i--) if (waiters[i].test(p)) waiters.splice(i, 1)[0].resolve(p);
  });
  // The 1M-line input is over the default size limit; the benchmark raises it to measure a full analysis.
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({ maxFileSize: 1e9 })));
  conn.listen();
  return {
    proc,
    conn,
    started,
    async initialize() {
      await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } }, initializationOptions: { settings: { maxFileSize: 1e9 } } });
      const at = performance.now();
      await conn.sendNotification('initialized', {});
      return at - started;
    },
    published(test) {
      return new Promise((resolve) => waiters.push({ test, resolve }));
    },
    async stop() {
      const exited = new Promise((r) => proc.once('exit', r));
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
      await exited;
      conn.dispose();
    },
    /** Peak resident memory of the server so far (Linux), in bytes. */
    peakRss() {
      try {
        const status = require('node:fs').readFileSync(`/proc/${proc.pid}/status`, 'utf8');
        return Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]) * 1024;
      } catch {
        return NaN;
      }
    },
    rss() {
      try {
        const status = require('node:fs').readFileSync(`/proc/${proc.pid}/status`, 'utf8');
        return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) * 1024;
      } catch {
        return NaN;
      }
    },
  };
}
