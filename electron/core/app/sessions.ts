import { randomBytes } from 'node:crypto';
import type { CoreContext } from './context';

/**
 * Files a clerk works through over several requests (an import's open → columns → preview → commit, a template's
 * open → fill), kept per core under an unguessable id. A session idle for `idleMs` (the clerk went home) is
 * forgotten, and beyond `max` the least recently used goes; the files themselves are never touched.
 */
export class IdleSessions<T> {
  private readonly byCore = new WeakMap<CoreContext, Map<string, { value: T; usedAt: number }>>();

  constructor(
    private readonly idleMs: number,
    private readonly max: number,
  ) {}

  add(ctx: CoreContext, value: T): string {
    const store = this.storeOf(ctx);
    while (store.size >= this.max) {
      const [oldest] = [...store].sort(([, a], [, b]) => a.usedAt - b.usedAt)[0]!;
      store.delete(oldest);
    }
    const id = randomBytes(18).toString('base64url');
    store.set(id, { value, usedAt: Date.now() });
    return id;
  }

  /** The session, marked as just used; undefined when it expired, was closed or never existed. */
  get(ctx: CoreContext, id: string): T | undefined {
    const entry = this.storeOf(ctx).get(id);
    if (entry) entry.usedAt = Date.now();
    return entry?.value;
  }

  delete(ctx: CoreContext, id: string): void {
    this.storeOf(ctx).delete(id);
  }

  private storeOf(ctx: CoreContext): Map<string, { value: T; usedAt: number }> {
    let store = this.byCore.get(ctx);
    if (!store) this.byCore.set(ctx, (store = new Map()));
    const now = Date.now();
    for (const [id, s] of store) if (now - s.usedAt > this.idleMs) store.delete(id);
    return store;
  }
}
