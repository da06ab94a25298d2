import type { BrowserChoice, FontReport } from '../../../../shared/ipc/print';
import { readChosenBrowser, saveChosenBrowser } from '../../app/printSettings';
import { AppError } from '../../errors';
import type { PdfEngine } from '../types';
import { ChromiumEngine } from './chromiumEngine';
import { noBrowserError, pickBrowser } from './discovery';

/** Which engine prints: a local headless browser (browser shell, CLI, tests) or the desktop host's Electron. */
export type PrinterKind = 'chromium' | 'host';

/**
 * The core's one print engine and the browser choice behind it. Under the desktop shell the engine is the host's
 * (Electron prints) and the browser list is informative only.
 */
export class Printer {
  readonly engine: PdfEngine;
  /** Fonts do not change while the program runs; the check is made once per browser. */
  private fonts: Promise<FontReport> | null = null;

  constructor(
    private readonly dataDir: string,
    hostEngine: PdfEngine | null,
  ) {
    this.engine = hostEngine ?? new ChromiumEngine(() => this.locate());
  }

  get kind(): PrinterKind {
    return this.engine instanceof ChromiumEngine ? 'chromium' : 'host';
  }

  browsers(): BrowserChoice {
    const pick = pickBrowser(readChosenBrowser(this.dataDir));
    return { current: pick.current, chosen: pick.chosen, found: pick.found };
  }

  /** Which face each 公文 role prints in; warnings are made from this beside every preview. */
  fontReport(): Promise<FontReport> {
    this.fonts ??= this.engine.fonts().catch((e: unknown) => {
      this.fonts = null;
      throw e;
    });
    return this.fonts;
  }

  /** Only one of the browsers found may be chosen: the screen never hands the core a path of its own. */
  async choose(path: string | null): Promise<BrowserChoice> {
    if (path !== null && !pickBrowser(null).found.some((b) => b.path === path)) {
      throw new AppError('VALIDATION', '所选浏览器不在本机找到的浏览器之中，请刷新列表后重新选择', 'path');
    }
    saveChosenBrowser(this.dataDir, path);
    // The next print starts the newly chosen browser.
    this.fonts = null;
    if (this.kind === 'chromium') await this.engine.close();
    return this.browsers();
  }

  close(): Promise<void> {
    this.fonts = null;
    return this.engine.close();
  }

  private locate() {
    const current = pickBrowser(readChosenBrowser(this.dataDir)).current;
    if (!current) throw noBrowserError();
    return current;
  }
}
