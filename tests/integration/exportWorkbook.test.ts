import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Lookups } from '../../shared/domain/lookups';
import type { ExportDone, ExportRecord } from '../../shared/ipc/exports';
import { downloadPath } from '../../electron/core/app/outputs';
import { bodyRows, cell, firstSheet, grid, merges, part, partNames, readBook, useExportLedger } from './exportSetup';

/** What makes a workbook print-ready and safe to send: layout, print settings, the package, masking, the log. */
const t = useExportLedger(300, 11);

describe('print-ready layout', () => {
  test('merged title and 填报 line, merged multi-level header, formats, widths, frozen header', async () => {
    const { path } = await t.exportReport('coverage', { preparer: '李芳', reviewer: '王建国' });
    const sheet = firstSheet(readBook(path));
    const rows = grid(sheet);
    const last = sheet['!ref']!.split(':')[1]!.replace(/\d+$/, '');
    const m = merges(sheet);
    expect(m).toContain(`A1:${last}1`);
    expect(rows[1]!.filter(Boolean).join('')).toMatch(
      /^填报单位：中共长乐镇委员会.*统计截止日期：2026年11月21日.*填报日期：2026年11月21日$/,
    );
    // 区域 spans the three header rows; 企业数 spans its six columns; 按规模分 its five bands.
    expect(m).toContain('A3:A5');
    expect(m).toContain('B3:G3');
    expect(m).toContain('C4:G4');
    expect(rows[2]!.slice(0, 2)).toEqual(['区域', '企业数']);
    expect(cell(sheet, 'B6')!.z).toBe('0');
    expect(cell(sheet, 'A6')!.t).toBe('s');
    // The area names fit: a column of Chinese names is at least two places a character.
    const longest = Math.max(...bodyRows(sheet, 6).map((r) => String(r[0]).length));
    expect(sheet['!cols']![0]!.width!).toBeGreaterThanOrEqual(longest * 2);
    const footer = rows.find((r) => String(r[0] ?? '').startsWith('填表人'))!;
    expect(String(footer[0])).toMatch(/^填表人：李芳\s+审核人：王建国/);

    const xml = part(path, 'xl/worksheets/sheet1.xml');
    expect(xml).toMatch(/<pane xSplit="1" ySplit="5" topLeftCell="B6"[^>]*state="frozen"/);
    expect(xml).toContain(`<dimension ref="A1:${sheet['!ref']!.split(':')[1]}"/>`);
    expect(xml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
    const setup = /<pageSetup [^>]*\/>/.exec(xml)![0];
    expect(setup).toContain('paperSize="9"');
    expect(setup).toContain('orientation="landscape"');
    expect(setup).toContain('fitToWidth="1"');
    expect(setup).toContain('fitToHeight="0"');
    expect(xml).toContain('<oddFooter>&amp;C第 &amp;P 页 共 &amp;N 页</oddFooter>');
    // The header rows repeat on every printed page.
    expect(part(path, 'xl/workbook.xml')).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;覆盖情况统计表&apos;!$3:$5</definedName>`,
    );
    const styles = part(path, 'xl/styles.xml');
    expect(styles).toContain('<name val="黑体"/>');
    expect(styles).toContain('<name val="宋体"/>');
    expect(styles).toMatch(/<left style="thin"/);
  });

  test('the package is plain OOXML: standard parts, shared strings, no zip64', async () => {
    const { path } = await t.exportReport('contacts');
    const names = partNames(path);
    expect(names).toEqual(
      expect.arrayContaining([
        '[Content_Types].xml',
        '_rels/.rels',
        'docProps/app.xml',
        'docProps/core.xml',
        'xl/workbook.xml',
        'xl/styles.xml',
        'xl/sharedStrings.xml',
        'xl/worksheets/sheet1.xml',
      ]),
    );
    // Shared strings, never inline strings (WPS mis-reads those); no zip64 records in a small file.
    expect(part(path, 'xl/worksheets/sheet1.xml')).not.toContain('inlineStr');
    const bytes = readFileSync(path);
    expect(bytes.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(false);
    expect(bytes.includes(Buffer.from([0x50, 0x4b, 0x06, 0x07]))).toBe(false);
    expect(part(path, 'docProps/core.xml')).toContain('中共长乐镇委员会');
  });
});

describe('personal data', () => {
  test('phones masked unless the clerk asks; the log says which', async () => {
    const area = (await t.call<Lookups>('settings:lookups')).areas[0]!;
    const phones = t
      .query<{ phone: string }>(
        `SELECT contact_phone AS phone FROM enterprises e JOIN areas a ON a.id = e.area_id WHERE area_id = ?
         ORDER BY a.sort_order, a.id, e.name_initials, e.name, e.id`,
        area.id,
      )
      .map((r) => r.phone);
    const column = (path: string) => {
      const sheet = firstSheet(readBook(path));
      const at = grid(sheet)
        .slice(2, 5)
        .map((r) => r.indexOf('联系电话'))
        .find((i) => i >= 0)!;
      return bodyRows(sheet, 6).map((r) => String(r[at] ?? ''));
    };
    const masked = await t.exportReport('ledger', { areaId: area.id });
    const full = await t.exportReport('ledger', { areaId: area.id, unmask: true });
    expect(column(full.path)).toEqual(phones);
    const shown = column(masked.path);
    phones.forEach((p, i) => {
      if (/^1\d{10}$/.test(p)) expect(shown[i]).toBe(`${p.slice(0, 3)}****${p.slice(-4)}`);
      else if (p) expect(shown[i]).toContain('*');
    });
    expect(shown.some((p) => p.includes('*'))).toBe(true);
    expect(readFileSync(masked.path).includes(Buffer.from(phones.find(Boolean)!))).toBe(false);

    const log = await t.call<ExportRecord[]>('exports:log');
    expect(log[0]).toMatchObject({ report: 'ledger', unmasked: true, actor: '王文书', scope: `范围：${area.name}` });
    expect(log[1]).toMatchObject({ report: 'ledger', unmasked: false, rows: phones.length });
    expect(log[0]!.fileName).toBe(`长乐镇-${area.name}-台账明细表-2026-11-21.xlsx`);
    expect(log[0]!.id).toBeGreaterThan(log[1]!.id);
  });
});

describe('export runs', () => {
  test('no save target: the browser shell gets a download id for the finished file', async () => {
    const done = await t.call<ExportDone>('exports:run', { report: 'party-stats' });
    expect(done.fileName).toBe('长乐镇-非公有经济控制的企业法人单位建立党的基层组织情况-2026-11-21.xlsx');
    expect(done.download).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const file = downloadPath(join(t.dir(), 'data'), done.download!)!;
    expect(grid(firstSheet(readBook(file)))[0]![0]).toBe('非公有经济控制的企业法人单位建立党的基层组织情况');
  });

  test('a long export reports its progress; cancelled while writing: no file, no part left, nothing logged', async () => {
    const before = (await t.call<ExportRecord[]>('exports:log')).length;
    const target = join(t.dir(), 'cancelled.xlsx');
    const jobId = 'cancel-test-0001';
    const running = t
      .core()
      .invoke('exports:run', { report: 'ledger', target: await t.core().grant(target, 'export'), jobId });
    // The export answers while it writes: how far it is, of how many rows. Asked again after each turn of the event
    // loop, because writing starts only once ExcelJS is loaded (an await even when it already is).
    type Progress = { phase: string; done: number; total: number | null };
    let progress = await t.call<Progress>('jobs:progress', { jobId });
    while (progress.phase !== '正在写入表格…') {
      await new Promise((r) => setImmediate(r));
      progress = await t.call<Progress>('jobs:progress', { jobId });
    }
    expect(progress).toMatchObject({ phase: '正在写入表格…', total: 300 });
    expect(progress.done).toBeGreaterThan(0);
    expect(progress.done).toBeLessThan(300);
    await t.call('jobs:cancel', { jobId });
    const result = await running;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('CANCELLED');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(t.dir()).filter((f) => f.includes('cancelled'))).toEqual([]);
    expect(await t.call<ExportRecord[]>('exports:log')).toHaveLength(before);
  });

  test('the statistics tables are of the whole township: a scope is refused, naming the table', async () => {
    const area = (await t.call<Lookups>('settings:lookups')).areas[0]!;
    const refused = await t.core().invoke('exports:run', { report: 'coverage', areaId: area.id });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '非公有制企业党组织覆盖情况统计表按全镇统计，不能只导出一个区域或推进组' },
    });
    const gone = await t.core().invoke('exports:run', { report: 'ledger', areaId: 99_999 });
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'areaId' } });
  });
});
