// One string per distinct key of a file. Keys repeat section after section (a big
// file may hold a million lines and a few hundred distinct keys), so a key is looked
// up by its characters in the text, and a string is made only the first time: the
// parse leaves no string per line behind for the collector.

export class KeyInterner {
  private slots: (string | undefined)[];
  private count = 0;
  // The last key seen for each (length, first character, last character): a key usually
  // comes back as the same object here, before its characters are hashed.
  private readonly recent: (string | undefined)[];
  private readonly recentMask: number;

  /**
   * Sized for a file of `lines` lines: room for a distinct key every 8 lines before
   * the table grows (each growth hashes every key again). A small file gets small
   * tables: the editor parses it on every keystroke, and its tables are garbage at the next.
   */
  constructor(lines = 0) {
    let size = 64;
    while (size < lines / 4) size *= 2;
    this.slots = new Array(size);
    let recent = 64;
    while (recent < lines && recent < 4096) recent *= 2;
    this.recent = new Array(recent);
    this.recentMask = recent - 1;
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

  private grow(): void {
    const old = this.slots;
    this.slots = new Array(old.length * 2);
    this.count = 0;
    for (const key of old) if (key !== undefined) this.lookUp(key, 0, key.length);
  }
}

function sameText(key: string, text: string, start: number): boolean {
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}
