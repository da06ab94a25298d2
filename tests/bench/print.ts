import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import type { PrintableDocument } from '../../shared/documents/model';
import { CoreContext } from '../../electron/core/app/context';
import { getSettings } from '../../electron/core/db/repos/settings';
import { CHROMIUM_ARGS, ChromiumEngine } from '../../electron/core/print/engine/chromiumEngine';
import { explicitBrowser, findBrowsers } from '../../electron/core/print/engine/discovery';
import { pageCount } from '../../electron/core/print/engine/mergePdfs';
import { gongwenHtml } from '../../electron/core/print/gongwen/html';
import { ledgerCardsHtml } from '../../electron/core/print/sheets/cardsHtml';
import { loadLedgerCards } from '../../electron/core/print/sheets/sheetData';
import { createSampleAt } from '../../electron/core/services/sample';
import { useTestFonts } from '../support/testFonts';
import { figure, median, type Figure } from './report';

const RUNS = 5;

/**
 * `print.notice3`: a three-page notice to PDF through the product's engine, warm (median of several runs), target
 * 1,000 ms. `print.cards500`: 500 企业台账卡 of a sample ledger into one PDF, target 30,000 ms. The reference for each
 * is raw playwright-core — setContent of the same HTML, wait for data-ready, page.pdf — in the same browser program.
 */
export async function benchPrint(): Promise<Figure[]> {
  useTestFonts();
  const path = process.env.YIQIYICE_BROWSER || findBrowsers()[0]?.path;
  if (!path) throw new Error('print benchmark: no Chromium-family browser found');
  const engine = new ChromiumEngine(() => explicitBrowser(path));
  const raw = await chromium.launch({ executablePath: path, headless: true, args: CHROMIUM_ARGS });
  const dir = mkdtempSync(join(tmpdir(), 'yqyc-bench-print-'));
  try {
    const notice = await threePages(engine);
    const product = await timings(() => engine.pdf(notice));
    const reference = await timings(() => rawPdf(raw, notice));

    const ctx = new CoreContext({ dataDir: join(dir, 'data') });
    createSampleAt(ctx, join(dir, 'cards.yqyc'), { enterprises: 500, seed: 8 });
    const { db } = ctx.requireLedger();
    const cardsStart = performance.now();
    const cards = loadLedgerCards(db, { areaId: null });
    const cardsHtml = ledgerCardsHtml(cards, getSettings(db).township);
    const cardsPdf = await engine.pdf(cardsHtml);
    const cardsMs = performance.now() - cardsStart;
    const cardPages = await pageCount(cardsPdf);
    if (cards.length !== 500 || cardPages !== 500) {
      throw new Error(`print.cards500: ${cards.length} cards printed on ${cardPages} pages`);
    }
    const cardsRefStart = performance.now();
    await rawPdf(raw, cardsHtml);
    const cardsRefMs = performance.now() - cardsRefStart;
    ctx.close();

    return [
      figure({
        id: 'print.notice3',
        size: null,
        value: Math.round(median(product)),
        unit: 'ms',
        target: 1000,
        reference: Math.round(median(reference)),
        ratioTarget: null,
      }),
      figure({
        id: 'print.cards500',
        size: 500,
        value: Math.round(cardsMs),
        unit: 'ms',
        target: 30_000,
        reference: Math.round(cardsRefMs),
        ratioTarget: null,
      }),
    ];
  } finally {
    await engine.close();
    await raw.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function timings(run: () => Promise<unknown>): Promise<number[]> {
  await run();
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    out.push(performance.now() - start);
  }
  return out;
}

async function rawPdf(browser: Browser, html: string): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load', timeout: 180_000 });
    await page.waitForSelector('html[data-ready]', { state: 'attached', timeout: 180_000 });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await page.close();
  }
}

/** The notice with as many paragraphs as fill exactly three pages in the product's 公文 layout. */
async function threePages(engine: ChromiumEngine): Promise<string> {
  for (let paragraphs = 6; paragraphs < 40; paragraphs++) {
    const html = gongwenHtml(notice(paragraphs));
    const pages = await pageCount(await engine.pdf(html));
    if (pages === 3) return html;
    if (pages > 3) break;
  }
  throw new Error('print.notice3: no notice printed on exactly 3 pages');
}

function notice(paragraphs: number): PrintableDocument {
  const paragraph =
    '各村党组织要把非公有制企业党建工作摆上重要位置，逐企摸清党员底数，对有党员未建党组织的企业，按照应建尽建的要求，' +
    '及时选派党建工作指导员，帮助企业建立党组织，扩大党的组织覆盖和工作覆盖。';
  const body = ['一、总体要求', ...Array.from({ length: paragraphs }, () => paragraph)].join('\n');
  return {
    kind: 'notice',
    urgency: 'none',
    banner: '中共长乐镇委员会文件',
    signer: '',
    title: '关于开展非公有制企业党建工作专项行动的通知',
    addressees: '各村党组织，镇直各单位党组织',
    body,
    attachments: [],
    issuer: '中共长乐镇委员会',
    date: '2026-11-20',
    sealed: true,
    note: '',
    cc: '',
    printedBy: '中共长乐镇委员会办公室',
    printedOn: '2026-11-20',
    number: '长委〔2026〕3号',
  };
}
