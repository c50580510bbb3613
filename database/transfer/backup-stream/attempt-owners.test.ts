import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AttemptOwners } from './attempt-owners';

describe('AttemptOwners', () => {
  it('answers like a Map over 100,000 uids (growing many times), upper-case spellings apart', () => {
    const owners = new AttemptOwners();
    const reference = new Map<string, number>();
    const uids = Array.from({ length: 100_000 }, () => randomUUID());
    uids.forEach((uid, i) => {
      const owner = i % 97;
      expect(owners.claim(uid, owner)).toBeUndefined();
      reference.set(uid, owner);
    });
    for (let i = 0; i < uids.length; i += 13) {
      const uid = uids[i] as string;
      const owner = reference.get(uid) as number;
      expect(owners.claim(uid, owner)).toBeUndefined();
      expect(owners.claim(uid, owner + 1)).toBe(owner);
      // The same uid in upper case is another string, so another uid (unless it has no letter: about 1 in 10^6).
      if (uid.toUpperCase() === uid) continue;
      expect(owners.claim(uid.toUpperCase(), owner + 1)).toBeUndefined();
      expect(owners.claim(uid.toUpperCase(), owner + 2)).toBe(owner + 1);
    }
  });
});
