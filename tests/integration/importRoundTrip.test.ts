import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, test } from 'vitest';
import type { EnterpriseDetail } from '../../shared/domain/enterprise';
import type { StatsReport } from '../../shared/domain/indicators';
import { SURVEY_ID_HEADER } from '../../shared/excel/survey';
import type { ImportLayout, ImportOpened, ImportPreview, ImportReport } from '../../shared/ipc/imports';
import type { CoreClient } from '../../electron/core/host/coreClient';
import { inProcessCore } from '../../electron/core/host/inProcessCore';
import { FIXED_NOW, useTempDir, valueOf } from './helpers';

/**
 * The two halves of the Excel work meeting: what the program exports comes back in through the import. The ledger
 * exported unmasked goes into a new ledger with the same statistics; a 调查表 filled in and returned changes
 * exactly what the clerk changed in it.
 */
const tmp = useTempDir('yiqiyice-roundtrip-');
let core: CoreClient;

const call = async <T>(channel: string, payload: unknown = {}) => valueOf<T>(await core.invoke(channel, payload));

beforeEach(async () => {
  core = inProcessCore({ dataDir: join(tmp.dir(), 'data'), now: () => FIXED_NOW, actor: '王文书' });
  tmp.onCleanup(() => core.close());
  await call('ledgers:createSample', {
    enterprises: 240,
    seed: 11,
    target: await core.grant(join(tmp.dir(), '样例.yqyc'), 'create'),
  });
});

async function exportTo(report: string, unmask: boolean): Promise<string> {
  const path = join(tmp.dir(), `${report}.xlsx`);
  await call('exports:run', { report, unmask, target: await core.grant(path, 'export') });
  return path;
}

/** Open, read the columns under the guessed header, and build the request the screen would send. */
async function planFor(path: string, kind: string, drop: string[] = []) {
  const opened = await call<ImportOpened>('imports:open', { fileRef: await core.grant(path, 'import') });
  const sheet = opened.sheets[0]!;
  const base = { sessionId: opened.sessionId, kind, sheet: sheet.name, header: sheet.guessedHeader };
  const layout = await call<ImportLayout>('imports:columns', base);
  const mapping = layout.mapping.filter((m) => !drop.includes(m.field));
  return { opened, layout, request: { ...base, mapping, onMatch: 'skip', addAreas: [] as string[] } };
}

const rates = (r: StatsReport) => Object.fromEntries(r.indicators.map((i) => [i.key, [i.numerator, i.denominator]]));

describe('round trips', () => {
  test('the ledger exported unmasked and imported into a new ledger gives the same statistics', async () => {
    const before = rates(await call<StatsReport>('stats:report'));
    const path = await exportTo('ledger', true);
    await call('ledgers:create', {
      settings: { township: '长乐镇', committee: '中共长乐镇委员会', docCode: '长委' },
      target: await core.grant(join(tmp.dir(), '新台账.yqyc'), 'create'),
    });
    // 推进组, 指导员 and 联系领导 are lists of their own, imported apart; the 台账明细表 only names them.
    const { layout, request } = await planFor(path, 'enterprises', ['workGroupId', 'instructorId', 'leaderId']);
    expect(layout.columns.find((c) => c.header === '基本情况/企业名称')).toBeDefined();
    const preview = await call<ImportPreview>('imports:preview', request);
    const report = await call<ImportReport>('imports:commit', {
      ...request,
      addAreas: preview.unknownAreas.map((a) => a.name),
    });
    expect(report).toMatchObject({ added: 240, updated: 0, skipped: 0, rejected: [] });
    const after = rates(await call<StatsReport>('stats:report'));
    // 工作覆盖 needs the instructors' assignments and work logs, which the 台账明细表 does not carry.
    expect({ ...after, 'work-coverage': null }).toEqual({ ...before, 'work-coverage': null });
  });

  test('a 调查表 filled in and returned changes exactly what the clerk changed, and masked phones stay as they were', async () => {
    const path = await exportTo('survey', false);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const sheet = book.worksheets.find((s) => s.state === 'visible')!;
    let headerRow = 0;
    sheet.eachRow((row, n) => {
      if (!headerRow && row.values && (row.values as unknown[]).includes(SURVEY_ID_HEADER)) headerRow = n;
    });
    const headers = sheet.getRow(headerRow).values as unknown[];
    const idColumn = headers.indexOf(SURVEY_ID_HEADER);
    const employeesColumn = headers.indexOf('从业人员数');
    const edited = sheet.getRow(headerRow + 1);
    const id = Number(edited.getCell(idColumn).value);
    const was = await call<EnterpriseDetail>('enterprises:get', { id });
    edited.getCell(employeesColumn).value = (was.employees ?? 0) + 7;
    await book.xlsx.writeFile(path);

    const { opened, request } = await planFor(path, 'survey');
    expect(opened.detectedKind).toBe('survey');
    const preview = await call<ImportPreview>('imports:preview', request);
    expect(preview.counts.update).toBe(1);
    expect(preview.counts.reject).toBe(0);
    expect(preview.counts.warned).toBe(0);
    expect(preview.rows.find((r) => r.action === 'update')).toMatchObject({
      row: headerRow + 1,
      name: was.name,
      changes: [
        {
          field: 'employees',
          label: '从业人员数',
          from: was.employees === null ? '（空）' : `${was.employees}人`,
          to: `${(was.employees ?? 0) + 7}人`,
        },
      ],
    });
    const report = await call<ImportReport>('imports:commit', request);
    expect(report).toMatchObject({ added: 0, updated: 1, rejected: [], warnings: [] });
    const now = await call<EnterpriseDetail>('enterprises:get', { id });
    expect(now.employees).toBe((was.employees ?? 0) + 7);
    expect(now.contactPhone).toBe(was.contactPhone);
  });
});
