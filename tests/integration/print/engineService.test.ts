import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DocumentDetail } from '../../../shared/ipc/documents';
import type { BrowserChoice, FontReport, PrintDone } from '../../../shared/ipc/print';
import type { Lookups } from '../../../shared/domain/lookups';
import type { EnterprisePage } from '../../../shared/ipc/enterprises';
import { downloadPath } from '../../../electron/core/app/outputs';
import type { CoreClient } from '../../../electron/core/host/coreClient';
import { inProcessCore } from '../../../electron/core/host/inProcessCore';
import { valueOf } from '../helpers';
import { pageSizesMm, pageTexts } from '../../support/pdf';
import { send } from '../security/webClient';
import { inProcessWebShell } from '../webShellInProcess';
import { useTestFonts } from '../../support/testFonts';

/**
 * print:* through the same handlers as every shell, on a sample ledger: what the clerk gets back (the file, its page
 * count, the font warnings) and what the browser choice accepts.
 */
let dir: string;
let core: CoreClient;

beforeAll(async () => {
  useTestFonts();
  process.env.YIQIYICE_BROWSER = '/usr/bin/chromium';
  dir = mkdtempSync(join(tmpdir(), 'yqyc-print-service-'));
  core = inProcessCore({ dataDir: join(dir, 'data'), now: () => new Date('2026-11-21T08:00:00Z') });
  const target = await core.grant(join(dir, '长乐镇.yqyc'), 'create');
  valueOf(await core.invoke('ledgers:createSample', { target, enterprises: 40 }));
}, 120_000);
afterAll(async () => {
  await core.close();
  delete process.env.YIQIYICE_BROWSER;
  rmSync(dir, { recursive: true, force: true });
});

const call = async <T>(channel: string, payload: unknown): Promise<T> =>
  valueOf<T>(await core.invoke(channel, payload));

/** A notice long enough for several pages, issued so it carries its number. */
async function issuedNotice(title: string, paragraphs: number): Promise<DocumentDetail> {
  const draft = await call<DocumentDetail>('documents:draft', { source: 'blank', kind: 'notice' });
  const body = Array.from(
    { length: paragraphs },
    (_, i) => `${title}第${i + 1}段：各党支部要认真落实非公有制企业党建工作责任，扩大党的组织覆盖和工作覆盖。`,
  ).join('\n');
  const content = {
    ...draft.content,
    title,
    addressees: '各村党组织',
    body,
    date: '2026-11-20',
    printedOn: '2026-11-20',
  };
  await call('documents:save', { id: draft.id, content });
  return call<DocumentDetail>('documents:issue', { id: draft.id });
}

describe('print:pdf', () => {
  test('two documents make one PDF in which each numbers its own pages', async () => {
    const a = await issuedNotice('关于开展非公企业党建专项行动的通知', 40);
    const b = await issuedNotice('关于选派党建工作指导员的通知', 3);
    const done = await call<PrintDone>('print:pdf', { what: { kind: 'documents', ids: [a.id, b.id] } });
    const pdf = readFileSync(downloadPath(join(dir, 'data'), done.download!)!);
    const texts = pageTexts(pdf);
    expect(done.pages).toBe(texts.length);
    const numbers = texts.map((t) => Number(/—\s*(\d+)\s*—/.exec(t)?.[1]));
    const second = texts.findIndex((t) => t.includes('关于选派党建工作指导员的通知'));
    expect(second).toBeGreaterThan(1);
    expect(numbers[0]).toBe(1);
    expect(numbers[second]).toBe(1);
    expect(numbers.slice(0, second)).toEqual(Array.from({ length: second }, (_, i) => i + 1));
    expect(texts[0]).toContain(a.number!);
    expect(done.fileName).toBe('公文2份.pdf');
  }, 120_000);

  test('ledger cards of an area print one A4 page per enterprise and name the stand-in fonts', async () => {
    const lookups = await call<Lookups>('settings:lookups', {});
    const area = lookups.areas[0]!;
    const page = await call<EnterprisePage>('enterprises:list', {
      query: { areaIds: [area.id] },
      offset: 0,
      limit: 500,
    });
    const done = await call<PrintDone>('print:pdf', { what: { kind: 'ledger-cards', areaId: area.id } });
    expect(done.pages).toBe(page.total);
    expect(done.warnings).toContain('本机未安装仿宋_GB2312，使用 GW FandolFang 代替');
    const path = downloadPath(join(dir, 'data'), done.download!)!;
    const pdf = readFileSync(path);
    const sizes = await pageSizesMm(pdf);
    expect(sizes.every((s) => Math.round(s.width) === 210 && Math.round(s.height) === 297)).toBe(true);
    // One card per enterprise of the area, each on its own page (names may wrap, so compare without line breaks).
    const pages = pageTexts(pdf).map((t) => t.replace(/\s+/g, ''));
    for (const row of page.rows) expect(pages.filter((t) => t.includes(row.name))).toHaveLength(1);
    // The cards show the ledger as of the day they are printed.
    expect(pages.every((t) => t.includes('填卡日期：2026年11月21日'))).toBe(true);
  }, 120_000);

  test('a print that fails leaves no file behind', async () => {
    const downloads = join(dir, 'data', 'downloads');
    const before = existsSync(downloads) ? readdirSync(downloads).sort() : [];
    const result = await core.invoke('print:pdf', { what: { kind: 'documents', ids: [999_999] } });
    expect(result.ok).toBe(false);
    expect(existsSync(downloads) ? readdirSync(downloads).sort() : []).toEqual(before);
  });
});

describe('print:fonts and the browser choice', () => {
  test('the font report names the stand-ins and the browser that prints', async () => {
    const report = await call<FontReport>('print:fonts', {});
    expect(report.roles.find((r) => r.role === '仿宋')).toMatchObject({ used: 'GW FandolFang', standard: false });
    expect(report.browser?.path).toBe('/usr/bin/chromium');
  });

  test('only a browser that was found may be chosen', async () => {
    const list = await call<BrowserChoice>('print:browsers', {});
    expect(list.found.map((b) => b.path)).toContain('/usr/bin/chromium');
    const refused = await core.invoke('print:chooseBrowser', { path: '/bin/sh' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const chosen = await call<BrowserChoice>('print:chooseBrowser', { path: '/usr/bin/chromium' });
    expect(chosen.chosen).toBe('/usr/bin/chromium');
  });
});

describe('the browser shell', () => {
  test('a printed PDF is fetched once as application/pdf, for the preview and the save', async () => {
    const web = await inProcessWebShell(core, join(dir, 'data'));
    try {
      const origin = `http://127.0.0.1:${web.port}`;
      const headers = { origin, 'x-yqyc-token': web.token, 'content-type': 'application/json' };
      const post = (path: string, body: string) => send(web.port, path, { headers, body });
      const printed = await post('/api/print:pdf', JSON.stringify({ what: { kind: 'ledger-cards' } }));
      const done = (JSON.parse(printed.body.toString('utf8')) as { value: PrintDone }).value;
      expect(done.download).toMatch(/^[A-Za-z0-9_-]{24}$/);
      const first = await post(`/api/download/${done.download}`, '');
      expect(first.status).toBe(200);
      expect(first.type).toBe('application/pdf');
      expect(first.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect((await post(`/api/download/${done.download}`, '')).status).toBe(404);
    } finally {
      await web.close();
    }
  }, 120_000);
});
