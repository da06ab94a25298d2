import { describe, expect, test } from 'vitest';
import type { UndoableStep } from '../../shared/ipc/changes';
import type { ImportLayout, ImportReport } from '../../shared/ipc/imports';
import type { JobProgress } from '../../shared/ipc/jobs';
import { join } from 'node:path';
import { writeZip } from '../fixtures/excel/zipWriter';
import { useImportLedger } from './importSetup';

/**
 * A commit is one step: one transaction and one change batch, so one 撤销 takes the whole import back; a cancel or
 * a failure part-way leaves the ledger exactly as it was; the mapping is kept for the next file of that layout.
 */
const L = useImportLedger();

/** What the ledger holds, table by table (the change log aside), to compare before and after. */
const snapshot = () =>
  L.readFile((db) =>
    Object.fromEntries(
      ['enterprises', 'areas', 'party_orgs', 'instructor_assignments', 'import_mappings'].map((t) => [
        t,
        db.prepare(`SELECT * FROM ${t} ORDER BY id`).all(),
      ]),
    ),
  );
const batches = () => L.readFile((db) => db.prepare('SELECT count(*) FROM change_batches').pluck().get() as number);

const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A one-sheet workbook of `rows` enterprises, its XML broken after the last of them when `broken`. */
async function writeSheetXml(path: string, rows: number, broken: boolean): Promise<void> {
  const t = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  await writeZip(path, [
    {
      name: '[Content_Types].xml',
      data: `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `${xml}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `${xml}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `${xml}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: function* () {
        yield `${xml}<worksheet xmlns="${MAIN}"><sheetData><row r="1">${t('A1', '企业名称')}${t('B1', '所在村')}</row>`;
        for (let r = 2; r <= rows + 1; r++)
          yield `<row r="${r}">${t(`A${r}`, `企业${r}有限公司`)}${t(`B${r}`, '长安村')}</row>`;
        yield broken ? '<row r="999999"><c r="A999999" t="inlineStr"><is><t>坏</t></is></row></c><<<>>' : '';
        yield '</sheetData></worksheet>';
      },
    },
  ]);
}

function manyRows(count: number): (string | number)[][] {
  const lines: (string | number)[][] = [['企业名称', '所在村', '职工人数']];
  for (let i = 1; i <= count; i++) lines.push([`企业${String(i).padStart(5, '0')}有限公司`, '长安村', i % 200]);
  return lines;
}

describe('one step', () => {
  test('adds, updates, new areas, organisations and assignments are one change batch that one 撤销 takes back', async () => {
    await L.call('enterprises:create', { input: { name: '甲公司', areaId: L.areaId(), employees: 10 } });
    await L.call('instructors:save', { name: '王指导' });
    const before = await snapshot();
    const batchesBefore = await batches();
    const path = L.csv('导入.csv', [
      ['企业名称', '所在村', '职工人数', '党组织设置', '党组织名称', '党建工作指导员'],
      ['甲公司', '长安村', '20', '联合建立', '城南联合党支部', '王指导'],
      ['乙公司', '城南社区', '8', '联合建立', '城南联合党支部', ''],
      ['丙公司', '城南社区', '约9', '', '', ''],
    ]);
    const report = await L.commit(path, { onMatch: 'update', addAreas: ['城南社区'] });
    expect(report).toMatchObject({ added: 1, updated: 1, skipped: 0 });
    expect(report.rejected.map((p) => p.row)).toEqual([4]);
    expect(await batches()).toBe(batchesBefore + 1);
    const step = await L.call<UndoableStep>('changes:lastUndoable');
    expect(step.action).toBe('导入企业台账（导入.csv）');
    const all = await L.enterprises();
    expect(all.get('甲公司')).toMatchObject({
      employees: 20,
      partyOrgName: '城南联合党支部',
      instructorName: '王指导',
    });
    expect(all.get('乙公司')).toMatchObject({ areaName: '城南社区', partyOrgName: '城南联合党支部' });

    await L.call('changes:undo', { batchId: step.batchId });
    const after = await snapshot();
    // The saved mapping is the program's memory of a layout, not ledger data: it stays.
    expect(after.import_mappings).toHaveLength(1);
    expect({ ...after, import_mappings: [] }).toEqual({ ...before, import_mappings: [] });
  });

  test('a cancel part-way leaves the ledger unchanged, the mapping unsaved, and says so', async () => {
    const path = L.csv('大表.csv', manyRows(3000));
    const { request } = await L.plan(path);
    const before = await snapshot();
    const batchesBefore = await batches();
    const jobId = 'import-job-0001';
    const running = L.core().invoke('imports:commit', { ...request, jobId });
    let progress: JobProgress | null = null;
    while (!progress || progress.done < 250) {
      await new Promise((r) => setImmediate(r));
      progress = await L.call<JobProgress | null>('jobs:progress', { jobId });
    }
    expect(progress.phase).toMatch(/^正在导入，已处理 \d+ 行…$/);
    await L.call('jobs:cancel', { jobId });
    const result = await running;
    expect(result).toEqual({ ok: false, error: { code: 'CANCELLED', message: '已取消，台账未作任何改动' } });
    expect(await snapshot()).toEqual(before);
    expect(await batches()).toBe(batchesBefore);
    expect(await L.call('jobs:progress', { jobId })).toBeNull();
  });

  test('a file that breaks part-way through the commit leaves nothing written', async () => {
    const path = join(L.dir(), '中途损坏.xlsx');
    await writeSheetXml(path, 2000, false);
    const { request } = await L.plan(path, { columns: { 企业名称: 'name', 所在村: 'areaId' } });
    expect((await L.call<{ counts: { add: number } }>('imports:preview', request)).counts.add).toBe(2000);
    const before = await snapshot();
    // Between preview and commit the file is replaced by one whose XML breaks after thousands of good rows.
    await writeSheetXml(path, 2000, true);
    const jobId = 'broken-file-01';
    const running = L.core().invoke('imports:commit', { ...request, jobId });
    let written = 0;
    let settled = false;
    void running.then(() => (settled = true));
    while (written === 0 && !settled) {
      await new Promise((r) => setImmediate(r));
      written = (await L.call<JobProgress | null>('jobs:progress', { jobId }))?.done ?? written;
    }
    // Rows were planned and written inside the open transaction before the break was reached.
    expect(written).toBeGreaterThan(0);
    const result = await running;
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_FILE' } });
    expect(await snapshot()).toEqual(before);
  });
});

describe('progress and saved mappings', () => {
  test('a long preview answers progress questions and writes nothing', async () => {
    const path = L.csv('大表.csv', manyRows(1200));
    const { request } = await L.plan(path);
    const jobId = 'preview-job-001';
    const running = L.call<{ counts: { add: number } }>('imports:preview', { ...request, jobId });
    const seen: string[] = [];
    let settled = false;
    void running.then(() => (settled = true));
    while (!settled) {
      const p = await L.call<JobProgress | null>('jobs:progress', { jobId });
      if (p) seen.push(p.phase);
      await new Promise((r) => setImmediate(r));
    }
    expect((await running).counts.add).toBe(1200);
    expect(seen.some((p) => /^正在检查，已处理 \d+ 行…$/.test(p))).toBe(true);
    expect((await L.enterprises()).size).toBe(0);
  });

  test('the mapping a clerk made is used again for a file of the same layout', async () => {
    const first = L.csv('一月.csv', [
      ['单位', '村', '人'],
      ['甲公司', '长安村', '5'],
    ]);
    const fresh = await L.plan(first);
    expect(fresh.layout.savedMapping).toBe(false);
    expect(fresh.layout.mapping).toEqual([]);
    const report = await L.commit(first, { columns: { 单位: 'name', 村: 'areaId', 人: 'employees' } });
    expect(report.added).toBe(1);

    const next = L.csv('二月.csv', [
      ['单位 ', '村', '人'],
      ['乙公司', '长安村', '7'],
    ]);
    const { layout, request } = await L.plan(next);
    expect(layout).toMatchObject<Partial<ImportLayout>>({
      savedMapping: true,
      mapping: [
        { column: 0, field: 'name' },
        { column: 1, field: 'areaId' },
        { column: 2, field: 'employees' },
      ],
    });
    const second = await L.call<ImportReport>('imports:commit', request);
    expect(second.added).toBe(1);
    expect((await L.enterprises()).get('乙公司')).toMatchObject({ areaName: '长安村', employees: 7 });
  });

  test('a mapping without the name column, or with one field twice, is refused before anything is read', async () => {
    const path = L.csv('缺列.csv', [
      ['企业名称', '职工人数', '从业人员'],
      ['甲公司', '5', '6'],
    ]);
    const { request } = await L.plan(path);
    expect(await L.errorOf('imports:commit', { ...request, mapping: [{ column: 1, field: 'employees' }] })).toEqual({
      code: 'VALIDATION',
      message: '导入企业台账须有“企业名称”列，请在列对应关系中指定',
      field: 'mapping',
    });
    const twice = [
      { column: 0, field: 'name' },
      { column: 1, field: 'employees' },
      { column: 2, field: 'employees' },
    ];
    expect(await L.errorOf('imports:preview', { ...request, mapping: twice })).toEqual({
      code: 'VALIDATION',
      message: '“职工人数”和“从业人员”两列都对应到了“从业人员数”，一个字段只能对应一列',
      field: 'mapping',
    });
    expect((await L.enterprises()).size).toBe(0);
  });

  test('a closed or unknown import session is refused with what to do', async () => {
    const path = L.csv('关闭.csv', [
      ['企业名称', '所在村'],
      ['甲公司', '长安村'],
    ]);
    const { request } = await L.plan(path);
    await L.call('imports:close', { sessionId: request.sessionId });
    expect(await L.errorOf('imports:preview', request)).toEqual({
      code: 'NOT_FOUND',
      message: '导入已过期或已关闭，请重新选择文件',
    });
  });
});
