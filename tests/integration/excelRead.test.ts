import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/errors';
import {
  DEFAULT_LIMITS,
  inspectSpreadsheet,
  readSheetRows,
  type ReadLimits,
  type SheetRow,
} from '../../electron/core/excel/read/index';
import { JobRegistry, type JobHandle } from '../../electron/core/jobs/registry';
import { cellText, parseCount, parseDate } from '../../shared/excel/cells';
import { guessHeaderRows, headerTexts, isNonDataRow } from '../../shared/excel/headers';
import * as hostile from '../fixtures/excel/hostile';
import { GBK_CSV } from '../fixtures/excel/makeBinaryFixtures';
import { MESSY, writeMessyLedger } from '../fixtures/excel/messyLedger';
import { ODD, writeOddPackage, writeUnpositionedCells } from '../fixtures/excel/oddPackage';

const FIXTURES = join(__dirname, '../fixtures/excel');
let dir: string;
const at = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yqyc-read-'));
  await writeMessyLedger(at('messy.xlsx'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(path: string, sheet: string, options: { limits?: ReadLimits; job?: JobHandle } = {}) {
  const rows: SheetRow[] = [];
  for await (const r of readSheetRows(path, sheet, options)) rows.push(r);
  return rows;
}

/** The clerk's message, or a failure naming what was thrown instead. */
async function failure(work: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await work();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    const e = err as AppError;
    expect(e.message).not.toMatch(/at .+\.(js|ts):\d+|Error:|undefined|\[object/);
    return { code: e.code, message: e.message };
  }
  throw new Error('expected the read to fail');
}

const MESSY_ROW_NUMBERS = [1, 2, 4, 5, 6, 7, 8, 9, 10, 12, 13, 15, 17];

describe('the messy ledger as .xlsx (ExcelJS streaming)', () => {
  it('shows the sheet and its first rows, blank rows left out with their numbers kept', async () => {
    const info = await inspectSpreadsheet(at('messy.xlsx'));
    expect(info.format).toBe('xlsx');
    expect(info.fileName).toBe('messy.xlsx');
    expect(info.sheets.map((s) => s.name)).toEqual([MESSY.sheet]);
    const head = info.sheets[0]!.rows;
    expect(head.map((r) => r.row)).toEqual(MESSY_ROW_NUMBERS);
    expect(guessHeaderRows(head)).toEqual(MESSY.header);
    expect(headerTexts(head, MESSY.header)).toEqual(MESSY.headers);
  });

  it('hands over every value as the clerk typed it: codes and phones as text, dates as dates', async () => {
    const rows = await readAll(at('messy.xlsx'), MESSY.sheet);
    expect(rows.map((r) => r.row)).toEqual(MESSY_ROW_NUMBERS);
    const data = rows.filter((r) => MESSY.dataRows.includes(r.row as never));
    expect(data.map((r) => r.cells[2])).toEqual(MESSY.codes);
    expect(data.map((r) => cellText(r.cells[1]))).toEqual([
      '长乐华信纺织有限公司',
      '长乐鑫源机械厂',
      '长乐福兴食品店',
      '长乐恒通物流有限公司',
      '长乐永安建材有限公司',
      '长乐海峡电子有限公司',
      '长乐闽江塑料制品厂',
    ]);
    // 成立日期: a date cell, 2011.8.9, 2011年8月9日, an Excel serial, 20110809, a Chinese-format date cell, 2015/3/1.
    expect(data.map((r) => parseDate(r.cells[8]))).toEqual(
      ['2011-08-09', '2011-08-09', '2011-08-09', '2011-08-09', '2011-08-09', '2015-03-01', '2015-03-01'].map(
        (value) => ({ kind: 'value', value }),
      ),
    );
    expect(data[0]!.cells[8]).toEqual(new Date(Date.UTC(2011, 7, 9)));
    expect(data.map((r) => parseCount(r.cells[7]))).toEqual([
      { kind: 'value', value: 120 },
      { kind: 'value', value: 1200 },
      { kind: 'approximate', text: '约50' },
      { kind: 'value', value: 80 },
      { kind: 'value', value: 1200 },
      { kind: 'value', value: 35 },
      { kind: 'value', value: 60 },
    ]);
    expect(data.map((r) => parseCount(r.cells[4]))).toEqual([
      { kind: 'value', value: 3 },
      { kind: 'value', value: 2 },
      { kind: 'value', value: 0 },
      { kind: 'value', value: 5 },
      { kind: 'value', value: 1 },
      { kind: 'unknown' },
      { kind: 'value', value: 2 },
    ]);
    expect(data[0]!.cells[10]).toBe('13805912345');
    expect(cellText(data[1]!.cells[10])).toBe('13805912346');
    expect(rows.filter((r) => isNonDataRow(r.cells)).map((r) => r.row)).toEqual([MESSY.totalRow, MESSY.footerRow]);
  });
});

describe('files other programs wrote', () => {
  it('reads the LibreOffice .xls and the .et stand-in cell for cell like the .xlsx', async () => {
    const fromXlsx = await readAll(at('messy.xlsx'), MESSY.sheet);
    for (const [name, format] of [
      ['messy-ledger.xls', 'xls'],
      ['messy-ledger.et', 'et'],
    ] as const) {
      const path = join(FIXTURES, name);
      const info = await inspectSpreadsheet(path);
      expect(info.format).toBe(format);
      expect(info.sheets.map((s) => s.name)).toEqual([MESSY.sheet]);
      expect(guessHeaderRows(info.sheets[0]!.rows)).toEqual(MESSY.header);
      expect(await readAll(path, MESSY.sheet)).toEqual(fromXlsx);
    }
  });

  it('reads the GBK CSV by line number, every value as text', async () => {
    const path = join(FIXTURES, 'messy-ledger-gbk.csv');
    const info = await inspectSpreadsheet(path);
    expect(info.format).toBe('csv');
    expect(info.sheets.map((s) => s.name)).toEqual(['messy-ledger-gbk']);
    expect(guessHeaderRows(info.sheets[0]!.rows)).toEqual({ start: 2, end: 2 });
    const rows = await readAll(path, 'messy-ledger-gbk');
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 7, 8, 10]);
    expect(rows[1]!.cells).toEqual([
      '企业名称',
      '统一社会信用代码',
      '所在村',
      '职工人数',
      '党员人数',
      '成立日期',
      '联系电话',
    ]);
    expect(rows[3]!.cells).toEqual([
      '长乐鑫源机械厂（"鑫源"）',
      '91350182MA31234566',
      '西关村',
      '1,200',
      '２',
      '2011年8月9日',
      '05912888123',
    ]);
    expect(rows[4]!.cells[2]).toBe('东关村\r\n3组');
    expect(cellText(rows[4]!.cells[2])).toBe('东关村 3组');
    expect(rows.flatMap((r) => r.cells).every((c) => c === null || typeof c === 'string')).toBe(true);
    expect(rows.slice(2, 7).map((r) => parseDate(r.cells[5]))).toEqual(
      Array.from({ length: 5 }, () => ({ kind: 'value', value: '2011-08-09' })),
    );
    expect(isNonDataRow(rows[7]!.cells)).toBe(true);
  });

  it('reads the same CSV saved as UTF-8 with a BOM, without one, and as Excel’s UTF-16 tab-separated text', async () => {
    const expected = await readAll(join(FIXTURES, 'messy-ledger-gbk.csv'), 'messy-ledger-gbk');
    writeFileSync(at('bom.csv'), '\ufeff' + GBK_CSV);
    writeFileSync(at('plain.csv'), GBK_CSV);
    expect(await readAll(at('bom.csv'), 'bom')).toEqual(expected);
    expect(await readAll(at('plain.csv'), 'plain')).toEqual(expected);
    const tsv = '企业名称\t统一社会信用代码\t身份证号\r\n甲公司\t91350182MA2XN0FQ10\t350182198503120012\r\n';
    writeFileSync(at('unicode.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, 'utf16le')]));
    expect(await readAll(at('unicode.txt'), 'unicode')).toEqual([
      { row: 1, cells: ['企业名称', '统一社会信用代码', '身份证号'] },
      { row: 2, cells: ['甲公司', '91350182MA2XN0FQ10', '350182198503120012'] },
    ]);
  });

  it('reads an HTML table saved under an .xls name, long digit strings kept as text', async () => {
    writeFileSync(
      at('export.xls'),
      '<html><head><meta charset="utf-8"></head><body><table>' +
        '<tr><td>企业名称</td><td>身份证号</td><td>职工人数</td></tr>' +
        '<tr><td>甲公司</td><td>350182198503120012</td><td>12</td></tr></table></body></html>',
    );
    const info = await inspectSpreadsheet(at('export.xls'));
    expect(info.format).toBe('xls');
    const rows = await readAll(at('export.xls'), info.sheets[0]!.name);
    expect(rows).toEqual([
      { row: 1, cells: ['企业名称', '身份证号', '职工人数'] },
      { row: 2, cells: ['甲公司', '350182198503120012', '12'] },
    ]);
  });
});

describe('workbooks from other generators', () => {
  it('reads an OpenXML-SDK-style package: prefixes, absolute targets, odd part names, 1904 dates', async () => {
    await writeOddPackage(at('odd.xlsx'));
    const info = await inspectSpreadsheet(at('odd.xlsx'));
    expect(info.sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([
      [ODD.sheets[0], false],
      [ODD.sheets[1], true],
    ]);
    expect(await readAll(at('odd.xlsx'), ODD.sheets[0])).toEqual([
      { row: 2, cells: [null, '企业名称', '成立日期'] },
      { row: 3, cells: [null, '甲公司', new Date(Date.UTC(2011, 7, 9))] },
    ]);
    expect(await readAll(at('odd.xlsx'), ODD.sheets[1])).toEqual([
      { row: 1, cells: ['代码'] },
      { row: 2, cells: ['是'] },
    ]);
  });
});

describe('cells without positions', () => {
  it('reads a sheet whose rows and cells carry no r="…" through SheetJS', async () => {
    await writeUnpositionedCells(at('nopos.xlsx'));
    const info = await inspectSpreadsheet(at('nopos.xlsx'));
    expect(info.format).toBe('xlsx');
    expect(info.sheets.map((s) => s.name)).toEqual(['名单']);
    expect(await readAll(at('nopos.xlsx'), '名单')).toEqual([
      { row: 1, cells: ['企业名称', '信用代码', '职工人数'] },
      { row: 2, cells: ['甲公司', '91350182MA2XN0FQ10', 12] },
    ]);
    const limits = { ...DEFAULT_LIMITS, maxLegacyFileBytes: 100 };
    expect((await failure(() => inspectSpreadsheet(at('nopos.xlsx'), limits))).message).toBe(
      '工作表中的单元格没有记录位置，且文件较大，暂不支持直接导入。请在 WPS 或 Excel 中打开后另存为 .xlsx 再试',
    );
  });
});

describe('big and hostile files', () => {
  it('stops after the data of a sheet with 1,000,000 empty styled rows, fast', async () => {
    await hostile.writeEmptyStyledRows(at('million.xlsx'));
    const started = Date.now();
    const info = await inspectSpreadsheet(at('million.xlsx'));
    expect(info.sheets[0]!.rows.map((r) => r.cells)).toEqual([
      ['企业名称', '职工人数'],
      ['甲公司', 12],
      ['乙公司', 30],
    ]);
    const rows = await readAll(at('million.xlsx'), 'Sheet1');
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses a zip bomb on what its directory declares, before inflating anything', async () => {
    await hostile.writeDeclaredZipBomb(at('bomb.xlsx'));
    const started = Date.now();
    expect(await failure(() => inspectSpreadsheet(at('bomb.xlsx')))).toEqual({
      code: 'BAD_FILE',
      message: '文件解压后过大，疑似异常文件，已拒绝读取',
    });
    expect(await failure(() => readAll(at('bomb.xlsx'), 'Sheet1'))).toMatchObject({ code: 'BAD_FILE' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('stops a bomb whose directory lies: a giant run of spaces, and rows repeated past the unzipped limit', async () => {
    await hostile.writeLyingZipBomb(at('spaces.xlsx'), 512, 'spaces');
    expect((await failure(() => readAll(at('spaces.xlsx'), 'Sheet1'))).message).toBe(
      '文件已损坏，无法读取（工作表中有异常的超长内容）。请在 WPS 或 Excel 中打开后另存为 .xlsx 再试',
    );
    await hostile.writeLyingZipBomb(at('rows.xlsx'), 256, 'rows');
    const limits = { ...DEFAULT_LIMITS, maxUnzippedBytes: 32 * 1024 * 1024 };
    expect(await failure(() => readAll(at('rows.xlsx'), 'Sheet1', { limits }))).toEqual({
      code: 'BAD_FILE',
      message: '文件解压后过大，疑似异常文件，已拒绝读取',
    });
  });

  it('refuses shared strings that inflate far beyond what their directory entry says', async () => {
    await hostile.writeSharedStringsBomb(at('sst.xlsx'), 300);
    expect(await failure(() => inspectSpreadsheet(at('sst.xlsx')))).toEqual({
      code: 'BAD_FILE',
      message: '文件解压后过大，疑似异常文件，已拒绝读取',
    });
  });

  it('gives up on a sheet that takes longer than its time budget', async () => {
    await hostile.writeLyingZipBomb(at('slow.xlsx'), 256, 'rows');
    const limits = { ...DEFAULT_LIMITS, maxMillis: 300 };
    expect(await failure(() => readAll(at('slow.xlsx'), 'Sheet1', { limits }))).toEqual({
      code: 'BAD_FILE',
      message: '读取超时：工作表「Sheet1」在 0.3 秒内未能读完，文件可能过大或内容异常，请拆分或另存为 .xlsx 后再试',
    });
  });

  it('reports malformed XML as a damaged file', async () => {
    await hostile.writeMalformedXml(at('malformed.xlsx'));
    const expected = {
      code: 'BAD_FILE',
      message: '文件已损坏，无法读取（工作表内容格式错误）。请在 WPS 或 Excel 中打开后另存为 .xlsx 再试',
    };
    expect(await failure(() => inspectSpreadsheet(at('malformed.xlsx')))).toEqual(expected);
    expect(await failure(() => readAll(at('malformed.xlsx'), 'Sheet1'))).toEqual(expected);
  });

  it('reads __proto__ and constructor as ordinary sheet and column names', async () => {
    await hostile.writePrototypeNames(at('proto.xlsx'));
    const info = await inspectSpreadsheet(at('proto.xlsx'));
    expect(info.sheets.map((s) => s.name)).toEqual(['__proto__', 'constructor']);
    const rows = await readAll(at('proto.xlsx'), '__proto__');
    expect(headerTexts(rows, { start: 1, end: 1 })).toEqual(['__proto__', 'constructor', 'hasOwnProperty', 'toString']);
    expect(rows[1]!.cells).toEqual(['甲公司', 12, '是', 'x']);
    expect((await readAll(at('proto.xlsx'), 'constructor'))[1]!.cells).toEqual(['乙公司', 'valueOf']);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(await failure(() => readAll(at('proto.xlsx'), 'toString'))).toEqual({
      code: 'BAD_FILE',
      message: '文件中没有名为「toString」的工作表，请重新选择工作表',
    });
  });

  it.each([
    [
      'enc.xlsx',
      () => hostile.writeEncryptedXlsx(at('enc.xlsx')),
      '文件设置了打开密码，请在 WPS 或 Excel 中取消密码后另存为 .xlsx 再导入',
    ],
    [
      'cut.xlsx',
      () => hostile.writeTruncated(at('messy.xlsx'), at('cut.xlsx')),
      '文件已损坏，无法读取（找不到压缩包目录，文件可能没有下载或复制完整）。请在 WPS 或 Excel 中打开后另存为 .xlsx 再试',
    ],
    [
      'notes.xlsx',
      () => hostile.writeTextAsXlsx(at('notes.xlsx')),
      '文件扩展名是 .xlsx，但内容是纯文本，不是 Excel 工作簿。如果它是 CSV 文件，请把扩展名改为 .csv 后再导入',
    ],
    [
      'word.xlsx',
      () => hostile.writeWordAsXlsx(at('word.xlsx')),
      '这是 Word 文档，不是可导入的电子表格。请选择 .xlsx、.xls、.et 或 .csv 文件',
    ],
    ['empty.xlsx', () => hostile.writeEmpty(at('empty.xlsx')), '文件是空的（0 字节），请确认选择了正确的文件'],
    ['missing.xlsx', () => undefined, '找不到该文件，或没有读取权限，请重新选择文件'],
  ])('%s gives the clerk’s message', async (name, make, message) => {
    await make();
    expect(await failure(() => inspectSpreadsheet(at(name)))).toEqual({ code: 'BAD_FILE', message });
    expect(await failure(() => readAll(at(name), 'Sheet1'))).toEqual({ code: 'BAD_FILE', message });
  });

  it('says an .xls or .et has an open password', async () => {
    hostile.writePasswordXls(join(FIXTURES, 'messy-ledger.xls'), at('locked.xls'));
    copyFileSync(at('locked.xls'), at('locked.et'));
    for (const name of ['locked.xls', 'locked.et']) {
      expect(await failure(() => inspectSpreadsheet(at(name)))).toEqual({
        code: 'BAD_FILE',
        message: '文件设置了打开密码，请在 WPS 或 Excel 中取消密码后另存为 .xlsx 再导入',
      });
    }
  });

  it('reports a damaged .xls or .et without a stack trace', async () => {
    const bytes = readFileSync(join(FIXTURES, 'messy-ledger.xls'));
    writeFileSync(at('half.xls'), bytes.subarray(0, 3000));
    writeFileSync(at('half.et'), bytes.subarray(0, 3000));
    expect((await failure(() => inspectSpreadsheet(at('half.xls')))).message).toMatch(
      /^无法读取这个 \.xls 文件（.+）。请在 WPS 或 Excel 中打开后另存为 \.xlsx 再试$/,
    );
    expect((await failure(() => inspectSpreadsheet(at('half.et')))).message).toMatch(
      /^无法读取这个 WPS 表格（\.et）文件（.+）。请在 WPS 或 Excel 中打开后另存为 \.xlsx 再试$/,
    );
  });

  it('reports a workbook whose compressed sheet data is damaged', async () => {
    const bytes = readFileSync(at('messy.xlsx'));
    const at1 = bytes.indexOf('xl/worksheets/sheet1.xml');
    for (let i = at1 + 60; i < at1 + 400; i++) bytes[i] = 0xff;
    writeFileSync(at('garbled.xlsx'), bytes);
    expect((await failure(() => readAll(at('garbled.xlsx'), MESSY.sheet))).message).toMatch(
      /^文件已损坏，无法读取（.+）。请在 WPS 或 Excel 中打开后另存为 \.xlsx 再试$/,
    );
  });
});

describe('limits, progress and cancel', () => {
  beforeAll(async () => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: at('big.xlsx'), useSharedStrings: true });
    const big = wb.addWorksheet('大表');
    for (let i = 1; i <= 5_000; i++) big.addRow([`企业${i}`, i, `9135018200000${String(i).padStart(5, '0')}`]).commit();
    big.commit();
    const small = wb.addWorksheet('小表');
    small.addRow(['名称', '人数']).commit();
    small.addRow(['甲', 1]).commit();
    small.commit();
    const codes = wb.addWorksheet('代码');
    codes.state = 'hidden';
    codes.addRow(['是']).commit();
    codes.commit();
    await wb.commit();
  });

  it('shows the head of every sheet, hidden ones marked, and reads a sheet after a big one', async () => {
    const info = await inspectSpreadsheet(at('big.xlsx'));
    expect(info.sheets.map((s) => [s.name, s.rows.length, s.hidden ?? false])).toEqual([
      ['大表', 30, false],
      ['小表', 2, false],
      ['代码', 1, true],
    ]);
    expect(await readAll(at('big.xlsx'), '小表')).toEqual([
      { row: 1, cells: ['名称', '人数'] },
      { row: 2, cells: ['甲', 1] },
    ]);
    const all = await readAll(at('big.xlsx'), '大表');
    expect(all.length).toBe(5_000);
    expect(all[4_999]).toEqual({ row: 5_000, cells: ['企业5000', 5_000, '913501820000005000'] });
  });

  it('reports progress while reading and stops with CANCELLED soon after the clerk cancels', async () => {
    const jobs = new JobRegistry();
    const phases: [string, number][] = [];
    let seen = 0;
    const outcome = await failure(() =>
      jobs.run('read-1', async (job) => {
        const watched: JobHandle = {
          report: (phase, done, total) => {
            phases.push([phase, done]);
            job.report(phase, done, total);
          },
          get cancelled() {
            return job.cancelled;
          },
          checkpoint: () => job.checkpoint(),
        };
        for await (const _ of readSheetRows(at('big.xlsx'), '大表', { job: watched })) {
          if (++seen === 1_200) jobs.cancel('read-1');
        }
      }),
    );
    expect(outcome).toEqual({ code: 'CANCELLED', message: '已取消，台账未作任何改动' });
    expect(seen).toBeGreaterThanOrEqual(1_200);
    expect(seen).toBeLessThan(2_000);
    expect(phases[0]).toEqual(['正在读取…', 499]);
    expect(phases.map(([, done]) => done)).toEqual([...phases.map(([, d]) => d)].sort((a, b) => a - b));
  });

  it('refuses more rows, more columns or a bigger file than the limits allow', async () => {
    expect(
      await failure(() => readAll(at('big.xlsx'), '大表', { limits: { ...DEFAULT_LIMITS, maxRows: 1_000 } })),
    ).toEqual({ code: 'BAD_FILE', message: '工作表「大表」的数据超过 1000 行，请拆分成几个文件分批导入' });
    expect(
      await failure(() => readAll(at('messy.xlsx'), MESSY.sheet, { limits: { ...DEFAULT_LIMITS, maxColumns: 8 } })),
    ).toEqual({ code: 'BAD_FILE', message: '工作表「企业台账」第 2 行超过 8 列，请删除多余的列后再导入' });
    expect(
      (await failure(() => inspectSpreadsheet(at('big.xlsx'), { ...DEFAULT_LIMITS, maxFileBytes: 10_000 }))).message,
    ).toMatch(/^文件过大（0\.\d MB），\.xlsx 文件最大支持 0\.0 MB，请删除无关的工作表或拆分后再导入$/);
    copyFileSync(join(FIXTURES, 'messy-ledger.xls'), at('copy.xls'));
    expect(
      (await failure(() => inspectSpreadsheet(at('copy.xls'), { ...DEFAULT_LIMITS, maxLegacyFileBytes: 1_000 })))
        .message,
    ).toMatch(/^文件过大（.+），\.xls、\.et 和 \.csv 文件最大支持/);
  });
});
