import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PrintDone } from '../../../shared/ipc/print';
import { downloadPath } from '../../../electron/core/app/outputs';
import type { CoreClient } from '../../../electron/core/host/coreClient';
import { inProcessCore } from '../../../electron/core/host/inProcessCore';
import { valueOf } from '../helpers';
import { pageSizesMm, pageTexts } from '../../support/pdf';
import { useTestFonts } from '../../support/testFonts';

/**
 * 帮助 → 导出操作手册 PDF: the guide built from docs/用户手册.md (npm run build) printed by the same engine as every
 * printout, with no ledger open — a new clerk reads it before making one.
 */
const GUIDE = readFileSync('docs/用户手册.md', 'utf8');
let dir: string;
let core: CoreClient;

beforeAll(() => {
  useTestFonts();
  process.env.YIQIYICE_BROWSER = '/usr/bin/chromium';
  dir = mkdtempSync(join(tmpdir(), 'yqyc-guide-pdf-'));
  core = inProcessCore({ dataDir: join(dir, 'data') });
});
afterAll(async () => {
  await core.close();
  delete process.env.YIQIYICE_BROWSER;
  rmSync(dir, { recursive: true, force: true });
});

describe('操作手册 as PDF', () => {
  test('prints every chapter of the guide on A4 pages, with its screenshots, without a ledger open', async () => {
    const done = valueOf<PrintDone>(await core.invoke('print:pdf', { what: { kind: 'guide' } }));
    expect(done.fileName).toBe('一企一策党建台账操作手册.pdf');
    expect(done.warnings).toEqual([]);
    const pdf = readFileSync(downloadPath(join(dir, 'data'), done.download!)!);
    const texts = pageTexts(pdf);
    expect(texts.length).toBe(done.pages);
    const sizes = await pageSizesMm(pdf);
    expect(sizes.every((s) => Math.round(s.width) === 210 && Math.round(s.height) === 297)).toBe(true);

    // Every chapter heading of the Markdown is in the PDF (pdftotext may break a long heading over lines).
    const chapters = [...GUIDE.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.replace(/[`*]/g, '').trim());
    expect(chapters.length).toBeGreaterThanOrEqual(8);
    const flat = texts.join('').replace(/\s+/g, '');
    for (const chapter of chapters) expect(flat, chapter).toContain(chapter.replace(/\s+/g, ''));
    // Each chapter starts a page (so a clerk can print just the one they need) and the table of contents lists it.
    const firstLines = texts.map((t) => t.replace(/\s+/g, ''));
    for (const chapter of chapters) {
      expect(
        firstLines.some((t) => t.startsWith(chapter.replace(/\s+/g, ''))),
        chapter,
      ).toBe(true);
    }
    // Screenshots are inlined into the page: the PDF carries images, one per screenshot the guide shows.
    const images = [...GUIDE.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].length;
    expect(images).toBeGreaterThan(5);
    expect(pdf.toString('latin1').match(/\/Subtype\s*\/Image/g)?.length ?? 0).toBeGreaterThanOrEqual(images);
  }, 120_000);

  test('refuses an unknown print kind with the field named, and the guide needs no other field', async () => {
    const bad = await core.invoke('print:pdf', { what: { kind: 'guide', extra: 1 } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/打印内容/);
  });
});
