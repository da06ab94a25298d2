import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { CountyView } from '../../shared/ipc/county';
import type { ExportDone } from '../../shared/ipc/exports';
import { downloadPath } from '../../electron/core/app/outputs';
import { countyReport, type CountyReport } from '../../electron/core/county/merge';
import { closeTownships, openTownships } from '../../electron/core/county/townships';
import type { CoreClient } from '../../electron/core/host/coreClient';
import { inProcessCore } from '../../electron/core/host/inProcessCore';
import { PARTY_STATS_ROWS } from '../../electron/core/reports/partyStats';
import { convertAll, sofficeMissing } from '../support/libreoffice';
import { npmCli } from './cliRun';
import { COUNTY_TODAY, countyNow, encryptedCopy, makeTownship, plantedNames, SHARED_A, SHARED_B } from './countySetup';
import { valueOf } from './helpers';

/**
 * The county view through the core's channels, as the screens use it: three generated townships (two credit codes
 * planted on two townships' rolls each) opened by reference, counted, exported and closed. Every township file is
 * hashed before and after each test: the county never writes to one.
 */
const TOWNSHIPS = {
  长乐镇: { seed: 11, enterprises: 150, plant: [SHARED_A] },
  甘霖镇: { seed: 22, enterprises: 200, plant: [SHARED_A, SHARED_B] },
  崇仁镇: { seed: 33, enterprises: 100, plant: [SHARED_B] },
};
const NAMES = Object.keys(TOWNSHIPS) as (keyof typeof TOWNSHIPS)[];
const PASSWORD = 'county-pass-1';

let dir: string;
let towns: string;
let paths: string[];
let encrypted: string;
let expected: CountyReport;
let core: CoreClient;
let hashes: Record<string, string>;

const invoke = (channel: string, payload: unknown = {}) => core.invoke(channel, payload);
const call = async <T>(channel: string, payload: unknown = {}) => valueOf<T>(await invoke(channel, payload));
const refs = (files: string[]) => Promise.all(files.map((p) => core.grant(p, 'open')));

/** Every file in the townships' folder, by content: no township file changes, none appears (a -wal, a journal). */
function townFiles(): Record<string, string> {
  return Object.fromEntries(
    readdirSync(towns).map((name) => [
      name,
      createHash('sha256')
        .update(readFileSync(join(towns, name)))
        .digest('hex'),
    ]),
  );
}

async function refusal(channel: string, payload: unknown) {
  const r = await invoke(channel, payload);
  if (r.ok) throw new Error(`${channel} was accepted`);
  return r.error;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yiqiyice-county-view-'));
  towns = join(dir, 'towns');
  mkdirSync(towns);
  paths = NAMES.map((name) => makeTownship(towns, name, TOWNSHIPS[name]));
  encrypted = encryptedCopy(towns, paths[2]!, '崇仁镇-加密.yqyc', PASSWORD);
  // The setup's cores keep their data folder beside the ledgers; the checks are of the ledger files only.
  rmSync(join(towns, 'data'), { recursive: true, force: true });
  const ledgers = openTownships(paths);
  try {
    expected = countyReport(ledgers, COUNTY_TODAY);
  } finally {
    closeTownships(ledgers);
  }
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeEach(() => {
  core = inProcessCore({ dataDir: join(dir, 'data'), now: countyNow });
  hashes = townFiles();
});

afterEach(async () => {
  await core.close();
  expect(townFiles()).toEqual(hashes);
  // Nor does a read leave SQLite's -wal/-shm beside the files the townships sent.
  expect(Object.keys(hashes).filter((name) => /-(wal|shm)$/.test(name))).toEqual([]);
});

describe('county:open and county:current', () => {
  test('three townships: the figures countyReport and the CLI give, files by name only', async () => {
    const view = await call<CountyView>('county:open', { fileRefs: await refs(paths) });
    expect(view.countedOn).toBe(COUNTY_TODAY);
    expect(view.townships.map((t) => [t.township, t.file, t.encrypted])).toEqual(
      NAMES.map((n) => [n, `${n}.yqyc`, false]),
    );
    expect(view.townships.map(({ encrypted: _, ...t }) => t)).toEqual(expected.townships);
    expect(view.county).toEqual(expected.county);
    expect(view.duplicates).toEqual(expected.duplicates);
    expect(view.duplicates.map((d) => d.uscc)).toEqual([SHARED_A, SHARED_B].sort());
    // The form as exported: its 项目 labels (indented as printed) and its columns' headers.
    expect(view.partyStats.rows.map((r) => r.trim())).toEqual(PARTY_STATS_ROWS);
    expect(view.partyStats.rows[1]).toBe('　其中：党建工作指导员联系的');
    expect(view.partyStats.columns[0]).toBe('总数');
    expect(view.partyStats.columns).toHaveLength(view.county.partyStats[0]!.length);
    expect(view.county.partyStats[0]![0]).toBeGreaterThan(0);
    // No folder anywhere in the answer: the screens never show where the files are.
    expect(JSON.stringify(view)).not.toContain(towns);
    expect(JSON.stringify(view)).not.toMatch(/[\\/]/);

    expect(await call<CountyView>('county:current')).toEqual(view);

    const cli = await npmCli(['county', '--ledgers', ...paths, '--json'], join(dir, 'cli-data'));
    expect(cli.stderr).toBe('');
    const out = JSON.parse(cli.stdout) as {
      townships: { township: string; enterprises: number; indicators: { numerator: number; denominator: number }[] }[];
      county: { enterprises: number; indicators: { numerator: number; denominator: number }[] };
      partyStats: { rows: { cells: number[] }[] };
    };
    const counts = (list: { numerator: number; denominator: number }[]) =>
      list.map((i) => [i.numerator, i.denominator]);
    expect(out.townships.map((t) => [t.township, t.enterprises, counts(t.indicators)])).toEqual(
      view.townships.map((t) => [t.township, t.enterprises, counts(t.indicators)]),
    );
    expect([out.county.enterprises, counts(out.county.indicators)]).toEqual([
      view.county.enterprises,
      counts(view.county.indicators),
    ]);
    expect(out.partyStats.rows.map((r) => r.cells)).toEqual(view.county.partyStats);
  }, 120_000);

  test('an encrypted township: PASSWORD naming the file, then the same references with the password', async () => {
    const fileRefs = await refs([paths[0]!, paths[1]!, encrypted]);
    const missing = await refusal('county:open', { fileRefs });
    expect(missing).toMatchObject({
      code: 'PASSWORD',
      message: '台账“崇仁镇-加密.yqyc”无法打开：台账已加密，请输入密码',
    });
    expect(await call('county:current')).toBeNull();
    const wrong = await refusal('county:open', { fileRefs, password: 'not-the-password' });
    expect(wrong).toMatchObject({ code: 'PASSWORD', message: '台账“崇仁镇-加密.yqyc”无法打开：密码不正确' });
    expect(await call('county:current')).toBeNull();

    const view = await call<CountyView>('county:open', { fileRefs, password: PASSWORD });
    expect(view.townships.map((t) => [t.file, t.encrypted])).toEqual([
      ['长乐镇.yqyc', false],
      ['甘霖镇.yqyc', false],
      ['崇仁镇-加密.yqyc', true],
    ]);
    // The encrypted copy counts as the plain file it was made from.
    expect(view.county).toEqual(expected.county);
    // Used once they opened: a second open with them is refused.
    expect(await refusal('county:open', { fileRefs, password: PASSWORD })).toMatchObject({ code: 'NOT_FOUND' });
  }, 60_000);

  test('all or none: one file that is not a ledger opens nothing, and an open view stays as it was', async () => {
    const bad = join(dir, '甘霖镇（错）.yqyc');
    writeFileSync(bad, '这不是台账\n');
    const refused = await refusal('county:open', { fileRefs: await refs([paths[0]!, bad]) });
    expect(refused).toEqual({ code: 'NOT_A_LEDGER', message: '“甘霖镇（错）.yqyc”不是“一企一策”台账文件' });
    expect(await call('county:current')).toBeNull();

    const first = await call<CountyView>('county:open', { fileRefs: await refs(paths.slice(0, 2)) });
    const again = await refusal('county:open', { fileRefs: await refs([paths[2]!, paths[2]!]) });
    expect(again).toMatchObject({ code: 'CONFLICT', message: '台账文件“崇仁镇.yqyc”给出了两次，请每个文件只给一次' });
    expect(await call('county:current')).toEqual(first);
    // A successful open replaces it.
    const next = await call<CountyView>('county:open', { fileRefs: await refs([paths[2]!]) });
    expect(next.townships.map((t) => t.township)).toEqual(['崇仁镇']);
    expect(await call('county:current')).toEqual(next);
  }, 60_000);

  test('county:close, then county:current answers null', async () => {
    await call('county:open', { fileRefs: await refs(paths) });
    expect(await call('county:close')).toBeNull();
    expect(await call('county:current')).toBeNull();
  });
});

describe('county:export', () => {
  test('refused in Chinese when no county view is open', async () => {
    expect(await refusal('county:export', {})).toEqual({ code: 'NOT_FOUND', message: '请先打开要汇总的乡镇台账' });
  });

  test('one workbook: indicators by township and 全县合计, the summed 党内统计 form, the duplicates', async () => {
    await call('county:open', { fileRefs: await refs(paths) });
    const path = join(dir, '全县汇总表.xlsx');
    const done = await call<ExportDone>('county:export', {
      target: await core.grant(path, 'export'),
      jobId: 'county-1',
    });
    expect(done).toMatchObject({ fileName: `全县汇总表-${COUNTY_TODAY}.xlsx`, download: null });
    // Three townships, the form's 20 lines, one line per duplicate entry.
    expect(done.rows).toBe(3 + 20 + 4);
    expect(await call('jobs:progress', { jobId: 'county-1' })).toBeNull();

    const book = XLSX.read(readFileSync(path));
    expect(book.SheetNames).toEqual(['全县指标汇总', '党内统计（全县）', '跨乡镇重复企业']);
    const rows = (name: string) =>
      XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name]!, { header: 1, raw: true, defval: null });

    const indicators = rows('全县指标汇总');
    expect(indicators[0]![0]).toBe('非公企业党建工作全县汇总表');
    const townshipRows = NAMES.map((n) => indicators.find((r) => r[0] === n)!);
    const total = indicators.find((r) => r[0] === '全县合计')!;
    expect(townshipRows.map((r) => r[1])).toEqual(NAMES.map((n) => `${n}.yqyc`));
    expect(total[2]).toBe(expected.county.enterprises);
    expected.county.indicators.forEach((ind, k) => {
      const [n, d, rate] = [3 + k * 3, 4 + k * 3, 5 + k * 3];
      expect(townshipRows.map((r) => [r[n], r[d]])).toEqual(
        expected.townships.map((t) => [t.indicators[k]!.numerator, t.indicators[k]!.denominator]),
      );
      expect([total[n], total[d]], ind.key).toEqual([ind.numerator, ind.denominator]);
      expect(total[rate] as number).toBeCloseTo(ind.numerator / ind.denominator, 10);
    });
    expect(total[3]).toBe(expected.townships.reduce((acc, t) => acc + t.indicators[0]!.numerator, 0));

    const form = rows('党内统计（全县）');
    // The body rows: those with a 行次 in column B, in order.
    const body = form.filter((r) => typeof r[1] === 'number');
    expect(body.map((r) => [String(r[0]).trim(), r[1]])).toEqual(PARTY_STATS_ROWS.map((label, i) => [label, i + 1]));
    expect(body.map((r) => r.slice(2, 2 + expected.county.partyStats[0]!.length))).toEqual(expected.county.partyStats);
    // Its 说明 speaks of every township's ledger, not of one.
    const notes = form.map((r) => String(r[0] ?? '')).find((c) => c.startsWith('说明：'));
    expect(notes).toContain('统计对象为各乡镇（街道）台账中在册（不含注销、迁出）的企业法人单位');

    const planted = NAMES.flatMap((n) => plantedNames(n, TOWNSHIPS[n]));
    const duplicates = rows('跨乡镇重复企业').filter((r) => r[0] === SHARED_A || r[0] === SHARED_B);
    expect(duplicates.map((r) => r.slice(0, 4))).toEqual(
      [SHARED_A, SHARED_B]
        .sort()
        .flatMap((uscc) =>
          planted.filter((p) => p.uscc === uscc).map((p) => [uscc, p.township, `${p.township}.yqyc`, p.name]),
        ),
    );

    // LibreOffice opens it as a clerk's office suite would: the first sheet, values as shown.
    if (sofficeMissing()) throw new Error(sofficeMissing()!);
    const [csv] = await convertAll([path], 'csv', join(dir, 'csv'));
    const text = readFileSync(csv!, 'utf8');
    expect(text).toContain('全县合计');
    expect(text).toContain(`"全县合计",,${expected.county.enterprises},${expected.county.indicators[0]!.numerator},`);
  }, 120_000);

  test('the browser shell: a download, as exports:run gives', async () => {
    await call('county:open', { fileRefs: await refs(paths) });
    const done = await call<ExportDone>('county:export', {});
    expect(done.download).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const file = downloadPath(join(dir, 'data'), done.download!)!;
    expect(existsSync(file)).toBe(true);
    expect(XLSX.read(readFileSync(file)).SheetNames).toHaveLength(3);
  }, 60_000);
});
