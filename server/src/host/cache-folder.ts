// The user's cache folder for Kallithea INI: the server's code cache and the rule
// pages a packaged extension writes out lie there. KALLITHEA_INI_CACHE_DIR moves it
// (the VS Code client points it into the extension's own storage).

import { homedir } from 'node:os';
import { join } from 'node:path';

export function userCacheFolder(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.KALLITHEA_INI_CACHE_DIR) return env.KALLITHEA_INI_CACHE_DIR;
  if (process.platform === 'win32') return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, 'kallithea-ini', 'Cache') : undefined;
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'kallithea-ini');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'kallithea-ini');
}
