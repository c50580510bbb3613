/**
 * Which learner of a backup each attempt uid belongs to, for the rule that an attempt uid is
 * global (two learners holding one would collide on restore). A backup of 1.2 million attempts
 * would need over 600 MB as a Map of strings; this open-addressing table keeps a lower-case UUID
 * as its 128 bits plus the learner's index in 20 bytes a slot (about 40 MB at that size). Any
 * other spelling (upper case is a valid UUID too, and a different uid) goes to a small Map.
 */
const WORDS = 5;
const EMPTY = 0;

export class AttemptOwners {
  private slots = new Uint32Array(WORDS * 1024);
  private capacity = 1024;
  private size = 0;
  private readonly others = new Map<string, number>();
  private readonly key = new Uint32Array(4);

  /** Records `uid` for learner `owner`; returns the earlier owner when another learner has it. */
  claim(uid: string, owner: number): number | undefined {
    // Grow first: rehashing reuses `key`.
    if ((this.size + 1) * 10 > this.capacity * 6) this.grow();
    if (!this.toKey(uid)) {
      const earlier = this.others.get(uid);
      if (earlier === undefined) this.others.set(uid, owner);
      return earlier !== undefined && earlier !== owner ? earlier : undefined;
    }
    const found = this.place(this.slots, this.capacity, owner);
    if (found === undefined) this.size++;
    return found !== undefined && found !== owner ? found : undefined;
  }

  /** Puts the current key in `slots`; returns the owner already there, if any. */
  private place(slots: Uint32Array, capacity: number, owner: number): number | undefined {
    const k = this.key;
    let i = (Math.imul(k[0] as number, 0x9e3779b1) ^ (k[3] as number)) & (capacity - 1);
    for (;;) {
      const at = i * WORDS;
      const stored = slots[at + 4] as number;
      if (stored === EMPTY) {
        slots.set(k, at);
        slots[at + 4] = owner + 1;
        return undefined;
      }
      if (slots[at] === k[0] && slots[at + 1] === k[1] && slots[at + 2] === k[2] && slots[at + 3] === k[3]) return stored - 1;
      i = (i + 1) & (capacity - 1);
    }
  }

  private grow(): void {
    const old = this.slots;
    const oldCapacity = this.capacity;
    this.capacity *= 2;
    this.slots = new Uint32Array(WORDS * this.capacity);
    for (let i = 0; i < oldCapacity; i++) {
      const at = i * WORDS;
      const owner = old[at + 4] as number;
      if (owner === EMPTY) continue;
      this.key.set(old.subarray(at, at + 4));
      this.place(this.slots, this.capacity, owner - 1);
    }
  }

  /** A lower-case 8-4-4-4-12 UUID into `key`; false for any other spelling. */
  private toKey(uid: string): boolean {
    if (uid.length !== 36) return false;
    let word = 0;
    let nibbles = 0;
    let w = 0;
    for (let i = 0; i < 36; i++) {
      const c = uid.charCodeAt(i);
      if (i === 8 || i === 13 || i === 18 || i === 23) {
        if (c !== 0x2d) return false;
        continue;
      }
      const v = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;
      if (v < 0) return false;
      word = ((word << 4) | v) >>> 0;
      if (++nibbles === 8) {
        this.key[w++] = word;
        word = 0;
        nibbles = 0;
      }
    }
    return true;
  }
}
