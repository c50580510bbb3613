import path from 'node:path';
import { DalaError } from '../../electron/common/errors';
import { localDay } from '../../electron/common/local-day';
import { channelHandlers } from '../channels/define';
import type { HandlerContext } from '../channels/context';
import { readUserFile } from './file-io';
import { exportProfile, parseProfileFile } from './profile-file';
import { importTransfers } from './profile-import';
import { readLastImport, undoLastImport } from './snapshot-restore';

/** File names only ever carry the learner's name in a safe form, never a folder. */
export function profileFileName(displayName: string, date: string): string {
  const safe = displayName.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '').replace(/\s+/g, '-').slice(0, 60) || 'learner';
  // The teacher's date, not the UTC one: a file saved in Sydney at 8:00 carries today's date.
  return `${safe}-${localDay(new Date(date))}.dalaprofile`;
}

function readProfileInput(ctx: HandlerContext, input: { content: string; fileName: string } | { fileId: string }): { bytes: Uint8Array | string; fileName: string } {
  if ('content' in input) return { bytes: input.content, fileName: path.basename(input.fileName) };
  const file = ctx.environment.resolveProfileFile?.(input.fileId);
  if (!file) throw new DalaError('not_found', 'That profile file is no longer available. Open it again.', 'fileId');
  return { bytes: readUserFile(file), fileName: path.basename(file) };
}

/** Moving one learner between machines: export, preview, apply, and undo of the last import. */
export const profileTransferHandlers = channelHandlers({
  exportLearnerProfile: (ctx, { learnerId }) => {
    const now = ctx.now();
    const { content, learner } = exportProfile(ctx.sqlite, learnerId, ctx.environment.appVersion, now);
    return { fileName: profileFileName(learner.displayName, now), content };
  },
  previewProfileImport: async (ctx, input) => {
    const { bytes, fileName } = readProfileInput(ctx, input);
    const file = parseProfileFile(bytes);
    const preview = await importTransfers(ctx, [file], { policy: 'merge', dryRun: true, source: fileName });
    const importId = ctx.pendingImports.add({ file, fileName });
    return { importId, fileName, preview, existingLearners: preview.learners.filter((l) => l.outcome !== 'created').length };
  },
  applyProfileImport: async (ctx, { importId, policy }) => {
    const waiting = ctx.pendingImports.take(importId);
    const report = await importTransfers(ctx, [waiting.file], { policy, dryRun: false, source: waiting.fileName });
    ctx.pendingImports.remove(importId);
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
