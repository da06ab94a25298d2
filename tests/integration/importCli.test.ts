import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { CliError } from '../../electron/cli/io';
import type { CoreClient } from '../../electron/core/host/coreClient';
import { inProcessCore } from '../../electron/core/host/inProcessCore';
import { writeTextAsXlsx } from '../fixtures/excel/hostile';
import { MESSY, writeMessyLedger } from '../fixtures/excel/messyLedger';
import { npmCli, runCommand } from './cliRun';
import { FIXED_NOW, useTempDir, valueOf } from './helpers';

/**
 * `yiqiyice import FILE --ledger LEDGER … --json`: the same steps and rules as the import screen, the report in
 * exactly the documented shape, exit 0 when it ran (rows refused or not), non-zero with a Chinese reason and the
 * ledger untouched when it cannot run.
 */
const tmp = useTempDir('yiqiyice-import-cli-');
let ledger: string;

const core = (): CoreClient => {
  const c = inProcessCore({ dataDir: join(tmp.dir(), 'data'), now: () => FIXED_NOW });
  tmp.onCleanup(() => c.close());
  return c;
};

beforeEach(async () => {
  ledger = join(tmp.dir(), '长乐镇.yqyc');
  const maker = core();
  valueOf(
    await maker.invoke('ledgers:create', {
      settings: { township: '长乐镇', committee: '中共长乐镇委员会', docCode: '长委' },
      target: await maker.grant(ledger, 'create'),
    }),
  );
  await maker.close();
});
afterEach(() => vi.restoreAllMocks());

const run = async (file: string, values: Record<string, string | boolean | undefined> = {}) =>
  JSON.parse(await runCommand('import', core(), { file, ledger, json: true, ...values })) as unknown;

/** What the ledger file holds, read with a connection of its own. */
function stored<T>(sql: string): T[] {
  const db = new Database(ledger, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

const c = MESSY.codes;

describe('import --json', () => {
  test('a clerk’s messy workbook goes in: the report in exactly the documented shape', async () => {
    const file = join(tmp.dir(), '长乐镇台账.xlsx');
    await writeMessyLedger(file);
    expect(await run(file, { 'create-missing': true })).toEqual({
      added: 6,
      updated: 0,
      skipped: 0,
      rejected: [
        {
          row: 8,
          column: '职工人数',
          value: '约50',
          reason: '从业人员数“约50”是估计数，不能作为确切数字导入，请填写确切的数字',
        },
      ],
      warnings: [{ row: 12, column: '党员人数/正式', value: '不详', reason: '正式党员为“不详”，未导入' }],
    });
    expect(
      stored<{ name: string; uscc: string; area: string; f: number; p: number; fl: number | null; e: number | null }>(
        `SELECT e.name, e.uscc, a.name AS area, full_members AS f, probationary_members AS p,
                members_floating AS fl, employees AS e, founded_on AS d, above_scale AS s, contact_phone AS phone
         FROM enterprises e JOIN areas a ON a.id = e.area_id ORDER BY e.id`,
      ),
    ).toEqual([
      {
        name: '长乐华信纺织有限公司',
        uscc: c[0],
        area: '东关村',
        f: 3,
        p: 1,
        fl: 0,
        e: 120,
        d: '2011-08-09',
        s: 1,
        phone: '13805912345',
      },
      {
        name: '长乐鑫源机械厂',
        uscc: c[1],
        area: '西关村',
        f: 2,
        p: 0,
        fl: null,
        e: 1200,
        d: '2011-08-09',
        s: 1,
        phone: '13805912346',
      },
      {
        name: '长乐恒通物流有限公司',
        uscc: c[3],
        area: '南山村',
        f: 5,
        p: 1,
        fl: 2,
        e: 80,
        d: '2011-08-09',
        s: 0,
        phone: '',
      },
      {
        name: '长乐永安建材有限公司',
        uscc: c[4],
        area: '北岭村',
        f: 1,
        p: 0,
        fl: 0,
        e: 1200,
        d: '2011-08-09',
        s: 1,
        phone: '',
      },
      {
        name: '长乐海峡电子有限公司',
        uscc: c[5],
        area: '东关村',
        f: 0,
        p: 0,
        fl: null,
        e: 35,
        d: '2015-03-01',
        s: 0,
        phone: '',
      },
      {
        name: '长乐闽江塑料制品厂',
        uscc: c[6],
        area: '西关村',
        f: 2,
        p: 1,
        fl: 1,
        e: 60,
        d: '2015-03-01',
        s: 1,
        phone: '',
      },
    ]);

    // Again: the default is to skip what is already there; with --on-match update nothing differs, so nothing changes.
    const again = { added: 0, updated: 0, skipped: 6 };
    expect(await run(file, { 'create-missing': true })).toMatchObject(again);
    expect(await run(file, { 'create-missing': true, 'on-match': 'update' })).toMatchObject(again);
    expect(stored('SELECT id FROM enterprises')).toHaveLength(6);
  });

  test('a mapping file names the header rows and the columns; without --create-missing an unknown village refuses', async () => {
    const maker = core();
    valueOf(await maker.invoke('ledgers:openFile', { fileRef: await maker.grant(ledger, 'open') }));
    valueOf(await maker.invoke('areas:save', { name: '长安村', type: 'village' }));
    await maker.close();
    const file = join(tmp.dir(), '单位.csv');
    writeFileSync(file, '说明：本表由各村填报\n单位,村,人\n甲公司,长安村,5\n乙公司,新村,6\n');
    const mapping = join(tmp.dir(), '映射.json');
    writeFileSync(
      mapping,
      JSON.stringify({ header: { start: 2, end: 2 }, columns: { 单位: 'name', 村: '所在区域', 人: 'employees' } }),
    );
    expect(await run(file, { mapping })).toEqual({
      added: 1,
      updated: 0,
      skipped: 0,
      rejected: [
        {
          row: 4,
          column: '村',
          value: '新村',
          reason:
            '所在区域“新村”不在台账的区域列表中；如需新增，请在预览上方点该区域旁的“添加”（命令行加 --create-missing）',
        },
      ],
      warnings: [],
    });
    expect(stored('SELECT name, employees FROM enterprises')).toEqual([{ name: '甲公司', employees: 5 }]);
  });
});

describe('when it cannot run, it says why and changes nothing', () => {
  const refusal = async (file: string, values: Record<string, string | boolean> = {}) => {
    const batches = stored('SELECT id FROM change_batches').length;
    const error = await runCommand('import', core(), { file, ledger, json: true, ...values }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CliError);
    expect(stored('SELECT id FROM enterprises')).toEqual([]);
    expect(stored('SELECT id FROM change_batches')).toHaveLength(batches);
    return error as CliError;
  };

  test('no column for the enterprise’s name', async () => {
    const file = join(tmp.dir(), '无名称.csv');
    writeFileSync(file, '职工人数,所在村\n5,长安村\n');
    expect((await refusal(file)).message).toBe(
      '导入企业台账须有“企业名称”列，请在列对应关系中指定（可用 --mapping 指定列对应关系），未导入任何数据',
    );
  });

  test('no row that looks like column titles', async () => {
    const file = join(tmp.dir(), '无表头.csv');
    writeFileSync(file, '1,2,3\n4,5,6\n');
    expect((await refusal(file)).message).toBe(
      '工作表「无表头」中找不到表头（列标题行），未导入任何数据。请检查文件，或在映射文件中用 "header" 指定表头行',
    );
  });

  test('a file that is not a spreadsheet, one that is not there, and a wrong option', async () => {
    const file = join(tmp.dir(), '会议记录.xlsx');
    writeTextAsXlsx(file);
    expect((await refusal(file)).message).toBe(
      '文件扩展名是 .xlsx，但内容是纯文本，不是 Excel 工作簿。如果它是 CSV 文件，请把扩展名改为 .csv 后再导入',
    );
    expect((await refusal(join(tmp.dir(), '没有.xlsx'))).message).toBe(
      `找不到要导入的文件：${join(tmp.dir(), '没有.xlsx')}`,
    );
    const wrong = await refusal(file, { kind: 'plans' });
    expect(wrong.exitCode).toBe(2);
    expect(wrong.message).toBe('--kind 应为 enterprises、members、instructors、contacts、survey 之一，实际为“plans”');
  });
});

describe('as a clerk runs it', () => {
  test('exit 0 with the JSON on stdout when rows were refused; non-zero with the reason on stderr when it cannot run', async () => {
    const data = join(tmp.dir(), 'cli-data');
    const gbk = join(process.cwd(), 'tests/fixtures/excel/messy-ledger-gbk.csv');
    const ran = await npmCli(['import', gbk, '--ledger', ledger, '--create-missing', '--json'], data);
    expect(ran.code).toBe(0);
    const report = JSON.parse(ran.stdout) as { added: number; rejected: { row: number; value: string }[] };
    expect(report).toMatchObject({ added: 4, updated: 0, skipped: 0, warnings: [] });
    expect(report.rejected.map((p) => [p.row, p.value])).toEqual([[5, '约50']]);

    const bad = join(tmp.dir(), '会议记录.xlsx');
    writeTextAsXlsx(bad);
    const refused = await npmCli(['import', bad, '--ledger', ledger, '--json'], data);
    expect(refused.code).not.toBe(0);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      '错误：文件扩展名是 .xlsx，但内容是纯文本，不是 Excel 工作簿。如果它是 CSV 文件，请把扩展名改为 .csv 后再导入\n',
    );
    expect(stored('SELECT id FROM enterprises')).toHaveLength(4);
  });
});
