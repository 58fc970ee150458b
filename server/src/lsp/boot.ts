// The language server's entry point (dist/server.js). It runs the server bundle
// (dist/server-main.js) from a V8 code cache when there is one: without it, each
// start compiles the bundle and every function its start-up runs, about a third of
// the time from spawn to the answer to `initialize`, and editors start the server
// often. The cache lives in the user's cache folder, is named after the bundle, the
// engine and its flags, and is written once, when `initialize` has been answered,
// if it was missing or the engine refused it. Anything that goes wrong falls back to a plain load.
// KALLITHEA_INI_NO_CODE_CACHE=1 turns it off; KALLITHEA_INI_CACHE_DIR moves it.

import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { userCacheFolder } from '../host/cache-folder';

const MAIN = join(__dirname, 'server-main.js');
/** Where the server finds the function that writes the cache (set only when one should be written). */
export const SAVE_CODE_CACHE = Symbol.for('kallithea-ini.saveCodeCache');
const PREFIX = 'server-';

function cacheFolder(): string | undefined {
  return process.env.KALLITHEA_INI_NO_CODE_CACHE ? undefined : userCacheFolder();
}

/** A short stable hash, to tell engine flags apart in a file name. */
function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

// Engine flags change the code V8 makes, so each set of flags has its own cache.
const FLAGS = `-${hash(process.execArgv.join(' '))}.cache`;

/** The cache's file name: any change to the bundle, the engine or its flags gives another name. */
function cacheName(): string {
  const { size, mtimeMs } = statSync(MAIN);
  return `${PREFIX}${size}-${Math.trunc(mtimeMs)}-${process.versions.v8}-${process.arch}${FLAGS}`;
}

function readCache(file: string | undefined): Buffer | undefined {
  try {
    return file ? readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

/** Write the cache next to its final name, then rename: a reader never sees half a file. */
function writeCache(folder: string, name: string, script: Script): void {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const temporary = join(folder, `${name}.${process.pid}.tmp`);
    writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    renameSync(temporary, join(folder, name));
    // Caches of other bundles or engines (with the same flags) are never read again.
    for (const other of readdirSync(folder)) if (other.startsWith(PREFIX) && other.endsWith(FLAGS) && other !== name) rmSync(join(folder, other), { force: true });
  } catch {
    // A cache is an optimisation: a folder that cannot be written costs only speed.
  }
}

function start(): void {
  // The bundle is built without a #! line, so its text can be wrapped as Node wraps a module.
  const source = readFileSync(MAIN, 'utf8');
  const folder = cacheFolder();
  let name: string | undefined;
  try {
    name = folder ? cacheName() : undefined;
  } catch {
    name = undefined;
  }
  const cachedData = readCache(folder && name ? join(folder, name) : undefined);
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: MAIN, cachedData });
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  const mainModule = { exports: {}, id: MAIN, filename: MAIN };
  if (folder && name && (!cachedData || script.cachedDataRejected)) {
    // The server calls this once it has answered `initialize`, before it loads the rest:
    // the cache then holds the code of what every start runs and no more (a bigger
    // cache takes longer to load than the rarely used functions it spares compiling).
    (globalThis as Record<symbol, unknown>)[SAVE_CODE_CACHE] = () => writeCache(folder, name, script);
  }
  wrapper.call(mainModule.exports, mainModule.exports, require, mainModule, MAIN, __dirname);
}

start();
