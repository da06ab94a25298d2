import type { FontReport } from '../../../shared/ipc/print';

/**
 * Turns print-ready HTML into PDF with a Chromium engine: Electron's printToPDF under the desktop shell, a local
 * headless Chromium-family browser under the browser shell and the command line. The HTML is self-contained
 * (inline CSS, an inline finishing script, no network) and sets `data-ready` on <html> once its layout is final.
 */
export interface PdfEngine {
  pdf(html: string): Promise<Uint8Array>;
  /** Which face Chromium actually draws each 公文 role in on this PC. */
  fonts(): Promise<FontReport>;
  close(): Promise<void>;
}
