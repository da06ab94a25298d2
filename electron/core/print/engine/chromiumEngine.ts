import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FontReport } from '../../../../shared/ipc/print';
import { AppError } from '../../errors';
import type { PdfEngine } from '../types';
import type { BrowserFound } from './discovery';
import { FONT_ROLES, fontProbeHtml, fontProbeId, fontRole, mainFace } from './fontCheck';

/** engineering.md §6: what a headless Chromium needs on these machines, and nothing that phones home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** A warm browser prints a page in about 150 ms; starting one takes a second. Kept a while after the last job. */
const IDLE_CLOSE_MS = 3 * 60 * 1000;
/** Generous: 500 ledger cards lay out in one page load. */
const READY_TIMEOUT_MS = 180_000;

/**
 * Prints with a locally installed Chromium-family browser driven headless (browser shell, command line, tests).
 * Launched on first use, reused while work keeps coming, closed when idle and on close().
 */
/**
 * Chromium 156 builds its address bar's popup (two WebUI pages, about a second of CPU) for every new window, headless
 * too, and a window closes with its last tab. So jobs open their pages as tabs of one window that a blank tab keeps
 * open: a notice printed in a fresh window each time took 380–530 ms, as a tab 240 ms.
 */
interface Running {
  browser: Browser;
  window: BrowserContext;
  found: BrowserFound;
}

export class ChromiumEngine implements PdfEngine {
  private browser: Promise<Running> | null = null;
  private active = 0;
  private idle: NodeJS.Timeout | null = null;

  /** `locate` is asked at each launch, so a browser chosen meanwhile is used from the next start on. */
  constructor(private readonly locate: () => BrowserFound) {}

  async pdf(html: string): Promise<Uint8Array> {
    return this.withPage(async (page) => {
      await page.setContent(html, { waitUntil: 'load', timeout: READY_TIMEOUT_MS });
      await waitReady(page);
      return page.pdf({ preferCSSPageSize: true, printBackground: true });
    });
  }

  async fonts(): Promise<FontReport> {
    let browser: BrowserFound | null = null;
    const roles = await this.withPage(async (page, found) => {
      browser = found;
      await page.setContent(fontProbeHtml(), { waitUntil: 'load' });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
      const out = [];
      for (const role of FONT_ROLES) {
        const { nodeId } = await cdp.send('DOM.querySelector', {
          nodeId: root.nodeId,
          selector: `#${fontProbeId(role)}`,
        });
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        out.push(fontRole(role, mainFace(fonts)));
      }
      await cdp.detach();
      return out;
    });
    return { roles, browser };
  }

  /** The browser this engine prints with, starting it if needed (the font check names it). */
  async current(): Promise<BrowserFound> {
    return (await this.launch()).found;
  }

  async close(): Promise<void> {
    this.clearIdle();
    const running = this.browser;
    this.browser = null;
    if (running) await running.then(({ browser }) => browser.close()).catch(() => undefined);
  }

  private async withPage<T>(work: (page: Page, found: BrowserFound) => Promise<T>): Promise<T> {
    this.clearIdle();
    this.active++;
    try {
      const { window, found } = await this.launch();
      const page = await window.newPage();
      try {
        // The HTML is self-contained: nothing it names may be fetched (no tracking pixel, no remote font).
        await page.route('**/*', (route) => route.abort());
        return await work(page, found);
      } finally {
        await page.close().catch(() => undefined);
      }
    } finally {
      this.active--;
      if (this.active === 0) this.scheduleIdleClose();
    }
  }

  private launch(): Promise<Running> {
    if (!this.browser) {
      const starting = this.start();
      this.browser = starting;
      // A failed start (no browser yet, a broken one) is not remembered: the next print looks again.
      starting.catch(() => {
        if (this.browser === starting) this.browser = null;
      });
    }
    return this.browser;
  }

  private async start(): Promise<Running> {
    const found = this.locate();
    try {
      // Loaded on first print: the desktop shell prints with Electron and never needs (or ships) playwright-core.
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({ executablePath: found.path, headless: true, args: CHROMIUM_ARGS });
      browser.on('disconnected', () => {
        this.browser = null;
      });
      const window = await browser.newContext().catch(async (e: unknown) => {
        await browser.close();
        throw e;
      });
      await window.newPage();
      return { browser, window, found };
    } catch (e) {
      throw new AppError(
        'INTERNAL',
        `无法启动浏览器“${found.name}”（${found.path}）进行打印：${firstLine(e)}。请换用其他 Chromium 系浏览器`,
      );
    }
  }

  private scheduleIdleClose(): void {
    this.idle = setTimeout(() => void this.close(), IDLE_CLOSE_MS);
    // An idle browser must not keep the command line (or a test) from exiting.
    this.idle.unref();
  }

  private clearIdle(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
  }
}

async function waitReady(page: Page): Promise<void> {
  try {
    await page.waitForSelector('html[data-ready]', { state: 'attached', timeout: READY_TIMEOUT_MS });
  } catch {
    throw new AppError('INTERNAL', '打印页面排版未能完成（超时），请减少一次打印的份数后重试');
  }
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 200);
}
