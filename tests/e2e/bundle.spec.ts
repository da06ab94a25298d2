import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { loadedWith, readRendererBundle } from '../support/rendererBundle';
import { expect, test } from './fixtures';

/**
 * Code that must come only when first used: charts, Excel and PDF libraries (these belong to the core or a lazy tab),
 * and zod, which only forms and the screens holding them need (about 90 KB the first paint would otherwise parse).
 */
const HEAVY_PACKAGES = [
  'node_modules/zod',
  'node_modules/echarts',
  'node_modules/zrender',
  'node_modules/exceljs',
  'node_modules/@e965/xlsx',
  'node_modules/xlsx',
  'node_modules/pdf-lib',
  'node_modules/jszip',
  'node_modules/docx',
];
/** The app's own screens that must stay behind their lazy boundary. */
const LAZY_SOURCES = [
  'renderer/components/charts/echartsParts.ts',
  'renderer/features/dashboard/',
  'renderer/features/documents/',
  'renderer/features/excel/ExcelScreen.tsx',
  'renderer/features/excel/import/',
  'renderer/features/excel/export/',
  'renderer/features/excel/template/',
  'renderer/features/settings/SettingsScreen.tsx',
  'renderer/features/plans/',
];

test('the first download holds no chart, Excel or PDF code; those screens are chunks of their own', () => {
  const bundle = readRendererBundle();

  // index.html itself names exactly the files counted as the first download.
  const html = readFileSync(join(bundle.dir, 'index.html'), 'utf8');
  const named = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]).sort();
  expect(named).toEqual(bundle.initial);

  const initialContents = bundle.initial.flatMap((file) => bundle.contents[file] ?? []);
  expect(initialContents).toContain('renderer/features/start/StartScreen.tsx');
  expect(initialContents).toContain('node_modules/antd');
  for (const pkg of HEAVY_PACKAGES) expect(initialContents, pkg).not.toContain(pkg);
  for (const source of LAZY_SOURCES) {
    expect(
      initialContents.filter((m) => m.startsWith(source)),
      source,
    ).toEqual([]);
  }

  // Each lazy screen has its own chunk, loaded by import(), and ECharts rides only in the chart's chunk.
  for (const source of [
    'components/charts/echartsParts.ts',
    'features/dashboard/DashboardScreen.tsx',
    'features/excel/ExcelScreen.tsx',
    'features/documents/DocumentsScreen.tsx',
  ]) {
    const file = bundle.dynamicEntries.get(source);
    expect(file, source).toMatch(/^assets\/.+\.js$/);
    expect(bundle.initial).not.toContain(file);
  }
  const chart = bundle.contents[bundle.dynamicEntries.get('components/charts/echartsParts.ts')!]!;
  expect(chart).toEqual(expect.arrayContaining(['node_modules/echarts', 'node_modules/zrender']));

  // 覆盖概览 is every opening's first view: what loads with it carries no form schemas (指标设置's come when opened).
  const dashboard = loadedWith(bundle, bundle.dynamicEntries.get('features/dashboard/DashboardScreen.tsx')!);
  const withDashboard = dashboard.flatMap((file) => bundle.contents[file] ?? []);
  expect(withDashboard).not.toContain('node_modules/zod');
  expect(withDashboard).not.toContain('renderer/features/indicators/IndicatorsDrawer.tsx');
});

/** The JavaScript files the page has fetched so far, as assets/<name>.js. */
function fetchedScripts(page: Page): () => string[] {
  const fetched: string[] = [];
  page.on('request', (request) => {
    const m = /\/(assets\/[^/?#]+\.js)(?:$|[?#])/.exec(request.url());
    if (m?.[1]) fetched.push(m[1]);
  });
  return () => [...fetched];
}

test('导入导出 and 公文 fetch their code the first time they are opened, then show', async ({ page, shell }) => {
  const bundle = readRendererBundle();
  const excelChunk = bundle.dynamicEntries.get('features/excel/ExcelScreen.tsx')!;
  const documentsChunk = bundle.dynamicEntries.get('features/documents/DocumentsScreen.tsx')!;
  const chartChunk = bundle.dynamicEntries.get('components/charts/echartsParts.ts')!;
  const dashboardChunk = bundle.dynamicEntries.get('features/dashboard/DashboardScreen.tsx')!;
  const fetched = fetchedScripts(page);

  await page.goto(shell.url);
  await expect(page.getByRole('button', { name: '打开示例台账' })).toBeVisible();
  // The start screen came with the first download; no chart, Excel or 公文 code yet.
  for (const file of bundle.initial.filter((f) => f.endsWith('.js'))) expect(fetched()).toContain(file);
  expect(fetched()).not.toContain(chartChunk);
  expect(fetched()).not.toContain(excelChunk);
  expect(fetched()).not.toContain(documentsChunk);
  // 覆盖概览, where a ledger opens, is fetched while the start screen waits for the clerk.
  await expect.poll(fetched).toContain(dashboardChunk);

  await page.getByRole('button', { name: '打开示例台账' }).click();
  await expect(page.getByTestId('dashboard')).toHaveAttribute('data-loading', 'false');
  // 覆盖概览 draws its charts, which brings ECharts; the other tabs' code is still not fetched.
  await expect.poll(fetched).toContain(chartChunk);
  expect(fetched()).not.toContain(excelChunk);
  expect(fetched()).not.toContain(documentsChunk);

  const excelLoaded = page.waitForResponse((r) => r.url().endsWith(`/${excelChunk}`) && r.ok());
  await page.getByRole('tab', { name: '导入导出' }).click();
  await excelLoaded;
  await expect(page.getByTestId('excel-screen')).toBeVisible();
  await expect(page.getByTestId('excel-template')).toBeVisible();
  expect(fetched()).not.toContain(documentsChunk);

  const documentsLoaded = page.waitForResponse((r) => r.url().endsWith(`/${documentsChunk}`) && r.ok());
  await page.getByRole('tab', { name: '公文' }).click();
  await documentsLoaded;
  await expect(page.getByTestId('doc-list')).toBeVisible();

  // Back and forth: each chunk was fetched once, and the screens show again without another request.
  await page.getByRole('tab', { name: '导入导出' }).click();
  await expect(page.getByTestId('excel-screen')).toBeVisible();
  expect(fetched().filter((f) => f === excelChunk)).toHaveLength(1);
  expect(fetched().filter((f) => f === documentsChunk)).toHaveLength(1);
});
