import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { historyOf, write } from '../../electron/core/db/changeLog';
import type { Db } from '../../electron/core/db/open';
import { getEnterprise } from '../../electron/core/db/repos/enterprises';
import { rowFromDb } from '../../electron/core/db/tableSpec';
import { areasTable, enterprisesTable, partyOrgsTable } from '../../electron/core/db/tables';
import { openLedgerSession } from '../../electron/core/ledger/session';
import type { Enterprise } from '../../shared/domain/enterprise';
import { count, enterpriseRow, FIXED_NOW, steppingWriter, useTempDir } from './helpers';

const tmp = useTempDir();
let db: Db;
let areaId: number;
let writer: ReturnType<typeof steppingWriter>;

interface LogRow {
  id: number;
  batch_id: number;
  entity: string;
  entity_id: number;
  op: string;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
}

interface BatchRow {
  id: number;
  at: string;
  actor: string;
  action: string;
}

const logRows = (afterId = 0) =>
  db.prepare('SELECT * FROM change_log WHERE id > ? ORDER BY id').all(afterId) as LogRow[];
const lastLogId = () => (db.prepare('SELECT coalesce(max(id), 0) AS n FROM change_log').get() as { n: number }).n;
const batches = () => db.prepare('SELECT * FROM change_batches ORDER BY id').all() as BatchRow[];
const rawEnterprise = (id: number) =>
  rowFromDb(enterprisesTable, db.prepare('SELECT * FROM enterprises WHERE id = ?').get(id) as Record<string, unknown>);

function addEnterprise(overrides: Partial<Omit<Enterprise, 'id'>> = {}): number {
  return write(db, writer, '新增企业', (tx) => tx.insert(enterprisesTable, enterpriseRow(areaId, overrides)));
}

beforeEach(() => {
  const session = openLedgerSession(join(tmp.dir(), 'ledger.yqyc'), { create: true });
  db = session.db;
  tmp.onCleanup(() => db.close());
  writer = steppingWriter();
  areaId = write(db, writer, '新增区域', (tx) =>
    tx.insert(areasTable, { name: '东门村', type: 'village', zoneId: null, sortOrder: 0 }),
  );
  writer.advance(60_000);
});

describe('insert', () => {
  test('records one batch and one insert entry naming the record', () => {
    const batchesBefore = batches().length;
    const logBefore = lastLogId();

    const id = addEnterprise();

    const newBatches = batches().slice(batchesBefore);
    expect(newBatches).toEqual([
      {
        id: expect.any(Number),
        at: '2026-11-21T08:01:00.000Z',
        actor: '测试员',
        action: '新增企业',
        undoes_batch_id: null,
        barrier: 0,
      },
    ]);
    expect(logRows(logBefore)).toEqual([
      {
        id: expect.any(Number),
        batch_id: newBatches[0]!.id,
        entity: 'enterprise',
        entity_id: id,
        op: 'insert',
        field: null,
        old_value: null,
        new_value: null,
      },
    ]);
  });

  test('sets createdAt and updatedAt to the write’s time, whatever the caller passed', () => {
    const id = addEnterprise({ createdAt: '1999-01-01', updatedAt: '1999-01-01' });
    const row = rawEnterprise(id);
    expect(row.createdAt).toBe('2026-11-21T08:01:00.000Z');
    expect(row.updatedAt).toBe('2026-11-21T08:01:00.000Z');
    expect(row.name).toBe('嵊州市鑫达机械有限公司');
    expect(row.revenue).toBe(320.5);
    expect(row.hasUnion).toBe(true);
  });

  test('several inserts in one write share one batch', () => {
    const before = batches().length;
    const logBefore = lastLogId();
    const ids = write(db, writer, '导入企业', (tx) => [
      tx.insert(enterprisesTable, enterpriseRow(areaId, { name: '甲公司', uscc: null })),
      tx.insert(enterprisesTable, enterpriseRow(areaId, { name: '乙公司', uscc: null })),
    ]);
    expect(batches()).toHaveLength(before + 1);
    const entries = logRows(logBefore);
    expect(entries.map((e) => [e.op, e.entity_id])).toEqual(ids.map((id) => ['insert', id]));
    expect(new Set(entries.map((e) => e.batch_id)).size).toBe(1);
  });
});

describe('insertLater', () => {
  const named = (name: string) => enterpriseRow(areaId, { name, uscc: null });

  test('queued records get the ids SQLite gives, stay out of the ledger until flushed, and are logged as inserts in order', () => {
    const before = addEnterprise({ name: '在先公司', uscc: null });
    writer.advance(60_000);
    const logBefore = lastLogId();
    const seen: { ids: number[]; beforeFlush: number; afterFlush: number } = write(db, writer, '导入企业', (tx) => {
      const ids = ['甲公司', '乙公司', '丙公司'].map((n) => tx.insertLater(enterprisesTable, named(n)));
      const beforeFlush = count(db, 'enterprises');
      tx.flush();
      return { ids, beforeFlush, afterFlush: count(db, 'enterprises') };
    });
    expect(seen.ids).toEqual([before + 1, before + 2, before + 3]);
    expect(seen.beforeFlush).toBe(1);
    expect(seen.afterFlush).toBe(4);
    expect(seen.ids.map((id) => rawEnterprise(id).name)).toEqual(['甲公司', '乙公司', '丙公司']);
    expect(rawEnterprise(seen.ids[0]!).createdAt).toBe('2026-11-21T08:02:00.000Z');
    expect(logRows(logBefore).map((e) => [e.op, e.entity_id])).toEqual(seen.ids.map((id) => ['insert', id]));
  });

  test('the end of the write flushes what is still queued', () => {
    const id = write(db, writer, '导入企业', (tx) => tx.insertLater(enterprisesTable, named('甲公司')));
    expect(rawEnterprise(id).name).toBe('甲公司');
  });

  test('any other write runs the queue first: an update of a queued record finds it, and SQLite numbers its own insert after the queued ones', () => {
    const logBefore = lastLogId();
    const ids = write(db, writer, '导入企业', (tx) => {
      const queued = tx.insertLater(enterprisesTable, named('甲公司'));
      tx.update(enterprisesTable, queued, { employees: 99 });
      const direct = tx.insert(enterprisesTable, named('乙公司'));
      const later = tx.insertLater(enterprisesTable, named('丙公司'));
      return [queued, direct, later];
    });
    expect(new Set(ids).size).toBe(3);
    expect(ids[1]).toBe(ids[0]! + 1);
    expect(ids[2]).toBe(ids[1]! + 1);
    expect(rawEnterprise(ids[0]!).employees).toBe(99);
    expect(logRows(logBefore).map((e) => [e.op, e.entity_id])).toEqual([
      ['insert', ids[0]],
      ['update', ids[0]],
      ['insert', ids[1]],
      ['insert', ids[2]],
    ]);
  });

  test('a write that throws leaves neither the flushed nor the queued records', () => {
    const before = count(db, 'enterprises');
    expect(() =>
      write(db, writer, '导入企业', (tx) => {
        tx.insertLater(enterprisesTable, named('甲公司'));
        tx.flush();
        tx.insertLater(enterprisesTable, named('乙公司'));
        throw new Error('中途失败');
      }),
    ).toThrow('中途失败');
    expect(count(db, 'enterprises')).toBe(before);
  });
});

describe('update', () => {
  test('two changed fields → exactly two update entries with old and new values as JSON, and updatedAt bumped', () => {
    const id = addEnterprise();
    const createdAt = rawEnterprise(id).createdAt;
    writer.advance(3_600_000);
    const batchesBefore = batches().length;
    const logBefore = lastLogId();

    const changed = write(db, writer, '修改企业', (tx) =>
      // name is sent unchanged, as a form does: it must not be logged.
      tx.update(enterprisesTable, id, { employees: 60, revenue: 612.25, name: '嵊州市鑫达机械有限公司' }),
    );

    expect(changed).toBe(2);
    const entries = logRows(logBefore);
    expect(
      entries.map((e) => ({
        op: e.op,
        entity: e.entity,
        entity_id: e.entity_id,
        field: e.field,
        old: e.old_value,
        new: e.new_value,
      })),
    ).toEqual([
      { op: 'update', entity: 'enterprise', entity_id: id, field: 'revenue', old: '320.5', new: '612.25' },
      { op: 'update', entity: 'enterprise', entity_id: id, field: 'employees', old: '45', new: '60' },
    ]);
    expect(batches()).toHaveLength(batchesBefore + 1);
    expect(batches().at(-1)).toMatchObject({ action: '修改企业', at: '2026-11-21T09:01:00.000Z' });

    const row = rawEnterprise(id);
    expect(row.employees).toBe(60);
    expect(row.revenue).toBe(612.25);
    expect(row.updatedAt).toBe('2026-11-21T09:01:00.000Z');
    expect(row.createdAt).toBe(createdAt);
  });

  test('setting the same values records nothing and leaves updatedAt alone', () => {
    const id = addEnterprise();
    const before = rawEnterprise(id);
    writer.advance(60_000);
    const batchesBefore = batches().length;
    const logBefore = lastLogId();

    const changed = write(db, writer, '修改企业', (tx) =>
      tx.update(enterprisesTable, id, { employees: 45, revenue: 320.5, hasUnion: true, regNo: null, note: '' }),
    );

    expect(changed).toBe(0);
    expect(batches()).toHaveLength(batchesBefore);
    expect(logRows(logBefore)).toEqual([]);
    expect(rawEnterprise(id)).toEqual(before);
  });

  test('booleans and nulls are logged as JSON values', () => {
    const id = addEnterprise();
    const logBefore = lastLogId();
    write(db, writer, '修改企业', (tx) =>
      tx.update(enterprisesTable, id, { hasUnion: false, revenue: null, employees: null }),
    );
    const entries = logRows(logBefore);
    expect(entries.map((e) => [e.field, e.old_value, e.new_value])).toEqual([
      ['revenue', '320.5', 'null'],
      ['employees', '45', 'null'],
      ['hasUnion', 'true', 'false'],
    ]);
    const row = rawEnterprise(id);
    expect(row.hasUnion).toBe(false);
    expect(row.revenue).toBeNull();
  });

  test('updating a record that does not exist → NOT_FOUND and nothing logged', () => {
    const batchesBefore = batches().length;
    const logBefore = lastLogId();
    expect(() => write(db, writer, '修改企业', (tx) => tx.update(enterprisesTable, 4242, { employees: 1 }))).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringContaining('#4242') }),
    );
    expect(batches()).toHaveLength(batchesBefore);
    expect(logRows(logBefore)).toEqual([]);
  });
});

describe('remove', () => {
  test('records the whole old row, so history and undo can restore it', () => {
    const orgId = write(db, writer, '新增党组织', (tx) =>
      tx.insert(partyOrgsTable, {
        name: '中共嵊州市鑫达机械有限公司支部委员会',
        type: 'branch',
        host: 'enterprise',
        areaId: null,
        formationMethod: null,
        foundedOn: null,
        approvalNo: '',
        secretaryName: '',
        secretarySource: '',
        secretaryRole: '',
        secretaryPhone: '',
        committeeMembers: '',
        partyWorkers: '',
        superiorOrgId: null,
        termStartedOn: null,
        note: '',
        createdAt: '',
        updatedAt: '',
      }),
    );
    const id = addEnterprise({ fullMembers: 3, orgSetting: 'standalone', partyOrgId: orgId });
    const before = rawEnterprise(id);
    const logBefore = lastLogId();

    write(db, writer, '删除企业', (tx) => tx.remove(enterprisesTable, id));

    expect(db.prepare('SELECT count(*) AS n FROM enterprises WHERE id = ?').get(id)).toEqual({ n: 0 });
    const entries = logRows(logBefore);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      op: 'delete',
      entity: 'enterprise',
      entity_id: id,
      field: null,
      new_value: null,
    });
    const old = JSON.parse(entries[0]!.old_value!) as Enterprise;
    expect(old).toEqual(before);
    expect(old.fullMembers).toBe(3);
    expect(old.partyOrgId).toBe(orgId);
    expect(old.orgSetting).toBe('standalone');
  });
});

describe('atomicity', () => {
  test('a write whose callback throws after inserting leaves neither the row nor any log entry', () => {
    const enterprises = count(db, 'enterprises');
    const batchCount = count(db, 'change_batches');
    const logCount = count(db, 'change_log');

    expect(() =>
      write(db, writer, '新增企业', (tx) => {
        tx.insert(enterprisesTable, enterpriseRow(areaId));
        throw new Error('表单校验未通过');
      }),
    ).toThrow('表单校验未通过');

    expect(count(db, 'enterprises')).toBe(enterprises);
    expect(count(db, 'change_batches')).toBe(batchCount);
    expect(count(db, 'change_log')).toBe(logCount);
    expect(db.prepare('SELECT count(*) AS n FROM enterprises WHERE name = ?').get('嵊州市鑫达机械有限公司')).toEqual({
      n: 0,
    });
  });

  test('a constraint failure on the second insert undoes the first (duplicate credit code)', () => {
    addEnterprise({ name: '已有公司', uscc: '91350100M000100Y43' });
    const enterprises = count(db, 'enterprises');
    const logCount = count(db, 'change_log');

    expect(() =>
      write(db, writer, '导入企业', (tx) => {
        tx.insert(enterprisesTable, enterpriseRow(areaId, { name: '新公司一', uscc: '914403001922038216' }));
        tx.insert(enterprisesTable, enterpriseRow(areaId, { name: '新公司二', uscc: '91350100M000100Y43' }));
      }),
    ).toThrow(/UNIQUE constraint failed: enterprises.uscc/);

    expect(count(db, 'enterprises')).toBe(enterprises);
    expect(count(db, 'change_log')).toBe(logCount);
    expect(db.prepare("SELECT count(*) AS n FROM enterprises WHERE name = '新公司一'").get()).toEqual({ n: 0 });
  });

  test('an update that throws midway keeps the old values and logs nothing', () => {
    const id = addEnterprise();
    const logCount = count(db, 'change_log');
    expect(() =>
      write(db, writer, '修改企业', (tx) => {
        tx.update(enterprisesTable, id, { employees: 99 });
        tx.update(enterprisesTable, id, { starRating: 9 }); // CHECK (star_rating BETWEEN 0 AND 5)
      }),
    ).toThrow(/CHECK constraint failed/);
    expect(rawEnterprise(id).employees).toBe(45);
    expect(rawEnterprise(id).starRating).toBe(0);
    expect(count(db, 'change_log')).toBe(logCount);
  });

  test('write returns what the callback returns', () => {
    expect(write(db, writer, '无操作', () => 'done')).toBe('done');
  });
});

describe('historyOf', () => {
  test('returns a record’s entries newest first, with values parsed and batch details joined', () => {
    const id = addEnterprise();
    writer.advance(60_000);
    write(db, writer, '修改人数', (tx) => tx.update(enterprisesTable, id, { employees: 50 }));
    writer.advance(60_000);
    write(db, writer, '修改营收', (tx) => tx.update(enterprisesTable, id, { revenue: 800, hasUnion: false }));
    // Another record's history must not leak in.
    const other = addEnterprise({ name: '别的公司', uscc: null });
    write(db, writer, '修改人数', (tx) => tx.update(enterprisesTable, other, { employees: 5 }));

    const history = historyOf(db, 'enterprise', id);
    expect(history.map((h) => [h.action, h.op, h.field, h.oldValue, h.newValue])).toEqual([
      ['修改营收', 'update', 'hasUnion', true, false],
      ['修改营收', 'update', 'revenue', 320.5, 800],
      ['修改人数', 'update', 'employees', 45, 50],
      ['新增企业', 'insert', null, null, null],
    ]);
    expect(history[0]).toMatchObject({
      entity: 'enterprise',
      entityId: id,
      actor: '测试员',
      at: '2026-11-21T08:03:00.000Z',
    });
    expect(history.at(-1)!.at).toBe('2026-11-21T08:01:00.000Z');
    const batchIds = history.map((h) => h.batchId);
    expect([...batchIds].sort((a, b) => b - a)).toEqual(batchIds);
  });

  test('a removed record’s history ends with its delete entry carrying the old row', () => {
    const id = addEnterprise();
    write(db, writer, '删除企业', (tx) => tx.remove(enterprisesTable, id));
    const history = historyOf(db, 'enterprise', id);
    expect(history.map((h) => h.op)).toEqual(['delete', 'insert']);
    expect(history[0]!.oldValue).toMatchObject({ id, name: '嵊州市鑫达机械有限公司', employees: 45 });
    expect(history[0]!.newValue).toBeNull();
  });

  test('a record never written has no history', () => {
    expect(historyOf(db, 'enterprise', 777)).toEqual([]);
  });
});

describe('what the repository reads back', () => {
  test('getEnterprise shows the area name and the size band of the stored row', () => {
    const id = addEnterprise({ employees: 65, revenue: null });
    const detail = getEnterprise(db, id);
    expect(detail).toMatchObject({
      id,
      areaName: '东门村',
      workGroupName: null,
      sizeBand: 'C',
      revenueNeedsConfirming: true,
    });
    expect(detail!.createdAt).toBe(new Date(FIXED_NOW.getTime() + 60_000).toISOString());
  });
});
