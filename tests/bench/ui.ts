import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium, NO_BROWSER_MESSAGE } from '../support/browser';
import { figure, median, type Figure } from './report';
import {
  LONG_TASK_OBSERVER,
  longTasksSince,
  pageNow,
  scrollGrid,
  typeSearch,
  waitChartsDrawn,
  waitInteractive,
  apiTimeline,
  type LongTask,
} from './uiPage';
import { savePrefs } from '../../electron/core/app/prefs';
import { makeBenchLedger, startBareServer, startShellTimed, type BenchLedger } from './uiShell';

const RUNS = 5;
const SCROLL_ROWS = 10_000;
/** A clerk's screen; the grid and the dashboard lay out for it. */
const VIEWPORT = { width: 1366, height: 768 };

const ms = (n: number) => Math.round(n);
const medianOf = <T>(runs: T[], pick: (r: T) => number) => ms(median(runs.map(pick)));

/**
 * The browser shell in Chromium over a product-made sample ledger: `ui.start` (shell process spawned to an
 * interactive ledger), `ui.dashboard` (覆盖概览 reloaded to its charts drawn), `ui.longTasks` (long tasks while
 * scrolling the grid through 10,000 rows and typing into the search box). The browser program is already running
 * with a window open, as on a clerk's PC, and each page is a new tab in it (see openWindow). Needs `npm run
 * build:web` first.
 */
export async function benchUi(size: number): Promise<Figure[]> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_BROWSER_MESSAGE);
  const ledger = makeBenchLedger(size);
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  try {
    const window = await openWindow(browser);
    const start = await startFigures(window, ledger, size);
    const rest = await openLedgerFigures(window, ledger, size);
    return [...start, ...rest];
  } finally {
    await browser.close();
    rmSync(dirname(ledger.dataDir), { recursive: true, force: true });
  }
}

/**
 * A browser window kept open by a blank tab. Chromium 156 builds its address bar's popup (two WebUI pages, about a
 * second of CPU in a renderer of their own) for every new window, headless too; a clerk's browser has its window
 * already, and the shell's address opens as a tab in it. Tabs opened and closed here do not close the window.
 */
interface BrowserWindow {
  context: BrowserContext;
  /** Forgets every cached response, so a start fetches and compiles the renderer afresh, as the first time. */
  clearCache: () => Promise<void>;
}

async function openWindow(browser: Browser): Promise<BrowserWindow> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const blank = await context.newPage();
  const cdp = await context.newCDPSession(blank);
  return { context, clearCache: async () => void (await cdp.send('Network.clearBrowserCache')) };
}

interface StartRun {
  up: number;
  loaded: number;
  /** From the start screen only: the recent list shown, and the core's answer to 打开. */
  startScreen?: number;
  opened?: number;
  interactive: number;
}

/**
 * `ui.start` as the program starts by default: the ledger open when it last stopped is opened again (启动时打开上次的
 * 台账). `ui.startFromList`, reported beside it without a target, is the other way in: that setting off, the start
 * screen lists the ledger and the clerk clicks 打开.
 */
async function startFigures(window: BrowserWindow, ledger: BenchLedger, size: number): Promise<Figure[]> {
  const reopened: StartRun[] = [];
  for (let i = 0; i < RUNS; i++) reopened.push(await startRun(window, ledger, 'reopen'));
  const fromList: StartRun[] = [];
  savePrefs(ledger.dataDir, { reopenLast: false });
  try {
    for (let i = 0; i < RUNS; i++) fromList.push(await startRun(window, ledger, 'list'));
  } finally {
    savePrefs(ledger.dataDir, { reopenLast: true });
  }
  const reference: number[] = [];
  for (let i = 0; i < RUNS; i++) reference.push(await bareRun(window));
  console.log(
    `ui.start 分解（中位数，自启动起累计 ms）：进程就绪 ${medianOf(reopened, (r) => r.up)} → 页面 load ${medianOf(reopened, (r) => r.loaded)}` +
      ` → 覆盖概览可用 ${medianOf(reopened, (r) => r.interactive)}`,
  );
  console.log(
    `ui.startFromList 分解：进程就绪 ${medianOf(fromList, (r) => r.up)} → 页面 load ${medianOf(fromList, (r) => r.loaded)}` +
      ` → 开始页列出台账 ${medianOf(fromList, (r) => r.startScreen!)} → ledgers:open 应答 ${medianOf(fromList, (r) => r.opened!)}` +
      ` → 覆盖概览可用 ${medianOf(fromList, (r) => r.interactive)}`,
  );
  const start = (id: string, runs: StartRun[], target: number | null) =>
    figure({
      id,
      size,
      value: medianOf(runs, (r) => r.interactive),
      unit: 'ms',
      target,
      reference: ms(median(reference)),
      ratioTarget: null,
    });
  return [start('ui.start', reopened, 1000), start('ui.startFromList', fromList, null)];
}

async function startRun(window: BrowserWindow, ledger: BenchLedger, way: 'reopen' | 'list'): Promise<StartRun> {
  await window.clearCache();
  const page = await window.context.newPage();
  const t0 = performance.now();
  const api = apiTimeline(page, t0);
  const { shell, upMs } = await startShellTimed(ledger.dataDir);
  try {
    await page.goto(shell.url, { waitUntil: 'load' });
    const loaded = performance.now() - t0;
    let run: StartRun;
    if (way === 'reopen') {
      await waitInteractive(page);
      run = { up: upMs, loaded, interactive: performance.now() - t0 };
    } else {
      await page.waitForSelector('[data-testid="start-screen"][data-ready="true"]');
      const startScreen = performance.now() - t0;
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/ledgers:open'));
      await page
        .getByTestId('recent-list')
        .getByRole('button', { name: /打\s*开/ })
        .first()
        .click();
      await answered;
      const opened = performance.now() - t0;
      await waitInteractive(page);
      run = { up: upMs, loaded, startScreen, opened, interactive: performance.now() - t0 };
    }
    const marks = [run.up, run.loaded, run.startScreen, run.opened, run.interactive].filter((m) => m !== undefined);
    console.log(
      `  ${way === 'reopen' ? 'ui.start' : 'ui.startFromList'} 一次：${marks.map(ms).join(' → ')}；${api.join('，')}`,
    );
    return run;
  } finally {
    await page.close();
    await shell.stop();
  }
}

/** The same spawn and page load for a trivial page from a bare node:http server. */
async function bareRun(window: BrowserWindow): Promise<number> {
  await window.clearCache();
  const page = await window.context.newPage();
  const t0 = performance.now();
  const server = await startBareServer();
  try {
    await page.goto(server.url, { waitUntil: 'load' });
    await page.waitForSelector('#ready');
    return performance.now() - t0;
  } finally {
    await page.close();
    server.stop();
  }
}

/** With the core holding the ledger open (opened once from the start screen), the figures measured on its pages. */
async function openLedgerFigures(window: BrowserWindow, ledger: BenchLedger, size: number): Promise<Figure[]> {
  const { shell } = await startShellTimed(ledger.dataDir);
  const { context } = window;
  try {
    // The shell opened the ledger as it started (启动时打开上次的台账).
    const first = await context.newPage();
    await first.goto(shell.url);
    await waitInteractive(first);
    await first.close();
    const dashboard = await dashboardFigure(context, shell.url, size);
    const longTasks = await longTaskFigure(context, shell.url, ledger, size);
    return [dashboard, longTasks];
  } finally {
    await shell.stop();
  }
}

async function dashboardFigure(context: BrowserContext, url: string, size: number): Promise<Figure> {
  const runs: { loaded: number; firstFrame: number; drawn: number; charts: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await context.newPage();
    const t0 = performance.now();
    const api = apiTimeline(page, t0);
    await page.goto(url, { waitUntil: 'commit' });
    const loaded = page.waitForLoadState('load').then(() => performance.now() - t0);
    const firstFrame = waitChartsDrawn(page, true).then(() => performance.now() - t0);
    const charts = await waitChartsDrawn(page);
    runs.push({ loaded: await loaded, firstFrame: await firstFrame, drawn: performance.now() - t0, charts });
    console.log(`  ui.dashboard 一次：${ms(runs.at(-1)!.drawn)} ms；${api.join('，')}`);
    await page.close();
  }
  console.log(
    `ui.dashboard 分解（中位数 ms）：页面 load ${medianOf(runs, (r) => r.loaded)} → 图表首帧 ${medianOf(runs, (r) => r.firstFrame)}` +
      ` → 全部 ${runs[0]!.charts} 张图 finished ${medianOf(runs, (r) => r.drawn)}`,
  );
  return figure({
    id: 'ui.dashboard',
    size,
    value: medianOf(runs, (r) => r.drawn),
    unit: 'ms',
    target: 1000,
    // The same page to its load event, no data waited for: what any page of this bundle costs before it asks.
    reference: medianOf(runs, (r) => r.loaded),
    ratioTarget: null,
  });
}

async function longTaskFigure(
  context: BrowserContext,
  url: string,
  ledger: BenchLedger,
  size: number,
): Promise<Figure> {
  const page = await context.newPage();
  try {
    await page.addInitScript(LONG_TASK_OBSERVER);
    await page.goto(url);
    await waitInteractive(page);
    await page.getByRole('tab', { name: '企业台账' }).click();
    await page.getByTestId('enterprise-row').first().waitFor();
    const scrollFrom = await pageNow(page);
    await scrollGrid(page, SCROLL_ROWS);
    const typeFrom = await pageNow(page);
    await typeSearch(page, ledger.nameFragment);
    await typeSearch(page, ledger.initials);
    const tasks = await longTasksSince(page, scrollFrom);
    const scrolling = tasks.filter((t) => t.start < typeFrom);
    const typing = tasks.filter((t) => t.start >= typeFrom);
    console.log(
      `ui.longTasks：滚动 ${SCROLL_ROWS} 行 ${describe(scrolling)}；输入“${ledger.nameFragment}”与“${ledger.initials}” ${describe(typing)}`,
    );
    for (const t of [...tasks].sort((a, b) => b.duration - a.duration).slice(0, 5)) {
      console.log(`  ${ms(t.duration)} ms @${ms(t.start)}${t.scripts ? `：${t.scripts}` : ''}`);
    }
    return figure({
      id: 'ui.longTasks',
      size,
      value: tasks.filter((t) => t.duration > 50).length,
      unit: '个',
      target: 0,
      reference: null,
      ratioTarget: null,
    });
  } finally {
    await page.close();
  }
}

function describe(tasks: LongTask[]): string {
  if (tasks.length === 0) return '无长任务';
  return `${tasks.length} 个长任务，最长 ${ms(Math.max(...tasks.map((t) => t.duration)))} ms`;
}
