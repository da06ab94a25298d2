import type { Locator, Page } from '@playwright/test';
import * as XLSX from '@e965/xlsx';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encryptedCopy, makeTownship, plantedNames, SHARED_A } from '../integration/countySetup';
import { expect, test } from './fixtures';
import { chooseInSelect } from './select';

/**
 * 全县汇总 through the browser shell: township files added one by one (a non-ledger, the same file twice and a copy
 * of one ledger refused, naming the file), the password asked once, the county's figures equal to the sums of the
 * townships' as the command line counts them, the 党内统计 form of one township, the duplicates, the export read
 * back, a reload back onto the view, and 关闭汇总.
 */

interface Figure {
  id: string;
  numerator: number;
  denominator: number;
}
interface CountyJson {
  townships: { township: string; file: string; enterprises: number; indicators: Figure[] }[];
  county: { enterprises: number; indicators: Figure[] };
  partyStats: { rows: { cells: number[] }[] };
}

const PASSWORD = 'shi-ban-2026';

function countyCli(paths: string[], dataDir: string, passwordFile: string): CountyJson {
  const out = execFileSync(
    process.execPath,
    ['out/node/cli.js', 'county', '--ledgers', ...paths, '--password-file', passwordFile, '--json'],
    { env: { ...process.env, YIQIYICE_DATA_DIR: dataDir }, encoding: 'utf8' },
  );
  return JSON.parse(out) as CountyJson;
}

async function addFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '添加乡镇台账…' }).click();
  await (await chooser).setFiles(path);
}

async function numberIn(locator: Locator): Promise<number> {
  const text = (await locator.innerText()).trim();
  expect(text).toMatch(/^\d+$/);
  return Number(text);
}

test('county view: picking with refusals, password, sums, per-township table, form, duplicates, export, reload, close', async ({
  page,
  shell,
  dataDir,
}) => {
  test.setTimeout(180_000);
  // Beside the shell's data folder (removed after the test), not under test-results: a Playwright run elsewhere in
  // the tree empties that folder when it starts.
  const dir = join(dataDir, 'townships');
  const src = join(dir, 'plain');
  mkdirSync(src, { recursive: true });
  const options = {
    长乐镇: { seed: 5, enterprises: 60, plant: [SHARED_A] },
    甘霖镇: { seed: 6, enterprises: 40, plant: [SHARED_A] },
  };
  const changle = makeTownship(dir, '长乐镇', options.长乐镇);
  const ganlin = makeTownship(dir, '甘霖镇', options.甘霖镇);
  const shiban = encryptedCopy(dir, makeTownship(src, '石板镇', { seed: 7, enterprises: 30 }), '石板镇.yqyc', PASSWORD);
  const copy = join(dir, '长乐镇副本.yqyc');
  copyFileSync(changle, copy);
  const notLedger = join(dir, '名单.yqyc');
  writeFileSync(notLedger, '这不是台账');
  const passwordFile = join(dir, 'password.txt');
  writeFileSync(passwordFile, PASSWORD);
  const cliData = join(dataDir, 'cli-data');
  const expected = countyCli([changle, ganlin, shiban], cliData, passwordFile);
  const ganlinAlone = countyCli([ganlin], cliData, passwordFile);

  await page.goto(shell.url);
  await expect(page.getByTestId('start-screen')).toHaveAttribute('data-ready', 'true');
  await page.getByTestId('county-entry').click();
  const picker = page.getByTestId('county-picker');
  await expect(picker).toBeVisible();

  // A file that is not a ledger is refused at once, by name; nothing is added.
  await addFile(page, notLedger);
  await expect(page.getByTestId('county-problem')).toContainText('“名单.yqyc”');
  await expect(page.getByTestId('county-problem')).toContainText('不是“一企一策”台账文件');
  await expect(page.getByTestId('county-file')).toHaveCount(0);

  await addFile(page, changle);
  await addFile(page, ganlin);
  await expect(page.getByTestId('county-file')).toHaveCount(2);
  await expect(page.getByTestId('county-problem')).toHaveCount(0);
  // The same file again is refused on the spot.
  await addFile(page, changle);
  await expect(page.getByTestId('county-problem')).toContainText('“长乐镇.yqyc”已在列表中');
  await expect(page.getByTestId('county-file')).toHaveCount(2);

  // A copy of one township's ledger under another name: the core refuses, naming both; the list stays.
  await addFile(page, copy);
  await addFile(page, shiban);
  await expect(page.getByTestId('county-file')).toHaveCount(4);
  await page.getByTestId('county-start').click();
  await expect(page.getByTestId('county-problem')).toContainText('“长乐镇.yqyc”和“长乐镇副本.yqyc”是同一本台账');
  await expect(page.getByTestId('county-file')).toHaveCount(4);
  await page.getByRole('button', { name: '移除 长乐镇副本.yqyc' }).click();
  await expect(page.getByTestId('county-file')).toHaveCount(3);
  // The townships' files are read from the uploads folder, never added to this PC's own ledgers.
  const ledgers = join(dataDir, 'ledgers');
  expect(existsSync(ledgers) ? readdirSync(ledgers) : []).toEqual([]);

  // 石板镇 is encrypted: the password is asked once and the same files are opened with it.
  await page.getByTestId('county-start').click();
  const prompt = page.getByRole('dialog', { name: '请输入台账密码' });
  await expect(prompt).toContainText('石板镇.yqyc');
  await prompt.getByTestId('password-input').fill(PASSWORD);
  await prompt.getByTestId('password-submit').click();
  await expect(prompt).toHaveCount(0);
  const screen = page.getByTestId('county-screen');
  await expect(page.getByTestId('county-title')).toContainText('全县汇总 · 3 个乡镇 · 统计日期');

  // 覆盖概览: every county card's counts are the sums of the three townships' own.
  const cards = screen.getByTestId('indicator-card');
  await expect(cards).toHaveCount(expected.county.indicators.length);
  for (const [k, ind] of expected.county.indicators.entries()) {
    const sum = (part: 'numerator' | 'denominator') =>
      expected.townships.reduce((s, t) => s + t.indicators[k]![part], 0);
    expect(ind.numerator).toBe(sum('numerator'));
    const card = screen.locator(`[data-testid="indicator-card"][data-key="${ind.id}"]`);
    expect(await numberIn(card.getByTestId('indicator-numerator'))).toBe(sum('numerator'));
    expect(await numberIn(card.getByTestId('indicator-denominator'))).toBe(sum('denominator'));
  }
  await expect(screen.getByText('全县汇总一律按标准口径')).toBeVisible();
  await expect(cards.first()).toContainText('全县汇总按标准口径计算');
  await expect(screen.getByTestId('chart-county-townships')).toBeVisible();

  // 分乡镇指标: a row per township with its own counts, and the county's total row.
  await screen.getByRole('tab', { name: '分乡镇指标' }).click();
  const table = screen.getByTestId('county-township-table');
  for (const t of expected.townships) {
    const cells = table.locator(`tr[data-township="${t.township}"] td`);
    await expect(cells.nth(1)).toHaveText(t.file);
    expect(await numberIn(cells.nth(2))).toBe(t.enterprises);
    expect(await numberIn(cells.nth(3))).toBe(t.indicators[0]!.numerator);
    expect(await numberIn(cells.nth(4))).toBe(t.indicators[0]!.denominator);
  }
  // Sorted by the first indicator's rate, lowest first: which township lags; the total row stays below.
  await table.locator('th').filter({ hasText: '比例' }).first().click();
  const byRate = [...expected.townships].sort(
    (a, b) =>
      a.indicators[0]!.numerator / a.indicators[0]!.denominator -
      b.indicators[0]!.numerator / b.indicators[0]!.denominator,
  );
  await expect(table.locator('tbody tr[data-township]')).toHaveText(byRate.map((t) => new RegExp(`^${t.township}`)));
  const total = table.getByTestId('county-total-row').locator('td');
  await expect(total.nth(0)).toHaveText('全县合计');
  expect(await numberIn(total.nth(2))).toBe(expected.townships.reduce((s, t) => s + t.enterprises, 0));
  expect(await numberIn(total.nth(3))).toBe(expected.county.indicators[0]!.numerator);

  // 党内统计 for one township: the form the command line counts for that township alone.
  await screen.getByRole('tab', { name: '党内统计' }).click();
  const form = screen.getByTestId('county-party-stats');
  await chooseInSelect(page, form.getByTestId('county-party-stats-scope'), '甘霖镇');
  await expect(form).toHaveAttribute('data-scope', '甘霖镇');
  const firstRow = form.locator('tbody tr.ant-table-row').first().locator('td');
  const want = ganlinAlone.partyStats.rows[0]!.cells;
  for (const [c, value] of want.entries()) expect(await numberIn(firstRow.nth(2 + c))).toBe(value);

  // 重复企业: the planted credit code, on both townships' rolls, each with its name there.
  await screen.getByRole('tab', { name: /重复企业/ }).click();
  const dups = screen.getByTestId('county-duplicates');
  await expect(dups).toContainText('迁出');
  await expect(dups).toContainText(SHARED_A);
  await expect(dups.getByTestId('county-duplicate-entry')).toHaveText(
    Object.entries(options).map(
      ([township, o]) => `${township} · ${township}.yqyc · ${plantedNames(township, o)[0]!.name}`,
    ),
  );

  // 导出全县汇总表 comes down as a workbook naming each township, with the duplicate code.
  const download = page.waitForEvent('download');
  await screen.getByTestId('county-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^全县汇总表.*\.xlsx$/);
  const path = join(dir, 'county.xlsx');
  await file.saveAs(path);
  const book = XLSX.read(readFileSync(path));
  const texts = book.SheetNames.flatMap((name) =>
    XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name]!, { header: 1, defval: null }).flat(),
  ).filter((c): c is string => typeof c === 'string');
  for (const t of expected.townships) expect(texts).toContain(t.township);
  expect(texts.some((t) => t.includes(SHARED_A))).toBe(true);

  // A reload lands back on the county view the core still holds; 关闭汇总 returns to the start screen for good.
  await page.reload();
  await expect(page.getByTestId('county-title')).toContainText('全县汇总 · 3 个乡镇');
  await page.getByTestId('county-close').click();
  await expect(page.getByTestId('start-screen')).toHaveAttribute('data-ready', 'true');
  await page.reload();
  await expect(page.getByTestId('start-screen')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('county-screen')).toHaveCount(0);
});
