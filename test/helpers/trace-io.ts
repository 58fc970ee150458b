// Preloaded into the language server (NODE_OPTIONS=--require) by the security test:
// records every file the process opens or lists and every network connection it
// tries, one JSON line each, to the file named by TRACE_IO_LOG.

// The real module objects (not TypeScript's import wrappers, whose properties are read-only getters).
/* eslint-disable @typescript-eslint/no-require-imports */
const dns = require('node:dns') as typeof import('node:dns');
const fs = require('node:fs') as typeof import('node:fs');
const http = require('node:http') as typeof import('node:http');
const https = require('node:https') as typeof import('node:https');
const net = require('node:net') as typeof import('node:net');

const logFile = process.env.TRACE_IO_LOG;
const appendFileSync = fs.appendFileSync.bind(fs);
function record(kind: string, target: unknown): void {
  if (logFile) appendFileSync(logFile, JSON.stringify({ kind, target: String(target) }) + '\n');
}

function wrap<T extends object>(obj: T, name: keyof T, kind: string): void {
  const original = obj[name] as unknown as (...args: unknown[]) => unknown;
  if (typeof original !== 'function') return;
  (obj as Record<string, unknown>)[name as string] = function (this: unknown, ...args: unknown[]) {
    record(kind, args[0]);
    return original.apply(this, args);
  };
}

for (const f of ['openSync', 'readFileSync', 'readdirSync', 'statSync', 'existsSync', 'open', 'readFile', 'readdir', 'stat', 'createReadStream'] as const) wrap(fs, f, 'fs');
for (const f of ['open', 'readFile', 'readdir', 'stat', 'opendir'] as const) wrap(fs.promises, f, 'fs');
wrap(net, 'connect', 'net');
wrap(net, 'createConnection', 'net');
wrap(net.Socket.prototype, 'connect', 'net');
wrap(dns, 'lookup', 'net');
wrap(http, 'request', 'net');
wrap(https, 'request', 'net');
