// One string per distinct key of a file. Keys repeat section after section (a big
// file may hold a million lines and a few hundred distinct keys), so a key is looked
// up by its characters in the text, and a string is made only the first time: the
// parse leaves no string per line behind for the collector.

const RECENT_SLOTS = 4096;

export class KeyInterner {
  private slots: (string | undefined)[];
  private count = 0;
  // The last key seen for each (length, first character, last character): a key usually
  // comes back as the same object here, before its characters are hashed.
  private readonly recent: (string | undefined)[] = new Array(RECENT_SLOTS);

  /**
   * Sized for a file of `lines` lines: room for a distinct key every 8 lines before
   * the table grows (each growth hashes every key again), and 1,024 at least.
   */
  constructor(lines = 0) {
    let size = 1024;
    while (size < lines / 4) size *= 2;
    this.slots = new Array(size);
  }

  /** The string of text[start, end), the same object each time the same characters come. */
  intern(text: string, start: number, end: number): string {
    const shortcut = ((end - start) * 31 + text.charCodeAt(start) * 7 + text.charCodeAt(end - 1)) & (RECENT_SLOTS - 1);
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
