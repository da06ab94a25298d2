import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { beforeEach, expect } from 'vitest';
import type { EnterpriseDetail } from '../../shared/domain/enterprise';
import type { EnterpriseInput } from '../../shared/domain/enterpriseInput';
import type { UndoableStep } from '../../shared/ipc/changes';
import type { RecentLedger } from '../../shared/ipc/ledgers';
import type { AppErrorShape } from '../../shared/ipc/result';
import type { Db } from '../../electron/core/db/open';
import type { CoreClient } from '../../electron/core/host/coreClient';
import { inProcessCore } from '../../electron/core/host/inProcessCore';
import { FIXED_NOW, useTempDir, valueOf } from './helpers';

/**
 * A fresh empty ledger per test with one village, driven through `invoke` like the screen: every request goes
 * through the contract's schemas, so refusals carry the real messages and fields.
 */
export function usePartyLedger() {
  const tmp = useTempDir();
  let core: CoreClient;
  let areaId = 0;

  beforeEach(async () => {
    core = inProcessCore({ dataDir: tmp.dir(), now: () => FIXED_NOW, actor: '王文书' });
    tmp.onCleanup(() => core.close());
    valueOf(
      await core.invoke('ledgers:create', {
        settings: { township: '长乐镇', committee: '中共长乐镇委员会', docCode: '长委' },
      }),
    );
    areaId = valueOf<{ id: number }>(await core.invoke('areas:save', { name: '长安村', type: 'village' })).id;
  });

  const call = async <T>(channel: string, payload: unknown = {}) => valueOf<T>(await core.invoke(channel, payload));

  async function errorOf(channel: string, payload: unknown = {}): Promise<AppErrorShape> {
    const result = await core.invoke(channel, payload);
    expect(result.ok, `${channel} should fail`).toBe(false);
    if (result.ok) throw new Error('unreachable');
    return result.error as AppErrorShape;
  }

  async function enterprise(name: string, overrides: Partial<EnterpriseInput> = {}): Promise<number> {
    return (await call<{ id: number }>('enterprises:create', { input: { name, areaId, ...overrides } })).id;
  }

  const detail = (id: number) => call<EnterpriseDetail>('enterprises:get', { id });
  const lastStep = () => call<UndoableStep | null>('changes:lastUndoable');

  /** Takes back the newest step, which must be the one named `action`. */
  async function undo(action: string): Promise<void> {
    const step = await lastStep();
    expect(step?.action).toBe(action);
    await call('changes:undo', { batchId: step!.batchId });
  }

  /** A second, read-only connection to the open ledger's file: what is really stored. */
  async function readFile<T>(read: (db: Db) => T): Promise<T> {
    const [recent] = await call<RecentLedger[]>('ledgers:listRecent');
    const db = new Database(join(recent!.folder, recent!.fileName), { readonly: true });
    try {
      return read(db);
    } finally {
      db.close();
    }
  }

  return { call, errorOf, enterprise, detail, lastStep, undo, readFile, areaId: () => areaId };
}

/** The minimal organisation input. */
export function orgInput(name: string, type: string, more: Record<string, unknown> = {}) {
  return { name, type, ...more };
}
