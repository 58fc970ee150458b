// A full garbage collection on demand, for the one moment it pays: right after a big
// document has been read whole. The message it came in (a buffer and a string as
// long as the text) and the reading's temporaries are garbage by then, but the
// collector has not run yet, and the first lint that follows would add its own
// garbage on top: collecting in between lowered the server's peak when it opens a
// 100,000-line file by about 6 MiB (a quarter of what the file costs it).
//
// It runs after a whole reading only (the first, or one after a save re-checks the
// byte order mark), never after a keystroke's. `--expose-gc` on the command line
// slowed every start of the server by about 8 ms here, so the flag is set at run
// time, and the function taken from a fresh context, the first time it is needed.

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Documents at least this long (characters) get a collection after their first whole reading. */
export const COLLECT_AFTER_READING = 1_000_000;

let collector: (() => void) | undefined;

export function collectGarbage(): void {
  try {
    if (!collector) {
      setFlagsFromString('--expose-gc');
      collector = runInNewContext('gc') as () => void;
    }
    collector();
  } catch {
    // Not offered by this runtime: the collector runs when it sees fit, as it always did.
  }
}
