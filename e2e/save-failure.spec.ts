import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, keepScreenshot } from './support/checks';
import { createLearner, heading1, learnerIdByName, showLearner } from './support/flows';
import { isFocused } from './support/keyboard';
import { useE2eSession } from './support/session';

const session = useE2eSession();

/**
 * How the database is made to refuse writes under the running host: this test holds SQLite's
 * write lock (`BEGIN IMMEDIATE` on its own connection), so every write of the host waits out its
 * busy_timeout (5 s) and fails with SQLITE_BUSY, which the host reports as a `storage` error.
 *
 * Making the files read-only (chmod 0444/0555) does not work reliably: the host opened dala.db and
 * its -wal/-shm files at start, and permissions are only checked when a file is opened, so it goes
 * on writing through its open handles; and where the tests run as root (as here) permissions are
 * not enforced at all. The lock fails every write, for any user, and is released in an instant.
 */
class WriteLock {
  private readonly db: Database.Database;
  constructor(dataDir: string) {
    this.db = new Database(path.join(dataDir, 'dala.db'));
    this.db.exec('BEGIN IMMEDIATE');
  }
  get held(): boolean {
    return this.db.open && this.db.inTransaction;
  }
  release(): void {
    if (!this.db.open) return;
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    this.db.close();
  }
}

let lock: WriteLock | undefined;
afterEach(() => {
  lock?.release();
  lock = undefined;
});

describe('a save that fails', () => {
  it('shows a message a student understands, keeps nothing unsaved on screen, and saves on "Try again"', async () => {
    const host = await session.host();
    const { page, pageErrors } = await session.open(host.url);
    await createLearner(page, 'Sam Locked');
    const id = learnerIdByName(host.dataDir, 'Sam Locked');
    const space = page.getByRole('button', { name: 'Space', exact: true });
    const next = page.getByRole('button', { name: 'Next', exact: true });
    const saveStatus = page.locator('header').getByRole('status');
    expect(await space.getAttribute('aria-pressed')).toBe('false');

    lock = new WriteLock(host.dataDir);
    expect(lock.held).toBe(true);
    await space.click();
    // While the host waits for the lock: "Saving…", and the interest is not shown as picked.
    await saveStatus.filter({ hasText: 'Saving…' }).waitFor();
    expect(await space.getAttribute('aria-pressed')).toBe('false');

    const banner = page.getByRole('alert').filter({ hasText: 'That was not saved.' });
    await banner.waitFor({ timeout: 20_000 });
    await banner.getByText('The computer could not save your work just now. Nothing was lost. Try again in a moment, or ask your teacher.').waitFor();
    const retry = banner.getByRole('button', { name: 'Try again' });
    // Focus goes to "Try again", so a keyboard user can retry at once.
    await expect.poll(() => isFocused(retry)).toBe(true);
    // No phantom state: not picked, the step is still not done, and nothing claims "Saved".
    expect(await space.getAttribute('aria-pressed')).toBe('false');
    expect(await next.isDisabled()).toBe(true);
    expect(await saveStatus.textContent()).not.toContain('Saved');
    await keepScreenshot(page, 'save-failure-error');
    await expectNoAxeViolations(page, 'the interests step showing a failed save');

    lock.release();
    expect(showLearner(host.dataDir, id).interests).toEqual([]);

    await retry.click();
    await banner.waitFor({ state: 'hidden' });
    await expect.poll(() => space.getAttribute('aria-pressed')).toBe('true');
    await saveStatus.filter({ hasText: 'Saved' }).waitFor();
    expect(await next.isDisabled()).toBe(false);
    await keepScreenshot(page, 'save-failure-retried');
    expect(showLearner(host.dataDir, id).interests.map((i) => i.interestName)).toEqual(['Space']);

    // Still on the same step, able to carry on.
    await heading1(page, 'What do you like?').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
