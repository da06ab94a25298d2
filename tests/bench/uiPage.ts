import type { Page } from 'playwright-core';

const TIMEOUT = 120_000;

/** The ledger screen is usable: 覆盖概览's indicator cards show their numbers and the tabs are there to click. */
export async function waitInteractive(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const dashboard = document.querySelector('[data-testid="dashboard"]');
      const tab = Array.from(document.querySelectorAll('[role="tab"]')).find((t) =>
        t.textContent?.includes('企业台账'),
      );
      return (
        dashboard?.getAttribute('data-loading') === 'false' &&
        document.querySelectorAll('[data-testid="indicator-rate"]').length > 0 &&
        tab !== undefined &&
        tab.getAttribute('aria-disabled') !== 'true'
      );
    },
    undefined,
    { timeout: TIMEOUT },
  );
}

/**
 * Every chart on 覆盖概览 drawn: the trend read (or its empty note shown), the breakdown panel there, no chart still
 * loading its code, and each chart's container marked by ECharts' 'finished' event (Chart.tsx). With `firstFrame`
 * only the SVG's first frame is waited for (ECharts animates bars and lines in over the next second).
 */
export async function waitChartsDrawn(page: Page, firstFrame = false): Promise<number> {
  const handle = await page.waitForFunction(
    (frame) => {
      const dashboard = document.querySelector('[data-testid="dashboard"]');
      if (dashboard?.getAttribute('data-loading') !== 'false') return false;
      const text = dashboard.textContent ?? '';
      if (text.includes('正在读取…') || text.includes('正在绘制图表…')) return false;
      // The breakdown (with its chart by area) is drawn after the figures, from a background render.
      if (!dashboard.querySelector('[data-testid="breakdown-panel"]')) return false;
      const charts = Array.from(dashboard.querySelectorAll('[role="img"][data-testid^="chart-"]'));
      if (charts.length === 0) return false;
      const done = charts.every((c) => (frame ? c.querySelector('svg path') : c.getAttribute('data-drawn') === 'true'));
      return done && charts.length;
    },
    firstFrame,
    { timeout: TIMEOUT },
  );
  return (await handle.jsonValue()) as number;
}

export interface LongTask {
  start: number;
  duration: number;
  /** What the Long Animation Frames API says ran in the frame (script source and function), when it is there. */
  scripts: string;
}

/**
 * Installed before any page script: long tasks (over 50 ms) and long animation frames, the latter for attribution.
 * Kept on window for the bench to read.
 */
export const LONG_TASK_OBSERVER = `
window.__longTasks = [];
window.__longFrames = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const scripts = (e.scripts || []).map((s) =>
        [s.invoker, s.sourceFunctionName, (s.sourceURL || '').split('/').pop() + ':' + s.sourceCharPosition, Math.round(s.duration) + 'ms'].join(' '));
      // Past renderStart the frame runs rAF callbacks, then style and layout, then paint.
      const end = e.startTime + e.duration;
      const split = 'render ' + Math.round(e.renderStart ? end - e.renderStart : 0) + 'ms (style+layout ' +
        Math.round(e.styleAndLayoutStart ? end - e.styleAndLayoutStart : 0) + 'ms)';
      window.__longFrames.push({ start: e.startTime, duration: e.duration, scripts: [split, ...scripts].join(' | ') });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
} catch {}
`;

/** Long tasks that started at or after `since` (page time), each with the long frame overlapping it, if any. */
export async function longTasksSince(page: Page, since: number): Promise<LongTask[]> {
  return page.evaluate((from) => {
    const w = window as unknown as {
      __longTasks: { start: number; duration: number }[];
      __longFrames: { start: number; duration: number; scripts: string }[];
    };
    return w.__longTasks
      .filter((t) => t.start >= from)
      .map((t) => {
        const frame = w.__longFrames.find((f) => f.start <= t.start + 1 && f.start + f.duration >= t.start);
        return { ...t, scripts: frame?.scripts ?? '' };
      });
  }, since);
}

export const pageNow = (page: Page) => page.evaluate(() => performance.now());

const ROW_HEIGHT = 40;
const WHEEL_PX = 20 * ROW_HEIGHT;
const WHEEL_PAUSE_MS = 40;

/** Scrolls the grid down through `rows` rows by mouse wheel, 20 rows a notch, waiting for rows to fill every 10th. */
export async function scrollGrid(page: Page, rows: number): Promise<void> {
  // Found once: a role locator would walk the whole page's accessibility tree on the page's thread at every step.
  const grid = (await page.getByRole('grid', { name: '企业台账' }).elementHandle())!;
  await grid.hover();
  // A smaller ledger than `rows` is scrolled to its end.
  const end = await grid.evaluate((g, want) => Math.min(want, g.scrollHeight - g.clientHeight - 1), rows * ROW_HEIGHT);
  const top = () => grid.evaluate((g) => g.scrollTop);
  for (let step = 1; (await top()) < end; step++) {
    await page.mouse.wheel(0, WHEEL_PX);
    await page.waitForTimeout(WHEEL_PAUSE_MS);
    if (step % 10 === 0) await waitRowsFilled(page);
  }
  await waitRowsFilled(page);
}

async function waitRowsFilled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelectorAll('[data-testid="enterprise-row-placeholder"]').length === 0 &&
      document.querySelectorAll('[data-testid="enterprise-row"]').length > 0,
    undefined,
    // Polling by timer, not every animation frame, keeps the bench's own work out of the frames it measures.
    { timeout: TIMEOUT, polling: 50 },
  );
}

/** Types the query key by key into the search box, as a clerk does, then waits for the list to answer. */
export async function typeSearch(page: Page, query: string): Promise<void> {
  const box = page.getByTestId('enterprise-search');
  await box.click();
  await box.fill('');
  await page.keyboard.type(query, { delay: 100 });
  await page.waitForFunction(
    () => document.querySelector('[data-testid="enterprise-table"]')?.getAttribute('data-loading') === 'false',
    undefined,
    { timeout: TIMEOUT },
  );
}

/** Each /api call the page makes, as "channel start→end" in ms from `t0`: where a load waits on the core. */
export function apiTimeline(page: Page, t0: number): string[] {
  const out: string[] = [];
  const started = new Map<object, number>();
  page.on('request', (r) => started.set(r, performance.now() - t0));
  page.on('requestfinished', (r) => {
    const channel = /\/api\/(.+)$/.exec(r.url())?.[1];
    if (channel) out.push(`${channel} ${Math.round(started.get(r) ?? 0)}→${Math.round(performance.now() - t0)}`);
  });
  return out;
}
