import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CoreContext } from '../../../electron/core/app/context';
import { downloadPath, downloadType, outputFor } from '../../../electron/core/app/outputs';
import { readBackupSettings, saveBackupSettings } from '../../../electron/core/backup/settings';
import { AppError } from '../../../electron/core/errors';
import { ChromiumEngine } from '../../../electron/core/print/engine/chromiumEngine';
import {
  explicitBrowser,
  findBrowsers,
  noBrowserError,
  pickBrowser,
} from '../../../electron/core/print/engine/discovery';
import { mergePdfs } from '../../../electron/core/print/engine/mergePdfs';
import { fontFamily } from '../../../electron/core/print/fonts';
import { pageSizesMm, pageTexts, pdfFonts } from '../../support/pdf';
import { useTestFonts } from '../../support/testFonts';

/** The print engine on this machine's Chromium with the test fonts: what the clerk gets in the PDF. */
const CHROMIUM = '/usr/bin/chromium';
let engine: ChromiumEngine;
let dir: string;

beforeAll(() => {
  useTestFonts();
  engine = new ChromiumEngine(() => explicitBrowser(CHROMIUM));
  dir = mkdtempSync(join(tmpdir(), 'yqyc-engine-'));
});
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A small self-contained page set as the layouts make them: A4, 仿宋 body, page numbers, data-ready at the end. */
function pages(title: string, count: number): string {
  const body = Array.from(
    { length: count },
    (_, i) =>
      `<p style="${i > 0 ? 'break-before: page' : ''}">${title}第${i + 1}部分：中共长乐镇委员会关于成立党支部的批复</p>`,
  ).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
    @page { size: A4; margin: 37mm 26mm 35mm 28mm; @bottom-center { content: "— " counter(page) " —"; font-family: ${fontFamily('宋体')}; } }
    body { font: 16pt ${fontFamily('仿宋')}; }
  </style></head><body>${body}<img src="https://example.invalid/track.png" alt="">
  <script>document.documentElement.setAttribute('data-ready', '1');</script></body></html>`;
}

describe('finding a browser', () => {
  test('an explicit path wins over everything found', () => {
    const pick = pickBrowser('/nowhere/else', { ...process.env, YIQIYICE_BROWSER: CHROMIUM });
    expect(pick.current).toEqual({ name: 'Chromium', path: CHROMIUM });
    expect(pick.found.map((b) => b.path)).toContain(CHROMIUM);
  });

  test('a missing explicit path is refused in Chinese, naming the path', () => {
    const missing = join(dir, '没有这个浏览器');
    const e = (() => {
      try {
        pickBrowser(null, { ...process.env, YIQIYICE_BROWSER: missing });
        return null;
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).message).toContain(missing);
    expect((e as AppError).message).toContain('指定的浏览器');
  });

  test('a saved choice counts only while it is still one of those found', () => {
    const env = { ...process.env, YIQIYICE_BROWSER: '' };
    expect(findBrowsers(env)[0]?.path).toBe(CHROMIUM);
    expect(pickBrowser('/usr/bin/not-a-browser', env)).toMatchObject({ chosen: null, current: { path: CHROMIUM } });
    expect(pickBrowser(CHROMIUM, env)).toMatchObject({ chosen: CHROMIUM, current: { path: CHROMIUM } });
  });

  test('nothing found gives a refusal that says what was looked for and how to name one', () => {
    // A Windows PC with neither Edge nor Chrome under Program Files or the user's folder.
    expect(findBrowsers({ ProgramFiles: join(dir, 'pf'), LOCALAPPDATA: join(dir, 'local') }, 'win32')).toEqual([]);
    const message = noBrowserError('win32').message;
    expect(message).toContain('未找到可用于打印的 Chromium 系浏览器');
    expect(message).toContain('Microsoft Edge');
    expect(message).toContain('YIQIYICE_BROWSER');
  });

  test('the chosen browser is kept in app-settings.json beside the backup settings, which stay intact', async () => {
    const dataDir = join(dir, 'choice');
    saveBackupSettings(dataDir, { keepToday: 7 });
    const ctx = new CoreContext({ dataDir });
    try {
      await expect(ctx.printer.choose('/usr/bin/evil')).rejects.toThrow('所选浏览器不在本机找到的浏览器之中');
      const choice = await ctx.printer.choose(CHROMIUM);
      expect(choice.chosen).toBe(CHROMIUM);
      expect(readBackupSettings(dataDir).keepToday).toBe(7);
      const file = JSON.parse(readFileSync(join(dataDir, 'app-settings.json'), 'utf8')) as Record<string, unknown>;
      expect(file.print).toEqual({ browser: CHROMIUM });
      expect((await ctx.printer.choose(null)).chosen).toBeNull();
    } finally {
      await ctx.shutdown();
    }
  });
});

describe('printing', () => {
  test('a small page set prints on A4 and keeps its text searchable', async () => {
    const pdf = await engine.pdf(pages('通知', 2));
    const sizes = await pageSizesMm(pdf);
    expect(sizes).toHaveLength(2);
    for (const s of sizes) {
      expect(s.width).toBeCloseTo(210, 0);
      expect(s.height).toBeCloseTo(297, 0);
    }
    const texts = pageTexts(pdf);
    expect(texts[0]).toContain('中共长乐镇委员会关于成立党支部的批复');
    expect(texts[1]).toContain('通知第2部分');
    expect(pdfFonts(pdf).some((f) => f.type === 'Type 3')).toBe(false);
  });

  test('the font check names the stand-in for 仿宋 and says it is not the standard face', async () => {
    const report = await engine.fonts();
    const fang = report.roles.find((r) => r.role === '仿宋')!;
    expect(fang).toEqual({ role: '仿宋', required: '仿宋_GB2312', used: 'GW FandolFang', standard: false });
    expect(report.roles.map((r) => r.role)).toEqual(['仿宋', '小标宋', '黑体', '楷体', '宋体']);
    expect(report.browser).toEqual({ name: 'Chromium', path: CHROMIUM });
  });

  test('two documents joined into one file each number their own pages', async () => {
    const merged = await mergePdfs([await engine.pdf(pages('甲', 2)), await engine.pdf(pages('乙', 3))]);
    const texts = pageTexts(merged);
    expect(texts).toHaveLength(5);
    const numbers = texts.map((t) => /—\s*(\d+)\s*—/.exec(t)?.[1]);
    expect(numbers).toEqual(['1', '2', '1', '2', '3']);
    expect(texts[2]).toContain('乙第1部分');
  });
});

describe('when no browser is there yet', () => {
  test('the print is refused in Chinese, and works once a browser turns up, without a restart', async () => {
    let installed = false;
    const late = new ChromiumEngine(() => {
      if (!installed) throw noBrowserError('linux');
      return explicitBrowser(CHROMIUM);
    });
    try {
      await expect(late.pdf(pages('通知', 1))).rejects.toThrow('未找到可用于打印的 Chromium 系浏览器');
      installed = true;
      expect(pageTexts(await late.pdf(pages('通知', 1)))[0]).toContain('通知第1部分');
    } finally {
      await late.close();
    }
  });
});

describe('handing the file over', () => {
  test('a PDF download waits under an id that is not a path and is served as application/pdf', () => {
    const ctx = new CoreContext({ dataDir: join(dir, 'downloads') });
    try {
      const out = outputFor(ctx, undefined, 'pdf');
      writeFileSync(out.tempPath, '%PDF-1.7');
      const id = out.finish()!;
      const path = downloadPath(ctx.dataDir, id)!;
      expect(path.endsWith(`${id}.pdf`)).toBe(true);
      expect(existsSync(path)).toBe(true);
      expect(downloadType(path)).toBe('application/pdf');
      expect(downloadPath(ctx.dataDir, '../../etc/passwd')).toBeNull();
      const docx = outputFor(ctx, undefined, 'docx');
      writeFileSync(docx.tempPath, 'PK');
      expect(downloadType(downloadPath(ctx.dataDir, docx.finish()!)!)).toContain('wordprocessingml');
    } finally {
      ctx.close();
    }
  });
});
