import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { beforeEach, describe, expect, test } from 'vitest';
import type { InstructorItem } from '../../shared/domain/lookups';
import type { AttachmentMeta, WorkLogDetail, WorkLogRow } from '../../shared/domain/party';
import type { UndoableStep } from '../../shared/ipc/changes';
import type { SaveResult } from '../../shared/ipc/enterprises';
import type { Page, Saved } from '../../shared/ipc/fields';
import type { WorkLogInput, WorkLogQuery } from '../../shared/ipc/workLogs';
import type { CoreClient } from '../../electron/core/host/coreClient';
import { inProcessCore } from '../../electron/core/host/inProcessCore';
import { FIXED_NOW, useTempDir, valueOf } from './helpers';

const tmp = useTempDir();
let core: CoreClient;
let file: string;
let jinggong: number;
let xinda: number;
let zhang: number;

const call = async <T>(channel: string, payload: unknown = {}) => valueOf<T>(await core.invoke(channel, payload));

async function errorOf(channel: string, payload: unknown = {}) {
  const result = await core.invoke(channel, payload);
  if (result.ok) throw new Error(`${channel} should have failed`);
  return result.error;
}

function onDisk<T = unknown>(sql: string, ...params: unknown[]): T {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare(sql)
      .pluck()
      .get(...params) as T;
  } finally {
    db.close();
  }
}

const save = async (input: WorkLogInput, id?: number) => (await call<Saved>('workLogs:save', { id, input })).id;
const list = (query: WorkLogQuery = {}, page: { offset?: number; limit?: number } = {}) =>
  call<Page<WorkLogRow>>('workLogs:list', { query, ...page });
const heldOns = async (query: WorkLogQuery = {}) => (await list(query)).rows.map((r) => r.heldOn);

/** The first bytes of a PNG and a little more: the core judges the type by its content. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

beforeEach(async () => {
  core = inProcessCore({ dataDir: tmp.dir(), now: () => FIXED_NOW, actor: '王文书' });
  tmp.onCleanup(() => core.close());
  file = join(tmp.dir(), 'logs.yqyc');
  const target = await core.grant(file, 'create');
  await call('ledgers:create', {
    target,
    settings: { township: '长乐镇', committee: '中共长乐镇委员会', docCode: '长委' },
  });
  const areaId = (await call<{ id: number }>('areas:save', { name: '东门村', type: 'village' })).id;
  jinggong = (await call<SaveResult>('enterprises:create', { input: { name: '长乐精工机械有限公司', areaId } })).id;
  xinda = (await call<SaveResult>('enterprises:create', { input: { name: '嵊州市鑫达纺织有限公司', areaId } })).id;
  zhang = (await call<InstructorItem>('instructors:save', { name: '张建国' })).id;
});

describe('saving a work log', () => {
  test('a visit is saved with every field and read back with names', async () => {
    const id = await save({
      enterpriseId: jinggong,
      heldOn: '2026-10-12',
      kind: 'visit',
      instructorId: zhang,
      participants: '张建国、李芳',
      content: '指导党组织规范开展“三会一课”',
      problems: '企业一线用工紧缺',
      resolution: '协调镇人力社保站组织专场招聘会',
      suggestions: 2,
      problemsSolved: 1,
      followUpOn: '2026-12-01',
    });
    const log = await call<WorkLogDetail>('workLogs:get', { id });
    expect(log).toMatchObject({
      id,
      enterpriseName: '长乐精工机械有限公司',
      instructorName: '张建国',
      kind: 'visit',
      suggestions: 2,
      problemsSolved: 1,
      followUpOn: '2026-12-01',
      followUpDone: false,
      attachments: 0,
      attachmentList: [],
    });
    expect(onDisk('SELECT action FROM change_batches ORDER BY id DESC LIMIT 1')).toBe(
      '新增工作记录：长乐精工机械有限公司 2026-10-12 走访',
    );

    await save({ enterpriseId: jinggong, heldOn: '2026-10-12', followUpOn: '2026-12-01', followUpDone: true }, id);
    expect(await call<WorkLogDetail>('workLogs:get', { id })).toMatchObject({ followUpDone: true, instructorId: null });
  });

  test('a follow-up before the log’s date is refused beside 跟进期限, nothing written', async () => {
    const batches = onDisk('SELECT count(*) FROM change_batches');
    const error = await errorOf('workLogs:save', {
      input: { enterpriseId: jinggong, heldOn: '2026-10-12', followUpOn: '2026-10-11' },
    });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'input.followUpOn' });
    expect(error.message).toContain('跟进期限（2026-10-11）不能早于记录日期（2026-10-12）');
    expect(onDisk('SELECT count(*) FROM work_logs')).toBe(0);
    expect(onDisk('SELECT count(*) FROM change_batches')).toBe(batches);
  });

  test('an unknown enterprise or instructor is refused beside its field; a future date is only a warning', async () => {
    expect(await errorOf('workLogs:save', { input: { enterpriseId: 999, heldOn: '2026-10-12' } })).toMatchObject({
      code: 'VALIDATION',
      field: 'input.enterpriseId',
    });
    expect(
      await errorOf('workLogs:save', { input: { enterpriseId: jinggong, heldOn: '2026-10-12', instructorId: 999 } }),
    ).toMatchObject({ code: 'VALIDATION', field: 'input.instructorId' });
    expect(await errorOf('workLogs:save', { input: { enterpriseId: jinggong, heldOn: '2026-13-01' } })).toMatchObject({
      code: 'VALIDATION',
      field: 'input.heldOn',
    });
    const saved = await call<Saved>('workLogs:save', { input: { enterpriseId: jinggong, heldOn: '2026-12-01' } });
    expect(saved.warnings).toEqual([{ field: 'heldOn', message: expect.stringContaining('晚于今天') }]);
    expect((await errorOf('workLogs:get', { id: 999 })).code).toBe('NOT_FOUND');
    expect((await errorOf('workLogs:delete', { id: 999 })).code).toBe('NOT_FOUND');
  });
});

describe('the list', () => {
  beforeEach(async () => {
    await save({
      enterpriseId: jinggong,
      heldOn: '2026-09-01',
      kind: 'visit',
      instructorId: zhang,
      content: '检查党建台账',
    });
    await save({ enterpriseId: xinda, heldOn: '2026-10-05', kind: 'forum', content: '召开党员职工座谈会' });
    await save({
      enterpriseId: xinda,
      heldOn: '2026-11-02',
      kind: 'assistance',
      instructorId: zhang,
      problems: '企业用电增容',
      followUpOn: '2026-11-25',
    });
    await save({
      enterpriseId: jinggong,
      heldOn: '2026-11-10',
      kind: 'visit',
      followUpOn: '2026-11-20',
      followUpDone: true,
    });
  });

  test('is newest first, pages, and counts what the filter finds', async () => {
    expect(await heldOns()).toEqual(['2026-11-10', '2026-11-02', '2026-10-05', '2026-09-01']);
    const page = await list({}, { offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.heldOn)).toEqual(['2026-11-02', '2026-10-05']);
  });

  test('filters by enterprise, instructor, kinds, dates and open follow-ups', async () => {
    expect(await heldOns({ enterpriseId: xinda })).toEqual(['2026-11-02', '2026-10-05']);
    expect(await heldOns({ instructorId: zhang })).toEqual(['2026-11-02', '2026-09-01']);
    expect(await heldOns({ kinds: ['visit', 'forum'] })).toEqual(['2026-11-10', '2026-10-05', '2026-09-01']);
    expect(await heldOns({ from: '2026-10-01', to: '2026-11-02' })).toEqual(['2026-11-02', '2026-10-05']);
    expect(await heldOns({ openFollowUps: true })).toEqual(['2026-11-02']);
    expect((await list({ enterpriseId: xinda, kinds: ['visit'] })).total).toBe(0);
  });

  test('searches the enterprise’s name, its pinyin initials and what the log says', async () => {
    expect(await heldOns({ search: '鑫达' })).toEqual(['2026-11-02', '2026-10-05']);
    expect(await heldOns({ search: 'cljg' })).toEqual(['2026-11-10', '2026-09-01']);
    expect(await heldOns({ search: 'CLJG' })).toEqual(['2026-11-10', '2026-09-01']);
    expect(await heldOns({ search: '座谈' })).toEqual(['2026-10-05']);
    expect(await heldOns({ search: '用电' })).toEqual(['2026-11-02']);
    expect(await heldOns({ search: 'szs 座谈' })).toEqual(['2026-10-05']);
    // LIKE wildcards are taken literally.
    expect(await heldOns({ search: '%' })).toEqual([]);
    expect(await heldOns({ search: '_' })).toEqual([]);
  });
});

describe('deleting a work log', () => {
  test('removes its attachments in the same step; undo brings both back, content included', async () => {
    const id = await save({ enterpriseId: jinggong, heldOn: '2026-10-12', kind: 'visit' });
    const meta = await call<AttachmentMeta>('attachments:add', {
      ownerType: 'work-log',
      ownerId: id,
      fileName: '走访照片.png',
      data: PNG.toString('base64'),
    });
    const log = await call<WorkLogDetail>('workLogs:get', { id });
    expect(log.attachments).toBe(1);
    expect(log.attachmentList).toEqual([
      expect.objectContaining({ id: meta.id, fileName: '走访照片.png', ownerId: id }),
    ]);

    await call('workLogs:delete', { id });
    expect(onDisk('SELECT count(*) FROM work_logs')).toBe(0);
    expect(onDisk('SELECT count(*) FROM attachments')).toBe(0);
    expect((await list()).total).toBe(0);

    const step = (await call<UndoableStep>('changes:lastUndoable'))!;
    expect(step.action).toBe('删除工作记录：长乐精工机械有限公司 2026-10-12 走访');
    expect(step.records).toBe(2);
    await call('changes:undo', { batchId: step.batchId });
    expect((await call<WorkLogDetail>('workLogs:get', { id })).attachmentList).toEqual(log.attachmentList);
    const file = await call<{ data: string }>('attachments:get', { id: meta.id });
    expect(Buffer.from(file.data, 'base64')).toEqual(PNG);
  });
});
