import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../electron/core/print/engine/chromiumEngine';
import { useTestFonts } from './testFonts';

/**
 * Prints prepared HTML with the test machine's Chromium, as the product's engine does: A4 from the CSS page size,
 * after the page's finishing script marks <html data-ready>. One browser per test file; call closeRenderer after.
 */
let browser: Promise<Browser> | null = null;

export async function renderPdf(html: string): Promise<Uint8Array> {
  useTestFonts();
  browser ??= chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const page = await (await browser).newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.waitForSelector('html[data-ready]', { state: 'attached', timeout: 20_000 });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await page.close();
  }
}

export async function closeRenderer(): Promise<void> {
  if (browser) await (await browser).close();
  browser = null;
}
