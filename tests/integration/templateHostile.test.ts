import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import type { TemplateFilled, TemplateMapping, TemplateOpened } from '../../shared/ipc/exports';
import { countyEnterpriseTemplate } from '../fixtures/excel/countyTemplate';
import {
  writeDeclaredZipBomb,
  writeEmpty,
  writeEmptyStyledRows,
  writeEncryptedXlsx,
  writeLyingZipBomb,
  writeMalformedXml,
  writePrototypeNames,
  writeTextAsXlsx,
  writeTruncated,
  writeWordAsXlsx,
} from '../fixtures/excel/hostile';
import { useTempDir } from './helpers';
import { useStatsLedger } from './statsSetup';

const s = useStatsLedger();
const tmp = useTempDir('yiqiyice-template-hostile-');

async function openError(path: string) {
  const fileRef = await s.core().grant(path, 'import');
  return s.errorOf('templates:open', { fileRef });
}

/** Nothing of a failed template reached the ledger or the disk: no mapping, no log entry, no file, no .part. */
async function expectNothingWritten(outDir: string) {
  const counts = await s.readFile((db) => [
    db.prepare('SELECT count(*) AS n FROM template_mappings').get(),
    db.prepare('SELECT count(*) AS n FROM export_log').get(),
  ]);
  expect(counts).toEqual([{ n: 0 }, { n: 0 }]);
  expect(readdirSync(outDir)).toEqual([]);
}

const MISC = join(__dirname, '../fixtures/excel/messy-ledger.xls');

describe('templates that are not workable .xlsx files', () => {
  const cases: [string, (path: string) => Promise<void> | void, RegExp][] = [
    [
      'a cut-off download',
      async (p) => {
        const whole = join(tmp.dir(), 'whole.xlsx');
        await countyEnterpriseTemplate().xlsx.writeFile(whole);
        writeTruncated(whole, p, 0.6);
      },
      /已损坏/,
    ],
    ['an .xls saved by LibreOffice, renamed .xlsx', (p) => copyFileSync(MISC, p), /Excel 97-2003 \(\.xls\).*另存为/],
    ['a workbook with an open password', (p) => writeEncryptedXlsx(p), /设置了打开密码/],
    ['a zip bomb declaring 2 GiB', (p) => writeDeclaredZipBomb(p), /解压后过大/],
    ['a zip bomb lying about its size', (p) => writeLyingZipBomb(p, 150, 'rows'), /已损坏/],
    ['a million empty styled rows', (p) => writeEmptyStyledRows(p, 1_000_000), /超过模板的上限 5000 行/],
    ['malformed sheet XML', (p) => writeMalformedXml(p), /无法打开.*已损坏/],
    ['a Word document renamed .xlsx', (p) => writeWordAsXlsx(p), /无法打开|没有工作表/],
    ['a text file renamed .xlsx', (p) => writeTextAsXlsx(p), /不是 \.xlsx 工作簿/],
    ['an empty file', (p) => writeEmpty(p), /是空的/],
  ];
  for (const [what, write, message] of cases) {
    it(`refuses ${what} with a clear message`, async () => {
      const path = join(tmp.dir(), '县模板.xlsx');
      await write(path);
      const started = Date.now();
      const error = await openError(path);
      expect(error.code).toBe('BAD_FILE');
      expect(error.message).toMatch(message);
      expect(error.message).not.toMatch(/Error|undefined|at \w/);
      expect(Date.now() - started).toBeLessThan(15_000);
    });
  }

  it('refuses a sheet of 6000 filled rows', async () => {
    const wb = countyEnterpriseTemplate({ dataRows: 6_000 });
    const path = join(tmp.dir(), '太长.xlsx');
    await wb.xlsx.writeFile(path);
    const error = await openError(path);
    expect(error.message).toContain('“太长.xlsx”的工作表有 6006 行，超过模板的上限 5000 行');
  });

  it('leaves nothing behind when the template is damaged between opening and filling', async () => {
    await s.enterprise('甲公司', { employees: 10 });
    const path = join(tmp.dir(), '县模板.xlsx');
    await countyEnterpriseTemplate().xlsx.writeFile(path);
    const opened = await s.call<TemplateOpened>('templates:open', { fileRef: await s.core().grant(path, 'import') });
    writeFileSync(path, readFileSync(path).subarray(0, 500));
    const outDir = join(tmp.dir(), 'out');
    mkdirSync(outDir);
    const target = await s.core().grant(join(outDir, 'filled.xlsx'), 'export');
    const error = await s.errorOf('templates:fill', {
      sessionId: opened.sessionId,
      mapping: opened.sheets[0]!.guessed,
      target,
    });
    expect(error.code).toBe('BAD_FILE');
    await expectNothingWritten(outDir);
  });

  it('leaves nothing behind when the clerk cancels the fill', async () => {
    await s.enterprise('甲公司', { employees: 10 });
    const path = join(tmp.dir(), '县模板.xlsx');
    await countyEnterpriseTemplate().xlsx.writeFile(path);
    const opened = await s.call<TemplateOpened>('templates:open', { fileRef: await s.core().grant(path, 'import') });
    const outDir = join(tmp.dir(), 'out');
    mkdirSync(outDir);
    const target = await s.core().grant(join(outDir, 'filled.xlsx'), 'export');
    const jobId = 'template-job-1';
    const running = s.core().invoke('templates:fill', {
      sessionId: opened.sessionId,
      mapping: opened.sheets[0]!.guessed,
      target,
      jobId,
    });
    await s.call('jobs:cancel', { jobId });
    const result = await running;
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    await expectNothingWritten(outDir);
  });

  it('refuses an unknown session and a source that is not one', async () => {
    const path = join(tmp.dir(), '县模板.xlsx');
    await countyEnterpriseTemplate().xlsx.writeFile(path);
    const opened = await s.call<TemplateOpened>('templates:open', { fileRef: await s.core().grant(path, 'import') });
    const mapping = opened.sheets[0]!.guessed!;
    const stale = await s.errorOf('templates:fill', { sessionId: 'x'.repeat(24), mapping });
    expect(stale.message).toBe('模板会话已过期，请重新选择模板文件');
    const proto = await s.errorOf('templates:fill', {
      sessionId: opened.sessionId,
      mapping: { ...mapping, columns: [{ column: 1, source: '__proto__' }] },
    });
    expect(proto.code).toBe('VALIDATION');
    const ctor = await s.errorOf('templates:fill', {
      sessionId: opened.sessionId,
      mapping: { ...mapping, columns: [{ column: 1, source: 'constructor' }] },
    });
    expect(ctor.message).toBe('B列对应的填写内容已不可用（统计指标可能已停用或删除），请重新选择');
    const sheet = await s.errorOf('templates:fill', {
      sessionId: opened.sessionId,
      mapping: { ...mapping, sheet: '__proto__' },
    });
    expect(sheet.message).toBe('模板中没有名为“__proto__”的工作表，请重新选择工作表');
    const area = await s.errorOf('templates:fill', {
      sessionId: opened.sessionId,
      mapping: { ...mapping, rowUnit: 'area', columns: [{ column: 2, source: 'stat.enterprises' }] },
    });
    expect(area.message).toBe('按区域填写时，请指定哪一列是区域名称（村、社区的名称）');
    mkdirSync(join(tmp.dir(), 'none'));
    await expectNothingWritten(join(tmp.dir(), 'none'));
  });
});

describe('templates whose names are JavaScript property names', () => {
  it('fills sheets called __proto__ and constructor like any other, and remembers their mappings', async () => {
    await s.enterprise('甲公司', { employees: 12 });
    await s.enterprise('乙公司', { employees: 30 });
    const path = join(tmp.dir(), '__proto__.xlsx');
    await writePrototypeNames(path);
    const opened = await s.call<TemplateOpened>('templates:open', { fileRef: await s.core().grant(path, 'import') });
    expect(opened.sheets.map((x) => [x.name, x.guessedHeaderRow])).toEqual([
      ['__proto__', 1],
      ['constructor', 1],
    ]);
    expect(opened.sheets[0]!.columns.map((c) => c.header)).toEqual([
      '__proto__',
      'constructor',
      'hasOwnProperty',
      'toString',
    ]);
    expect(opened.sheets[0]!.guessed).toBeNull();
    expect(opened.sheets[1]!.guessed!.columns).toEqual([{ column: 0, source: 'field.name' }]);

    const mapping: TemplateMapping = {
      sheet: '__proto__',
      headerRow: 1,
      rowUnit: 'enterprise',
      scope: 'enterprises',
      order: 'ledger',
      columns: [
        { column: 0, source: 'field.name' },
        { column: 1, source: 'field.employees' },
      ],
    };
    const out = join(tmp.dir(), 'filled.xlsx');
    const done = await s.call<TemplateFilled>('templates:fill', {
      sessionId: opened.sessionId,
      mapping,
      target: await s.core().grant(out, 'export'),
    });
    expect(done.fileName).toBe('__proto__-已填报-2026-11-21.xlsx');
    const book = XLSX.read(readFileSync(out));
    const sheet = book.Sheets['__proto__']!;
    expect(XLSX.utils.sheet_to_json(sheet, { header: 1 })).toEqual([
      ['__proto__', 'constructor', 'hasOwnProperty', 'toString'],
      ['甲公司', 12, '是', 'x'],
      ['乙公司', 30],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    const again = await s.call<TemplateOpened>('templates:open', { fileRef: await s.core().grant(path, 'import') });
    expect(again.saved).toEqual(mapping);
  });
});
