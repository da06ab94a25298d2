import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskPhone } from '../../../shared/domain/masking';
import type { Saved } from '../../../shared/ipc/fields';
import type { Db } from '../../../electron/core/db/open';
import { ledgerCardsHtml, planSheetHtml } from '../../../electron/core/print/sheets/cardsHtml';
import { loadLedgerCards, loadPlanSheet } from '../../../electron/core/print/sheets/sheetData';
import { pageSizesMm, pageTexts, pdfFonts, hasKangxiRadicals } from '../../support/pdf';
import { closeRenderer, renderPdf } from '../../support/renderPdf';
import { useExportLedger } from '../exportSetup';

/**
 * 企业台账卡 and the 一企一策方案 sheet from a sample township, printed by the test machine's Chromium and read back
 * with poppler: one page per enterprise whatever its record holds, the right enterprise on each page, phones masked.
 */
const L = useExportLedger(120, 23);
let db: Db;
let extremeId = 0;

/** pdftotext breaks a long value over lines; a clerk's search ignores that, and so does this. */
const flat = (text: string) => text.replace(/\s+/g, '');

const LONG_NAME = '浙江省绍兴市嵊州市长乐镇'.repeat(4) + '超长名称测试精密机械制造有限公司'.repeat(3);

beforeAll(async () => {
  const areaId = L.query<{ id: number }>('SELECT id FROM areas ORDER BY sort_order, id LIMIT 1')[0]!.id;
  extremeId = (
    await L.call<Saved>('enterprises:create', {
      input: {
        name: LONG_NAME.slice(0, 100),
        areaId,
        address: '长乐镇工业园区'.repeat(28),
        ownerName: '欧阳'.repeat(15),
        contactName: '司马'.repeat(15),
        contactPhone: '13912345678',
        employees: 12345,
        fullMembers: 9999,
        probationaryMembers: 999,
        note: '备注很长。'.repeat(200),
      },
    })
  ).id;
  const committee = Array.from({ length: 40 }, (_, i) => `委员${i + 1}号`).join('、');
  await L.call('partyOrgs:save', {
    input: {
      name: `${LONG_NAME.slice(0, 40)}党委`,
      type: 'committee',
      secretaryName: '诸葛'.repeat(15),
      secretaryPhone: '0575-83012345',
      committeeMembers: committee,
    },
    enterpriseIds: [extremeId],
  });
  db = new Database(L.ledger(), { readonly: true });
}, 60_000);

afterAll(async () => {
  db?.close();
  await closeRenderer();
});

describe('企业台账卡', () => {
  it('prints one A4 page per enterprise of an area, each with its own name and credit code, phones masked', async () => {
    const [area] = L.query<{ id: number; name: string; n: number }>(
      `SELECT a.id, a.name, count(*) AS n FROM areas a JOIN enterprises e ON e.area_id = a.id
       GROUP BY a.id ORDER BY n DESC LIMIT 1`,
    );
    const cards = loadLedgerCards(db, { areaId: area!.id });
    expect(cards).toHaveLength(area!.n);
    expect(new Set(cards.map((c) => c.areaName))).toEqual(new Set([area!.name]));

    const pdf = await renderPdf(ledgerCardsHtml(cards, '长乐镇', '2026-11-21'));
    const sizes = await pageSizesMm(pdf);
    expect(sizes).toHaveLength(cards.length);
    for (const s of sizes) {
      expect(s.width).toBeCloseTo(210, 0);
      expect(s.height).toBeCloseTo(297, 0);
    }
    const texts = pageTexts(pdf);
    expect(texts).toHaveLength(cards.length);
    const phones = new Map(
      L.query<{ id: number; phone: string }>(
        `SELECT id, contact_phone AS phone FROM enterprises WHERE area_id = ? AND contact_phone <> ''`,
        area!.id,
      ).map((r) => [r.id, r.phone]),
    );
    expect(phones.size).toBeGreaterThan(0);
    cards.forEach((card, i) => {
      const page = flat(texts[i]!);
      expect(page).toContain('企业党建工作台账卡');
      expect(page).toContain(flat(card.name));
      expect(page).toContain(card.uscc);
      expect(page).toContain(`区域：${area!.name}`);
      expect(page).toContain(`第${i + 1}页`);
      expect(page).toContain('2026年11月21日');
      const phone = phones.get(card.enterpriseId);
      if (phone) {
        expect(page).not.toContain(phone);
        expect(page).toContain(maskPhone(phone));
      }
    });
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => f.type === 'Type 3')).toEqual([]);
    expect(hasKangxiRadicals(texts.join(''))).toBe(false);
  }, 120_000);

  it('prints the whole township in ledger order, one page each, when no area is chosen', async () => {
    const all = loadLedgerCards(db, { areaId: null });
    const total = L.query<{ n: number }>('SELECT count(*) AS n FROM enterprises')[0]!.n;
    expect(all).toHaveLength(total);
    const order = L.query<{ id: number }>(
      `SELECT e.id FROM enterprises e JOIN areas a ON a.id = e.area_id
       ORDER BY a.sort_order, a.id, e.name_initials, e.name, e.id`,
    ).map((r) => r.id);
    expect(all.map((c) => c.enterpriseId)).toEqual(order);

    const pdf = await renderPdf(ledgerCardsHtml(all, '长乐镇'));
    const texts = pageTexts(pdf);
    expect(texts).toHaveLength(total);
    all.forEach((card, i) => {
      expect(flat(texts[i]!)).toContain(card.uscc || flat(card.name));
    });
    expect(flat(texts[0]!)).toContain('填卡日期：年月日');
  }, 180_000);

  it('keeps chosen enterprises in ledger order, whatever order they were picked in', () => {
    const all = loadLedgerCards(db, { areaId: null });
    const picked = [all[30]!, all[3]!, all[77]!].map((c) => c.enterpriseId);
    const cards = loadLedgerCards(db, { areaId: null, enterpriseIds: picked });
    expect(cards.map((c) => c.enterpriseId)).toEqual([all[3]!, all[30]!, all[77]!].map((c) => c.enterpriseId));
  });

  it('prints an enterprise with extreme data on exactly one page, its long committee cut with 等N人', async () => {
    const [card] = loadLedgerCards(db, { areaId: null, enterpriseIds: [extremeId] });
    expect(card!.name).toBe(LONG_NAME.slice(0, 100));
    const pdf = await renderPdf(ledgerCardsHtml([card!], '长乐镇'));
    const texts = pageTexts(pdf);
    expect(texts).toHaveLength(1);
    const page = flat(texts[0]!);
    expect(page).toContain(flat(card!.name));
    expect(page).toContain('等40人');
    expect(page).toContain('139****5678');
    expect(page).not.toContain('13912345678');
    expect(page).toContain('0575-****2345');
    expect(page).toContain('第1页');
    expect(pdfFonts(pdf).filter((f) => f.type === 'Type 3')).toEqual([]);
  }, 60_000);
});

describe('一企一策方案', () => {
  it('prints the plan with its enterprise, measures and every milestone on one or two A4 pages', async () => {
    const [plan] = L.query<{ id: number; name: string; n: number }>(
      `SELECT p.id, e.name, count(m.id) AS n FROM plans p JOIN enterprises e ON e.id = p.enterprise_id
         JOIN plan_milestones m ON m.plan_id = p.id GROUP BY p.id ORDER BY n DESC, p.id LIMIT 1`,
    );
    expect(plan).toBeDefined();
    const sheet = loadPlanSheet(db, plan!.id, '2026-11-21');
    expect(sheet.enterpriseName).toBe(plan!.name);
    expect(sheet.milestones).toHaveLength(plan!.n);

    const pdf = await renderPdf(planSheetHtml(sheet, '长乐镇'));
    const sizes = await pageSizesMm(pdf);
    expect(sizes.length).toBeGreaterThanOrEqual(1);
    expect(sizes.length).toBeLessThanOrEqual(2);
    const text = flat(pageTexts(pdf).join(''));
    expect(text).toContain(flat(plan!.name));
    for (const m of sheet.milestones) {
      expect(text).toContain(flat(m.name));
      expect(text).toContain(m.dueOn);
    }
    for (const m of sheet.measures) expect(text).toContain(flat(m));
    expect(text).toContain('推进步骤');
    expect(text).toContain('企业负责人（签字）');
    expect(text).toContain('长乐镇党委（盖章）');
    expect(pdfFonts(pdf).filter((f) => f.type === 'Type 3')).toEqual([]);
  }, 60_000);
});
