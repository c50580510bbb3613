import { DalaError, forbidden } from '../../electron/common/errors';
import { localDay } from '../../electron/common/local-day';
import { coachesClass, coachesLearner, isAdmin, MESSAGES, type CallContext } from '../channels/authorize';
import { channelHandlers } from '../channels/define';
import { cachedStatement } from '../statement-cache';
import type { HandlerContext } from '../channels/context';
import { writeProfileFile } from './file-transfers';
import { importProfileFile, previewProfileFile, PROFILE_INLINE_MAX_ATTEMPTS, PROFILE_INLINE_MAX_BYTES } from './profile-file-work';
import { incomingFile, protectionFor, unlockFile } from './transfer-access';
import { readLastImport } from '../last-import';
import { undoLastImport } from './snapshot-restore';

/** File names only ever carry the learner's name in a safe form, never a folder. */
export function profileFileName(displayName: string, date: string): string {
  const safe = displayName.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '').replace(/\s+/g, '-').slice(0, 60) || 'learner';
  // The teacher's date, not the UTC one: a file saved in Sydney at 8:00 carries today's date.
  return `${safe}-${localDay(new Date(date))}.dalaprofile`;
}

/**
 * A coach imports only learners of their classes: one already here must be theirs, a new one joins
 * the class they chose (else they could not see it afterwards). Checked before anything is written.
 */
function assertMayImport(ctx: HandlerContext, call: CallContext, learnerId: string, classId: string | undefined): void {
  if (classId !== undefined && !cachedStatement(ctx.sqlite, 'SELECT 1 FROM classes WHERE id = ? AND archived_at IS NULL').get(classId)) {
    throw new DalaError('not_found', 'That class is not on this machine any more. Pick another.', 'classId');
  }
  if (isAdmin(call) || !call.educator) return;
  const exists = cachedStatement(ctx.sqlite, 'SELECT 1 FROM learner_profiles WHERE id = ?').get(learnerId) !== undefined;
  if (exists ? !coachesLearner(ctx, call.educator.id, learnerId) : classId === undefined || !coachesClass(ctx, call.educator.id, classId)) {
    throw forbidden(exists ? MESSAGES.notYourClass : 'Choose one of your classes for this learner.');
  }
}

function joinClass(ctx: HandlerContext, classId: string, learnerIds: readonly string[]): void {
  const insert = cachedStatement(ctx.sqlite, 'INSERT INTO class_members (class_id, learner_id, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  const now = ctx.now();
  ctx.sqlite.transaction(() => learnerIds.forEach((id) => insert.run(classId, id, now))).immediate();
}

/** Moving one learner between machines: export, preview, apply, and undo of the last import. */
export const profileTransferHandlers = channelHandlers({
  exportLearnerProfile: async (ctx, { learnerId, ...wanted }) => {
    const protection = protectionFor(ctx, wanted);
    const now = ctx.now();
    const row = cachedStatement(ctx.sqlite, 'SELECT display_name AS displayName, (SELECT count(*) FROM activity_attempts WHERE learner_id = ?) AS attempts FROM learner_profiles WHERE id = ?').get(learnerId, learnerId) as { displayName: string; attempts: number } | undefined;
    if (!row) throw new DalaError('not_found', 'This learner is not on this computer any more.', 'learnerId');
    const out = ctx.transferFiles.createOwned(profileFileName(row.displayName, now));
    try {
      // A learner with 50,000 attempts is a second of reading and hashing: that is done on a worker.
      if (row.attempts <= PROFILE_INLINE_MAX_ATTEMPTS) await writeProfileFile(ctx.sqlite, learnerId, ctx.environment.appVersion, now, out.path, protection);
      else await ctx.jobs.run({ kind: 'profileExport', dataDir: ctx.dataDir, learnerId, appVersion: ctx.environment.appVersion, now, out: out.path, protection });
    } catch (error) {
      ctx.transferFiles.release(out.fileId);
      throw error;
    }
    return ctx.transferFiles.describe(out.fileId);
  },
  previewProfileImport: async (ctx, { fileId, passphrase }) => {
    const incoming = incomingFile(ctx, fileId);
    const fileName = incoming.fileName;
    const unlock = await unlockFile(ctx, incoming, passphrase);
    const sizeBytes = ctx.transferFiles.describe(fileId).sizeBytes;
    const { preview, learnerId, checksum } =
      sizeBytes <= PROFILE_INLINE_MAX_BYTES
        ? await previewProfileFile(ctx, incoming.path, unlock, fileName)
        : await ctx.jobs.run({ kind: 'profilePreview', dataDir: ctx.dataDir, file: incoming.path, fileName, unlock });
    const importId = ctx.pendingImports.add({ path: incoming.path, fileName, passphrase: unlock.passphrase, learnerId, checksum, sizeBytes });
    return { importId, fileName, preview, existingLearners: preview.learners.filter((l) => l.outcome !== 'created').length };
  },
  applyProfileImport: async (ctx, { importId, policy, classId }, call) => {
    const waiting = ctx.pendingImports.take(importId);
    assertMayImport(ctx, call, waiting.learnerId, classId);
    const unlock = { passphrase: waiting.passphrase };
    const report =
      waiting.sizeBytes <= PROFILE_INLINE_MAX_BYTES
        ? await importProfileFile(ctx, waiting.path, unlock, waiting.fileName, policy, waiting.checksum)
        : (await ctx.jobs.run({ kind: 'profileImport', dataDir: ctx.dataDir, file: waiting.path, fileName: waiting.fileName, unlock, policy, checksum: waiting.checksum })).report;
    ctx.pendingImports.remove(importId);
    if (classId !== undefined) joinClass(ctx, classId, report.learners.filter((l) => l.outcome === 'created').map((l) => l.learnerId));
    return report;
  },
  getLastImport: (ctx) => {
    const last = readLastImport(ctx.dataDir);
    return last ? { source: last.source, importedAt: last.importedAt, learnerIds: last.learnerIds } : null;
  },
  undoLastImport: async (ctx) => {
    const undone = await undoLastImport(ctx.sqlite, ctx.dataDir);
    return { source: undone.source, importedAt: undone.importedAt, learnerIds: undone.learnerIds, safetySnapshotId: undone.safetySnapshotId };
  },
});
