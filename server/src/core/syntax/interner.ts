// One string per distinct key. Keys repeat section after section (a big file may
// hold a million lines and a few hundred distinct keys) and file after file (every
// version of a document being edited, every config of a workspace), so a key is
// looked up by its characters in the text, and a string is made only the first time:
// a parse leaves no string per line, and no table, behind for the collector.

/** Above this many distinct keys the shared interner starts afresh (a file with a key per line should not keep them all). */
const SHARED_LIMIT = 1 << 16;

export class KeyInterner {
  private slots: (string | undefined)[];
  private count = 0;
  // The last key seen for each (length, first character, last character): a key usually
  // comes back as the same object here, before its characters are hashed.
  private readonly recent: (string | undefined)[];
  private readonly recentMask: number;
  private static current: KeyInterner | undefined;

  /**
   * The interner every parse shares (a parse on every keystroke would otherwise make
   * its tables each time), with room for a distinct key every 8 of the `lines` to be
   * read, so that a big file's reading does not grow the table step by step (each
   * growth hashes every key again).
   */
  static shared(lines = 0): KeyInterner {
    let current = KeyInterner.current;
    if (!current || current.count > SHARED_LIMIT) current = KeyInterner.current = new KeyInterner();
    current.makeRoom(lines / 8);
    return current;
  }

  constructor() {
    this.slots = new Array(4096);
    this.recent = new Array(4096);
    this.recentMask = 4095;
  }

  private makeRoom(keys: number): void {
    let size = this.slots.length;
    while (size < keys * 2) size *= 2;
    if (size > this.slots.length) this.grow(size);
  }

  /** The string of text[start, end), the same object each time the same characters come. */
  intern(text: string, start: number, end: number): string {
    const shortcut = ((end - start) * 31 + text.charCodeAt(start) * 7 + text.charCodeAt(end - 1)) & this.recentMask;
    const seen = this.recent[shortcut];
    if (seen !== undefined && seen.length === end - start && sameText(seen, text, start)) return seen;
    return (this.recent[shortcut] = this.lookUp(text, start, end));
  }

  private lookUp(text: string, start: number, end: number): string {
    let hash = 2166136261;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const known = this.slots[slot];
      if (known === undefined) {
        const key = text.slice(start, end);
        this.slots[slot] = key;
        if (++this.count * 2 > this.slots.length) this.grow();
        return key;
      }
      if (known.length === end - start && sameText(known, text, start)) return known;
    }
  }

  private grow(size = this.slots.length * 2): void {
    const old = this.slots;
    this.slots = new Array(size);
    this.count = 0;
    for (const key of old) if (key !== undefined) this.lookUp(key, 0, key.length);
  }
}

function sameText(key: string, text: string, start: number): boolean {
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}
