import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { EnterpriseDetail } from '../../shared/domain/enterprise';
import type { UndoableStep } from '../../shared/ipc/changes';
import type { SaveResult } from '../../shared/ipc/enterprises';
import { useImportLedger } from './importSetup';

const L = useImportLedger();

// Imports back the ledger up first (issue 9): keep those copies out of the tester's home folder.
beforeAll(() => {
  process.env.YIQIYICE_BACKUP_DIR ??= mkdtempSync(join(tmpdir(), 'yiqiyice-redo-backups-'));
});

/** Every table a step in these tests can touch, row for row, as a second connection reads the file. */
const snapshot = () =>
  L.readFile((db) =>
    Object.fromEntries(
      ['enterprises', 'areas', 'party_orgs', 'instructors', 'instructor_assignments'].map((t) => [
        t,
        db.prepare(`SELECT * FROM ${t} ORDER BY id`).all(),
      ]),
    ),
  );

const lastUndoable = () => L.call<UndoableStep | null>('changes:lastUndoable');
const lastRedoable = () => L.call<UndoableStep | null>('changes:lastRedoable');

async function undo(): Promise<UndoableStep> {
  const step = await lastUndoable();
  expect(step, 'something to undo').not.toBeNull();
  return (await L.call<{ undone: UndoableStep }>('changes:undo', { batchId: step!.batchId })).undone;
}

async function redo(): Promise<{ redone: UndoableStep; next: UndoableStep | null; undoable: UndoableStep | null }> {
  const step = await lastRedoable();
  expect(step, 'something to redo').not.toBeNull();
  return L.call('changes:redo', { batchId: step!.batchId });
}

const status = async (id: number) => (await L.call<EnterpriseDetail>('enterprises:get', { id })).operatingStatus;
const setStatus = (ids: number[], operatingStatus: string) =>
  L.call('enterprises:bulkUpdate', { ids, patch: { operatingStatus } });

async function create(name: string): Promise<number> {
  return (await L.call<SaveResult>('enterprises:create', { input: { name, areaId: L.areaId(), employees: 10 } })).id;
}

describe('redo', () => {
  test('undo → redo → undo → redo of one edit, each a recorded step, the label the clerk’s own action', async () => {
    const id = await create('甲公司');
    const before = await status(id);
    await setStatus([id], 'suspended');
    expect(await lastRedoable()).toBeNull();

    const step = (await lastUndoable())!;
    const answer = await L.call<{ undone: UndoableStep; redoable: UndoableStep | null }>('changes:undo', {
      batchId: step.batchId,
    });
    const undone = answer.undone;
    expect(await status(id)).toBe(before);
    const redoable = await lastRedoable();
    expect(redoable).toMatchObject({ action: undone.action, actor: '王文书', records: 1 });
    // The undo's answer already names the redo, so the screen need not ask again.
    expect(answer.redoable).toEqual(redoable);

    const { redone, next, undoable } = await redo();
    expect(redone.action).toBe(undone.action);
    expect(next).toBeNull();
    expect(undoable).toEqual(await lastUndoable());
    expect(await status(id)).toBe('suspended');
    // After a redo the step is undoable again, under the same name.
    expect((await lastUndoable())!.action).toBe(undone.action);

    await undo();
    expect(await status(id)).toBe(before);
    await redo();
    expect(await status(id)).toBe('suspended');

    const actions = await L.readFile(
      (db) => db.prepare('SELECT action FROM change_batches ORDER BY id DESC LIMIT 4').pluck().all() as string[],
    );
    expect(actions).toEqual([
      `重做：${undone.action}`,
      `撤销：${undone.action}`,
      `重做：${undone.action}`,
      `撤销：${undone.action}`,
    ]);
  });

  test('after undoing several steps, redo brings them back newest-undone first', async () => {
    const a = await create('甲公司');
    const b = await create('乙公司');
    await setStatus([a], 'suspended');
    await setStatus([b], 'deregistered');
    const first = await undo(); // b's change
    const second = await undo(); // a's change
    expect([await status(a), await status(b)]).not.toContain('suspended');

    expect((await redo()).redone.action).toBe(second.action);
    expect(await status(a)).toBe('suspended');
    expect(await status(b)).not.toBe('deregistered');
    const last = await redo();
    expect(last.redone.action).toBe(first.action);
    expect(last.next).toBeNull();
    expect(await status(b)).toBe('deregistered');
    // Undo walks back over the redone steps in order, then the two creations.
    expect((await undo()).action).toBe(first.action);
    expect((await undo()).action).toBe(second.action);
    expect((await lastUndoable())!.action).toContain('乙公司');
  });

  test('a delete undone and redone is gone again; undone once more it is back under its old id', async () => {
    const id = await create('甲公司');
    await L.call('enterprises:delete', { id });
    await undo();
    expect((await L.call<EnterpriseDetail>('enterprises:get', { id })).name).toBe('甲公司');
    await redo();
    expect((await L.errorOf('enterprises:get', { id })).code).toBe('NOT_FOUND');
    await undo();
    expect((await L.call<EnterpriseDetail>('enterprises:get', { id })).name).toBe('甲公司');
  });

  test('a bulk edit is one step both ways', async () => {
    const ids = [await create('甲公司'), await create('乙公司'), await create('丙公司')];
    const before = await snapshot();
    await setStatus(ids, 'suspended');
    const after = await snapshot();
    await undo();
    expect(await snapshot()).toEqual(before);
    const { redone } = await redo();
    expect(redone.records).toBe(3);
    expect(await snapshot()).toEqual(after);
  });

  test('an import is one step: undo leaves the ledger as before it, redo as after it, row for row', async () => {
    await create('甲公司');
    const before = await snapshot();
    const path = L.csv('导入.csv', [
      ['企业名称', '所在村', '职工人数', '党组织设置', '党组织名称'],
      ['甲公司', '长安村', '20', '联合建立', '城南联合党支部'],
      ['乙公司', '城南社区', '8', '联合建立', '城南联合党支部'],
      ['丁公司', '长安村', '30', '', ''],
    ]);
    expect(await L.commit(path, { onMatch: 'update', addAreas: ['城南社区'] })).toMatchObject({ added: 2, updated: 1 });
    const imported = await snapshot();

    expect((await undo()).action).toBe('导入企业台账（导入.csv）');
    expect(await snapshot()).toEqual(before);
    expect((await redo()).redone.action).toBe('导入企业台账（导入.csv）');
    expect(await snapshot()).toEqual(imported);
    await undo();
    expect(await snapshot()).toEqual(before);
  });

  test('a new edit ends the redo chain: the old redo is refused and changes nothing', async () => {
    const a = await create('甲公司');
    await setStatus([a], 'suspended');
    await undo();
    const stale = await lastRedoable();
    expect(stale).not.toBeNull();

    await create('乙公司');
    expect(await lastRedoable()).toBeNull();
    const before = await snapshot();
    const error = await L.errorOf('changes:redo', { batchId: stale!.batchId });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('重做');
    expect(await snapshot()).toEqual(before);
    expect(await status(a)).not.toBe('suspended');
    // Undoing the new edit does not bring the older redo back: it was ended by that edit.
    await undo();
    expect((await lastRedoable())!.action).toContain('乙公司');
    await redo();
    expect(await lastRedoable()).toBeNull();
  });
});
