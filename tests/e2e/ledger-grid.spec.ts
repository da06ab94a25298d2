import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The grid draws only the rows in view and reuses their elements as the clerk scrolls (a row element shows
 * whichever enterprise is at its place). These check that what is drawn after scrolling is the ledger's own rows,
 * whole and in order, and that a tick or the keyboard's row never sticks to an element instead of an enterprise.
 */

interface Drawn {
  position: number;
  serial: string;
  name: string;
  ticked: boolean;
  focused: boolean;
}

/** Every row drawn, once no row is still waiting for its block. */
async function drawnRows(table: Locator): Promise<Drawn[]> {
  await expect(table.getByTestId('enterprise-row-placeholder')).toHaveCount(0);
  return table.getByTestId('enterprise-row').evaluateAll((rows) =>
    rows.map((r) => ({
      position: Number(r.getAttribute('aria-rowindex')) - 2,
      serial: r.querySelector('.yqyc-grid-index')?.textContent ?? '',
      name: r.querySelector('[data-col="name"]')?.textContent ?? '',
      ticked: r.querySelector<HTMLInputElement>('input[type="checkbox"]')?.checked ?? false,
      focused: r.classList.contains('focused'),
    })),
  );
}

/** Rows in order, each numbered by its place, the place the row says it is at, and every name there. */
function expectWhole(rows: Drawn[]): void {
  expect(rows.length).toBeGreaterThan(5);
  rows.forEach((r, i) => {
    expect(r.position).toBe(rows[0]!.position + i);
    expect(r.serial).toBe(String(r.position + 1));
    expect(r.name.length).toBeGreaterThan(0);
  });
}

/** Scrolls to `row` and waits until the rows drawn have followed (a frame later): the first one a few rows above it. */
async function scrollTo(page: Page, grid: Locator, row: number): Promise<void> {
  await grid.evaluate((g, top) => g.scrollTo({ top }), row * 40);
  const first = page.getByTestId('enterprise-row').first();
  await expect
    .poll(async () => {
      const at = Number(await first.getAttribute('aria-rowindex')) - 2;
      return at <= row && at >= row - 12;
    })
    .toBe(true);
}

async function openSampleList(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: '打开示例台账' }).click();
  await page.getByRole('tab', { name: '企业台账' }).click();
  const table = page.getByTestId('enterprise-table');
  await expect(table.getByText('共 600 家')).toBeVisible();
  return { table, grid: page.getByRole('grid', { name: '企业台账' }) };
}

test('after scrolling by wheel and by jumps, the rows drawn are the ledger’s own, in order, and the same enterprise comes back at the same place', async ({
  page,
  shell,
}) => {
  const { table, grid } = await openSampleList(page, shell.url);
  const top = await drawnRows(table);
  expectWhole(top);
  expect(top[0]!.position).toBe(0);
  const nameAt = new Map(top.map((r) => [r.position, r.name]));

  // Twenty rows a notch, as a clerk's wheel moves it; the view must follow every notch.
  await grid.hover();
  for (let notch = 0; notch < 6; notch++) await page.mouse.wheel(0, 800);
  await expect.poll(() => grid.evaluate((g) => g.scrollTop)).toBeGreaterThan(2000);
  // The rows follow the scroll a frame later.
  await expect.poll(async () => (await drawnRows(table))[0]!.position).toBeGreaterThan(40);
  expectWhole(await drawnRows(table));

  // A jump far down, then to the end: the last row is numbered 600.
  await scrollTo(page, grid, 350);
  const far = await drawnRows(table);
  expectWhole(far);
  expect(new Set(far.map((r) => r.name)).size).toBe(far.length);
  await grid.focus();
  await page.keyboard.press('End');
  await expect.poll(async () => (await drawnRows(table)).at(-1)?.serial).toBe('600');
  expectWhole(await drawnRows(table));

  // Back at the top, every row shows the enterprise it showed before.
  await page.keyboard.press('Home');
  await expect.poll(async () => (await drawnRows(table))[0]?.position).toBe(0);
  for (const r of await drawnRows(table)) if (nameAt.has(r.position)) expect(r.name).toBe(nameAt.get(r.position));
});

test('a ticked enterprise stays ticked and the keyboard’s row stays marked as the rows scroll, and no other row takes either', async ({
  page,
  shell,
}) => {
  const { table, grid } = await openSampleList(page, shell.url);
  const rows = await drawnRows(table);
  const target = rows[2]!;
  await table.getByLabel(`选择 ${target.name}`).check();
  await expect(page.getByTestId('selected-count')).toContainText('已选 1 家');

  // Ticking made that row the keyboard's; ↓ moves on to the next.
  await grid.focus();
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await drawnRows(table)).filter((r) => r.focused).map((r) => r.position)).toEqual([3]);

  // Scrolled well away, the elements that showed them show others: nothing there is ticked or marked.
  await scrollTo(page, grid, 200);
  const away = await drawnRows(table);
  expect(away[0]!.position).toBeGreaterThan(150);
  expect(away.filter((r) => r.ticked)).toEqual([]);
  expect(away.filter((r) => r.focused)).toEqual([]);
  await expect(page.getByTestId('selected-count')).toContainText('已选 1 家');

  // Back again: the same enterprise ticked, the same row marked, and only they.
  await scrollTo(page, grid, 0);
  await expect.poll(async () => (await drawnRows(table))[0]?.position).toBe(0);
  const back = await drawnRows(table);
  expect(back.filter((r) => r.ticked).map((r) => r.name)).toEqual([target.name]);
  expect(back.filter((r) => r.focused).map((r) => r.position)).toEqual([3]);
});
