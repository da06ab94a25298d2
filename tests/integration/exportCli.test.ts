import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkUscc } from '../../shared/domain/uscc';
import { CliError } from '../../electron/cli/io';
import type { CoreClient } from '../../electron/core/host/coreClient';
import { inProcessCore } from '../../electron/core/host/inProcessCore';
import { npmCli, runCommand } from './cliRun';
import { cell, firstSheet, grid, merges, readBook } from './exportSetup';
import { valueOf } from './helpers';
import { noon, TODAY } from './statsSetup';

/**
 * `yiqiyice export REPORT …` and `yiqiyice sample-workbook …` as main.ts runs them: the export through the same
 * handler as the screen, the messy workbook with every problem the import must handle.
 */
let dir: string;
let ledger: string;
const cores: CoreClient[] = [];
const core = () => {
  const c = inProcessCore({ dataDir: join(dir, 'data'), now: () => noon(TODAY) });
  cores.push(c);
  return c;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yqyc-export-cli-'));
  ledger = join(dir, '长乐镇.yqyc');
  const maker = core();
  valueOf(await maker.invoke('ledgers:createSample', { target: await maker.grant(ledger, 'create'), enterprises: 80 }));
  await maker.close();
}, 60_000);
afterAll(async () => {
  for (const c of cores) await c.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (name: string, values: Record<string, string | boolean | undefined>) => runCommand(name, core(), values);
async function refusal(name: string, values: Record<string, string | boolean | undefined>): Promise<CliError> {
  const e = await run(name, values).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(CliError);
  return e as CliError;
}

describe('export', () => {
  test('writes the report where told and says what it wrote', async () => {
    const out = join(dir, '覆盖.xlsx');
    const printed = JSON.parse(await run('export', { report: 'coverage', ledger, out, json: true })) as Record<
      string,
      unknown
    >;
    expect(printed).toMatchObject({ file: out, report: 'coverage', unmasked: false });
    expect(printed.rows).toBe(14);
    expect(grid(firstSheet(readBook(out)))[0]![0]).toBe('非公有制企业党组织覆盖情况统计表');
    const text = await run('export', { report: 'instructors', ledger, out: join(dir, '指导员.xlsx'), unmask: true });
    expect(text).toContain('已导出党建工作指导员名册');
    expect(text).toContain('注意：文件含完整的指导员的联系电话');
  });

  test('names a wrong report, area or file and exits 2 or 1 without writing', async () => {
    const out = join(dir, 'x.xlsx');
    const unknown = await refusal('export', { report: 'members', ledger, out });
    expect(unknown.exitCode).toBe(2);
    expect(unknown.message).toContain('未知的报表“members”');
    expect(unknown.message).toContain('party-stats（非公有经济控制的企业法人单位建立党的基层组织情况）');
    const area = await refusal('export', { report: 'ledger', ledger, out, area: '月亮村' });
    expect(area.message).toMatch(/^台账中没有名为“月亮村”的区域；现有：“东门村”/);
    const csv = await refusal('export', { report: 'ledger', ledger, out: join(dir, 'x.csv') });
    expect(csv.exitCode).toBe(2);
    const folder = await refusal('export', { report: 'ledger', ledger, out: join(dir, 'nowhere', 'x.xlsx') });
    expect(folder.message).toContain('不存在');
    expect(existsSync(out)).toBe(false);
  });

  test('as a clerk runs it: npm run cli -- export ledger … --unmask --json', async () => {
    const out = join(dir, '台账.xlsx');
    const result = await npmCli(
      ['export', 'ledger', '--ledger', ledger, '--out', out, '--unmask', '--json'],
      join(dir, 'cli'),
    );
    expect(result.stderr).not.toContain('错误');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ report: 'ledger', rows: 80, unmasked: true });
    expect(grid(firstSheet(readBook(out)))[0]![0]).toBe('台账明细表');
  }, 60_000);
});

describe('sample-workbook', () => {
  test('a clerk-style township sheet with every problem planted where it says', async () => {
    const out = join(dir, '示例.xlsx');
    const made = JSON.parse(await run('sample-workbook', { out, enterprises: '60', seed: '3', json: true })) as {
      rows: number;
      planted: {
        duplicateCode: [number, number];
        badCheckCharacter: number;
        unknownVillage: number;
        approximate: number[];
        unknown: number[];
      };
    };
    const sheet = firstSheet(readBook(out));
    const rows = grid(sheet);
    const at = (row: number, column: string) => cell(sheet, `${column}${row}`)?.v;
    expect(String(rows[0]![0])).toMatch(/^长乐镇.*统计表$/);
    expect(String(rows[1]![0])).toMatch(/^填报单位/);
    expect(merges(sheet)).toEqual(expect.arrayContaining(['G3:H3', 'N3:O3', 'B3:B4']));
    expect(rows[3]!.slice(6, 8)).toEqual(['职工人数', '其中35岁以下']);
    // Blank rows inside the table, a 合计 row with a formula, and the 填表人 line.
    const blankInside = rows.slice(4, -3).filter((r) => r.every((v) => v === null || v === '')).length;
    expect(blankInside).toBeGreaterThan(0);
    const total = rows.findIndex((r) => r[0] === '合计') + 1;
    expect(cell(sheet, `G${total}`)?.f).toMatch(/^SUM\(G5:G\d+\)$/);
    expect(String(rows.at(-1)![0])).toMatch(/^填表人：/);

    const { planted } = made;
    expect(at(planted.duplicateCode[0], 'C')).toBe(at(planted.duplicateCode[1], 'C'));
    const bad = checkUscc(String(at(planted.badCheckCharacter, 'C')));
    expect(bad).toMatchObject({ ok: false, problem: { kind: 'check' } });
    expect(at(planted.unknownVillage, 'D')).toBe('新建村');
    expect(planted.approximate.map((r) => String(at(r, 'G') ?? at(r, 'I')))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^约\d+$|左右$/)]),
    );
    expect(at(planted.unknown[0]!, 'G')).toBe('不详');
    // Numbers typed as text and in full-width digits; dates written three ways.
    const employees = rows
      .slice(4, total - 1)
      .map((r) => r[6])
      .filter((v) => v !== null && v !== '');
    expect(employees.some((v) => typeof v === 'string' && /^\d+$/.test(v))).toBe(true);
    expect(rows.some((r) => r.some((v) => typeof v === 'string' && /^[０-９．]+$/.test(v)))).toBe(true);
    const dates = rows.slice(4, total - 1).map((r) => r[9]);
    expect(dates.some((v) => typeof v === 'string' && /^\d{4}\.\d{1,2}\.\d{1,2}$/.test(v))).toBe(true);
    expect(dates.some((v) => typeof v === 'string' && /^\d{4}年\d{1,2}月\d{1,2}日$/.test(v))).toBe(true);
    // The third kind is a real date cell: an Excel serial number with a date format.
    const serials = rows
      .slice(4, total - 1)
      .map((_, i) => cell(sheet, `J${5 + i}`))
      .filter((c) => c?.t === 'n');
    expect(serials.length).toBeGreaterThan(0);
    expect(serials[0]!.z).toMatch(/y+.m.d/);
    expect(made.rows).toBeGreaterThan(40);
  });
});
