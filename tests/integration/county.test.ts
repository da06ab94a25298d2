import { copyFileSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_INDICATORS, type Indicator, type StatsReport } from '../../shared/domain/indicators';
import { CoreContext } from '../../electron/core/app/context';
import { countyReport, type CountyReport } from '../../electron/core/county/merge';
import { closeTownships, openTownships } from '../../electron/core/county/townships';
import { invoke } from '../../electron/core/invoke';
import { partyStatsMatrix } from '../../electron/core/reports/partyStats';
import { openLedgerAt } from '../../electron/core/services/ledgers';
import { COUNTY_TODAY, countyNow, encryptedCopy, makeTownship, plantedNames, SHARED_A, SHARED_B } from './countySetup';

/**
 * The county view over three generated townships of different sizes, two credit codes planted on two townships'
 * rolls each. What the county shows is checked against each township counted alone the normal way.
 */
const TOWNSHIPS = {
  长乐镇: { seed: 11, enterprises: 300, plant: [SHARED_A] },
  甘霖镇: { seed: 22, enterprises: 450, plant: [SHARED_A, SHARED_B] },
  崇仁镇: { seed: 33, enterprises: 200, plant: [SHARED_B] },
};
const NAMES = Object.keys(TOWNSHIPS) as (keyof typeof TOWNSHIPS)[];

let dir: string;
let paths: string[];
let report: CountyReport;

async function call<T>(ctx: CoreContext, channel: string, payload: unknown): Promise<T> {
  const result = await invoke(ctx, channel as 'stats:report', payload as never);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

/** One township alone, as its own clerk sees it: opened through the core, stats:report and the 党内统计 matrix. */
async function alone(path: string) {
  const ctx = new CoreContext({ dataDir: join(dir, 'data'), now: countyNow });
  try {
    openLedgerAt(ctx, path);
    // A township may have edited or disabled its indicators; the county counts the defaults, so they are put back.
    for (const i of await call<Indicator[]>(ctx, 'indicators:list', {})) {
      const standard = DEFAULT_INDICATORS.find((d) => d.key === i.key);
      if (!standard) continue;
      const { name, denominator, numerator, target, note } = standard;
      await call(ctx, 'indicators:save', {
        id: i.id,
        input: { name, denominator, numerator, target, note, enabled: true },
      });
    }
    const stats = await call<StatsReport>(ctx, 'stats:report', {});
    const db = ctx.requireLedger().db;
    const active = db
      .prepare("SELECT count(*) FROM enterprises WHERE operating_status NOT IN ('deregistered', 'moved-out')")
      .pluck()
      .get() as number;
    return { stats, active, matrix: partyStatsMatrix({ db, today: COUNTY_TODAY }) };
  } finally {
    ctx.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yiqiyice-county-'));
  paths = NAMES.map((name) => makeTownship(dir, name, TOWNSHIPS[name]));
  // 甘霖镇's clerk renamed 总体组建率 and raised its target: the county must still count the standard definition.
  const ctx = new CoreContext({ dataDir: join(dir, 'data'), now: countyNow });
  openLedgerAt(ctx, paths[1]!);
  const formation = (await call<Indicator[]>(ctx, 'indicators:list', {})).find((i) => i.key === 'formation-rate')!;
  const { denominator, numerator, note } = formation;
  await call(ctx, 'indicators:save', {
    id: formation.id,
    input: { name: '本镇组建率', denominator, numerator, note, target: 0.9, enabled: false },
  });
  ctx.close();
  const ledgers = openTownships(paths);
  try {
    report = countyReport(ledgers, COUNTY_TODAY);
  } finally {
    closeTownships(ledgers);
  }
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('county figures', () => {
  test('each township and the county: the sums of the townships counted alone, rates from the sums', async () => {
    const own: Awaited<ReturnType<typeof alone>>[] = [];
    for (const path of paths) own.push(await alone(path));
    expect(report.townships.map((t) => t.township)).toEqual(NAMES);
    expect(report.townships.map((t) => t.file)).toEqual(NAMES.map((n) => `${n}.yqyc`));
    expect(report.county.indicators.map((i) => [i.key, i.name, i.target])).toEqual(
      DEFAULT_INDICATORS.map((d) => [d.key, d.name, d.target]),
    );
    report.county.indicators.forEach((county, k) => {
      let n = 0;
      let d = 0;
      own.forEach((o, t) => {
        const theirs = o.stats.indicators.find((i) => i.key === county.key)!;
        const mine = report.townships[t]!.indicators[k]!;
        expect([mine.numerator, mine.denominator], `${NAMES[t]} ${county.key}`).toEqual([
          theirs.numerator,
          theirs.denominator,
        ]);
        n += theirs.numerator;
        d += theirs.denominator;
      });
      expect([county.numerator, county.denominator], county.key).toEqual([n, d]);
      expect(county.rate).toBe(Math.round((n / d) * 10_000) / 10_000);
      expect(county.met).toBe(n >= Math.ceil(county.target! * d - 1e-9));
    });
    // Not a vacuous sum: the samples have organised and unorganised enterprises in each township.
    expect(report.county.indicators.find((i) => i.key === 'formation-rate')!.denominator).toBeGreaterThan(500);
    expect(report.townships.map((t) => t.enterprises)).toEqual(own.map((o) => o.active));
    expect(report.county.enterprises).toBe(own.reduce((acc, o) => acc + o.active, 0));
  });

  test('the county 党内统计 form is the cell-wise sum of the townships’ forms', async () => {
    const own: number[][][] = [];
    for (const path of paths) own.push((await alone(path)).matrix);
    const summed = own[0]!.map((row, r) => row.map((_, c) => own.reduce((acc, m) => acc + m[r]![c]!, 0)));
    expect(report.county.partyStats).toEqual(summed);
    expect(report.townships.map((t) => t.partyStats)).toEqual(own);
    expect(summed[0]![0]).toBeGreaterThan(0);
  });

  test('enterprises on two townships’ rolls: exactly the planted codes, each with both townships, not merged', () => {
    const planted = NAMES.flatMap((n) => plantedNames(n, TOWNSHIPS[n]));
    const expected = [SHARED_A, SHARED_B].sort().map((uscc) => ({
      uscc,
      entries: planted
        .filter((p) => p.uscc === uscc)
        .map((p) => ({ township: p.township, file: `${p.township}.yqyc`, name: p.name })),
    }));
    expect(report.duplicates).toEqual(expected);
    expect(report.duplicates.map((d) => d.entries.map((e) => e.township))).toEqual([
      ['长乐镇', '甘霖镇'],
      ['甘霖镇', '崇仁镇'],
    ]);
    // Still counted once in each township: the county total is the sum of theirs.
    expect(report.county.enterprises).toBe(report.townships.reduce((acc, t) => acc + t.enterprises, 0));
  });

  test('an encrypted township ledger opens with the one password and counts the same', () => {
    const enc = encryptedCopy(dir, paths[2]!, '崇仁镇-加密.yqyc', 'county-pass-1');
    const ledgers = openTownships([paths[0]!, paths[1]!, enc], 'county-pass-1');
    try {
      const again = countyReport(ledgers, COUNTY_TODAY);
      expect(again.county).toEqual(report.county);
      expect(again.townships[2]!.file).toBe('崇仁镇-加密.yqyc');
    } finally {
      closeTownships(ledgers);
    }
    expect(() => openTownships([paths[0]!, enc], 'wrong-pass')).toThrow(/崇仁镇-加密\.yqyc/);
    expect(() => openTownships([enc])).toThrow(/崇仁镇-加密\.yqyc/);
  });
});

describe('refusals name the file', () => {
  test('the same file twice, by another spelling too', () => {
    expect(() => openTownships([paths[0]!, paths[1]!, paths[0]!])).toThrow(
      '台账文件“长乐镇.yqyc”给出了两次，请每个文件只给一次',
    );
    const link = join(dir, '链接.yqyc');
    symlinkSync(paths[0]!, link);
    expect(() => openTownships([paths[0]!, link])).toThrow(
      '“长乐镇.yqyc”和“链接.yqyc”是同一个文件，请每个文件只给一次',
    );
  });

  test('a copy of a ledger under another name is the same ledger', () => {
    const copy = join(dir, '长乐镇-副本.yqyc');
    copyFileSync(paths[0]!, copy);
    expect(() => openTownships([paths[0]!, copy])).toThrow(
      '“长乐镇.yqyc”和“长乐镇-副本.yqyc”是同一本台账（其中一个是另一个的副本或备份），请只保留一个',
    );
  });

  test('two ledgers of one township name: the clerk is asked to check', () => {
    const namesake = makeTownship(mkdtempSync(join(dir, 'namesake-')), '长乐镇', { seed: 44, enterprises: 30 });
    expect(() => openTownships([paths[0]!, namesake])).toThrow(
      `“${paths[0]}”和“${namesake}”都是“长乐镇”的台账，请核对是否给错了文件，或乡镇名称填错`,
    );
  });

  test('files that are not ledgers', () => {
    const text = join(dir, '说明.yqyc');
    writeFileSync(text, '这不是台账\n');
    expect(() => openTownships([paths[0]!, text])).toThrow('“说明.yqyc”不是“一企一策”台账文件');
    const foreign = join(dir, '别的数据库.yqyc');
    const db = new Database(foreign);
    db.exec('CREATE TABLE t (x)');
    db.close();
    expect(() => openTownships([foreign])).toThrow('“别的数据库.yqyc”不是“一企一策”台账文件');
    expect(() => openTownships([join(dir, '不存在.yqyc')])).toThrow(/不存在\.yqyc/);
  });
});
