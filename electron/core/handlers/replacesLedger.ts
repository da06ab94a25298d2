import type { Channel } from '../../../shared/ipc';
import { resumeDaily, stopDaily } from '../ledger/daily';
import type { Handler } from './types';

/**
 * For a channel that may close, replace, rename or rekey the open ledger's file — opening or creating another
 * ledger, 关闭台账, 锁定, 恢复备份, 设置/修改/取消密码. The day's check and backup read that file through a connection
 * of their own on another thread (ledger/daily.ts): on Windows an open handle makes a rename or replace fail, and
 * the ledger's own close can fold its log back into the file only as the last connection. So that work is stopped
 * and its connection closed before the handler runs; if the same ledger is still open afterwards (the operation
 * was refused: a wrong password, a file not found), its daily work is scheduled again.
 */
export function replacesLedger<C extends Channel>(handler: Handler<C>): Handler<C> {
  return async (ctx, req) => {
    const before = ctx.ledger;
    const stopping = before ? stopDaily(before) : null;
    if (stopping) await stopping;
    try {
      return await handler(ctx, req);
    } finally {
      if (before && ctx.ledger === before) resumeDaily(before);
    }
  };
}
