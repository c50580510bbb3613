import type { AuditRecord } from '../../electron/common/contract';
import type { AuditEntryView } from '../../electron/common/classes';
import type { CallContext } from '../channels/authorize';
import { channelHandlers } from '../channels/define';
import type { ManagerContext } from '../manager/context';
import { cachedStatement } from '../statement-cache';

const actorOf = (call: CallContext): AuditEntryView['actor'] =>
  call.caller.kind === 'cli' ? 'cli' : call.educator ? 'educator' : call.learnerId ? 'learner' : 'anyone';

/** Appends audit lines for what `call` did: ids and codes only. */
export function writeAudit(ctx: ManagerContext, call: CallContext, records: readonly AuditRecord[]): void {
  if (records.length === 0) return;
  const insert = cachedStatement(ctx.sqlite, 'INSERT INTO audit_log (at, action, actor, educator_id, target_type, target_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const at = ctx.now();
  const actor = actorOf(call);
  ctx.sqlite.transaction(() => {
    for (const r of records) insert.run(at, r.action, actor, call.educator?.id ?? null, r.targetType ?? null, r.targetId ?? null, r.detail?.slice(0, 200) ?? null);
  })();
}

const LIST = `SELECT id, at, action, actor, educator_id AS educatorId, target_type AS targetType, target_id AS targetId, detail
  FROM audit_log WHERE at >= ? ORDER BY id DESC LIMIT ?`;

/** Newest first. */
export function listAuditLog(ctx: ManagerContext, options: { since?: string | undefined; limit?: number | undefined }): AuditEntryView[] {
  return cachedStatement(ctx.sqlite, LIST).all(options.since ?? '', options.limit ?? 500) as AuditEntryView[];
}

export const auditHandlers = channelHandlers({
  listAuditLog: (ctx, input) => listAuditLog(ctx, input),
});
