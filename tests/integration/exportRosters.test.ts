import { describe, expect, test } from 'vitest';
import type { AssessmentRow } from '../../shared/domain/assessments';
import type { EnterpriseDetail } from '../../shared/domain/enterprise';
import { FORMATION_METHODS, OWNERSHIPS } from '../../shared/domain/labels';
import type { Lookups } from '../../shared/domain/lookups';
import type { PlanRow } from '../../shared/domain/plans';
import { SURVEY_FIELDS, SURVEY_ID_HEADER, SURVEY_MARK, SURVEY_MARK_SHEET } from '../../shared/excel/survey';
import type { Page } from '../../shared/ipc/fields';
import type { FormationRow } from '../../shared/ipc/stats';
import { bodyRows, cell, firstSheet, grid, part, readBook, styleOf, useExportLedger } from './exportSetup';
import { TODAY } from './statsSetup';

/** The 台账明细表 and the 名册s read back: the same enterprises, people and plans as the screens list, in Chinese. */
const t = useExportLedger(300, 11);

const lookups = () => t.call<Lookups>('settings:lookups');

describe('台账明细表', () => {
  test('every enterprise of an area with every field in Chinese, numbers as numbers, dates as dates', async () => {
    const area = (await lookups()).areas.find((a) => a.enterprises > 5)!;
    const { path, done } = await t.exportReport('ledger', { areaId: area.id, unmask: true });
    const sheet = firstSheet(readBook(path));
    const rows = grid(sheet);
    expect(String(rows[1]!.at(-1) ?? rows[1]!.find((v) => String(v ?? '').includes('范围')))).toContain(
      `范围：${area.name}`,
    );
    // 基本情况 … on the first header row, 组织关系所在 on the second, the fields' own labels at the bottom.
    expect(rows[2]).toEqual(expect.arrayContaining(['序号', '基本情况', '经营情况', '党员情况', '党组织情况']));
    expect(rows[3]).toContain('组织关系所在');
    const header = rows.slice(2, 5).reduce(
      (acc, r) => acc.map((v, i) => r[i] ?? v),
      rows[2]!.map(() => null),
    );
    const body = bodyRows(sheet, 6);
    const ids = t.query<{ id: number }>('SELECT id FROM enterprises WHERE area_id = ?', area.id);
    expect(done.rows).toBe(ids.length);
    expect(body).toHaveLength(ids.length);
    expect(body.map((r) => r[0])).toEqual(ids.map((_, i) => i + 1));

    const at = (r: (string | number | boolean | null)[], label: string) => r[header.indexOf(label)];
    for (const row of body.slice(0, 5)) {
      const name = at(row, '企业名称');
      const { id } = t.query<{ id: number }>('SELECT id FROM enterprises WHERE name = ?', name)[0]!;
      const e = await t.call<EnterpriseDetail>('enterprises:get', { id });
      expect(at(row, '统一社会信用代码') ?? null).toBe(e.uscc);
      expect(at(row, '所在区域')).toBe(area.name);
      expect(at(row, '企业性质') ?? null).toBe(e.ownership ? OWNERSHIPS[e.ownership] : null);
      expect(at(row, '从业人员数') ?? null).toBe(e.employees);
      expect(at(row, '正式党员')).toBe(e.fullMembers);
      expect(at(row, '业主是否党员')).toBe(e.ownerIsMember ? '是' : '否');
      expect(at(row, '所在党组织') ?? null).toBe(e.partyOrgName);
      expect(at(row, '组建方向') ?? null).toBe(e.formationDirection ? FORMATION_METHODS[e.formationDirection] : null);
      // Exported with unmask: the stored number, where every answer of the core carries it masked.
      const stored = t.query<{ phone: string }>('SELECT contact_phone AS phone FROM enterprises WHERE id = ?', id)[0]!;
      expect(at(row, '联系电话') ?? '').toBe(stored.phone);
      if (e.revenue !== null) expect(at(row, '年营业收入（万元）')).toBeCloseTo(e.revenue, 2);
    }
    // A date is a date cell (a serial shown as yyyy-mm-dd), not text.
    const dated = body.findIndex((r) => at(r, '成立日期') !== null);
    const c = cell(sheet, `${String.fromCharCode(65 + header.indexOf('成立日期'))}${6 + dated}`)!;
    expect(c.t).toBe('n');
    expect(c.z).toBe('yyyy-mm-dd');
  });

  test('the whole township: every enterprise, 注销 and 迁出 included, each once', async () => {
    const { path, done } = await t.exportReport('ledger');
    const all = t.query<{ name: string }>('SELECT name FROM enterprises');
    const body = bodyRows(firstSheet(readBook(path)), 6);
    expect(done.rows).toBe(all.length);
    expect(body.map((r) => r[1]).sort()).toEqual(all.map((e) => e.name).sort());
  });
});

describe('有党员未建党组织企业名册', () => {
  test('the enterprises of the 名册 screen in its order, with the rule suggestion and each plan; overdue in red', async () => {
    const list = await t.call<Page<FormationRow>>('formation:list', { list: 'members-no-org', limit: 500 });
    const { path, done } = await t.exportReport('unorganised');
    const sheet = firstSheet(readBook(path));
    const body = bodyRows(sheet, 4);
    expect(done.rows).toBe(list.total);
    expect(list.total).toBeGreaterThan(3);
    expect(body.map((r) => r[2])).toEqual(list.rows.map((r) => r.name));
    expect(body.map((r) => r[10])).toEqual(list.rows.map((r) => FORMATION_METHODS[r.suggestion.method]));
    expect(body.map((r) => [r[4], r[5]])).toEqual(list.rows.map((r) => [r.fullMembers, r.probationaryMembers]));
    // Phones masked by default: 138****5678.
    const phones = body.map((r) => String(r[8] ?? '')).filter((p) => p !== '');
    expect(phones.length).toBeGreaterThan(0);
    for (const p of phones) expect(p).toMatch(/^1\d\d\*{4}\d{4}$|^\*+\d{4}$|^0\d{2,3}-?\*+\d{4}$/);
    body.forEach((r, i) => {
      if (String(r[14] ?? '').includes('逾期')) expect(styleOf(path, `O${4 + i}`).color).toBe('FFC00000');
      else expect(styleOf(path, `O${4 + i}`).color).toBeNull();
    });
  });
});

describe('党建工作指导员名册 and 领导联系点名册', () => {
  test('every instructor with as many current enterprises as the 指导员 page counts', async () => {
    const { instructors } = await lookups();
    const { path } = await t.exportReport('instructors');
    const body = bodyRows(firstSheet(readBook(path)), 4);
    // Two instructors may share a name: compare name and count together, as a whole list.
    const key = (name: unknown, count: unknown) => `${String(name)}|${String(count)}`;
    expect(body.map((r) => key(r[1], r[7])).sort()).toEqual(instructors.map((i) => key(i.name, i.enterprises)).sort());
    for (const row of body) {
      const n = row[7] as number;
      expect(
        String(row[9] ?? '')
          .split('、')
          .filter(Boolean),
      ).toHaveLength(n);
      expect(row[8]).toBe(n === 0 ? '未联系企业' : n === 1 ? '一人一企' : '一人多企');
    }
    expect(body.some((r) => r[8] === '一人多企')).toBe(true);
  });

  test('one row per 联系点; a leader without one listed once', async () => {
    const { leaders } = await lookups();
    const { path } = await t.exportReport('contacts');
    const body = bodyRows(firstSheet(readBook(path)), 4);
    for (const name of new Set(leaders.map((l) => l.name))) {
      // Two leaders may share a name: their rows are counted together.
      const same = leaders.filter((l) => l.name === name);
      const rows = body.filter((r) => r[1] === name);
      expect(rows.length, name).toBe(same.reduce((s, l) => s + Math.max(1, l.enterprises), 0));
      if (same.length === 1 && same[0]!.enterprises === 0) expect(rows[0]![4]).toBeNull();
    }
    expect(body).toHaveLength(leaders.reduce((s, l) => s + Math.max(1, l.enterprises), 0));
  });
});

describe('一企一策推进情况表 and 双强评价汇总表', () => {
  test("the year's plans, each overdue one marked 逾期 in red with its late milestones", async () => {
    const year = Number(TODAY.slice(0, 4));
    const board = await t.call<Page<PlanRow>>('plans:list', { year, limit: 500 });
    const { path, done } = await t.exportReport('plans', { year });
    const sheet = firstSheet(readBook(path));
    const body = bodyRows(sheet, 4);
    expect(done.rows).toBe(board.total);
    expect(body.map((r) => r[1]).sort()).toEqual(board.rows.map((r) => r.enterpriseName).sort());
    const overdue = board.rows.filter((r) => r.overdue);
    expect(overdue.length).toBeGreaterThan(0);
    body.forEach((r, i) => {
      const plan = board.rows.find((p) => p.enterpriseName === r[1])!;
      expect(String(r[11] ?? '').startsWith('逾期：'), plan.enterpriseName).toBe(plan.overdue);
      if (plan.overdue) {
        expect(String(r[11])).toContain(plan.nextMilestone!.name);
        expect(styleOf(path, `K${4 + i}`).color).toBe('FFC00000');
      }
    });
  });

  test('a year of 双强 assessments in rank order, scores and grades as the tab shows them', async () => {
    const year = Number(TODAY.slice(0, 4));
    const list = await t.call<AssessmentRow[]>('assessments:list', { year });
    expect(list.length).toBeGreaterThan(3);
    const { path } = await t.exportReport('assessments', { year });
    const sheet = firstSheet(readBook(path));
    expect(grid(sheet)[0]![0]).toBe(`${year}年度双强评价汇总表`);
    const body = bodyRows(sheet, 5);
    expect(body.map((r) => [r[0], r[1]])).toEqual(list.map((a) => [a.rank, a.enterpriseName]));
    expect(body.map((r) => r[10])).toEqual(list.map((a) => a.total));
    expect(cell(sheet, 'K5')!.z).toBe('0.00');
  });
});

describe('企业情况调查表', () => {
  test('record ids locked, answers unlocked with drop-downs, the sheet protected, the hidden marker sheet', async () => {
    const group = (await lookups()).workGroups.find((g) => g.enterprises > 3)!;
    const { path } = await t.exportReport('survey', { workGroupId: group.id });
    const book = readBook(path);
    const sheet = firstSheet(book);
    const rows = grid(sheet);
    expect(rows[2]![0]).toBe(SURVEY_ID_HEADER);
    expect(rows[2]!.length).toBe(1 + SURVEY_FIELDS.length);
    const ids = t
      .query<{ id: number }>(
        `SELECT e.id FROM enterprises e JOIN areas a ON a.id = e.area_id WHERE e.work_group_id = ?
           AND e.operating_status NOT IN ('deregistered', 'moved-out') ORDER BY a.sort_order, a.id, e.name_initials, e.name, e.id`,
        group.id,
      )
      .map((r) => r.id);
    const body = rows.slice(3);
    expect(body.map((r) => r[0])).toEqual(ids);
    expect(styleOf(path, 'A4').locked).toBe(true);
    expect(styleOf(path, 'B4').locked).toBe(false);
    const xml = part(path, 'xl/worksheets/sheet1.xml');
    expect(xml).toMatch(/<sheetProtection sheet="1"/);
    // 企业性质 (column D) offers exactly the ledger's labels from the hidden list sheet.
    const validation = /<dataValidation type="list"[^>]*sqref="D4:D\d+"><formula1>([^<]+)<\/formula1>/.exec(xml);
    expect(validation?.[1]).toMatch(/下拉选项/);
    const lists = book.Sheets['下拉选项']!;
    const ownerships = grid(lists)
      .map((r) => r[0])
      .filter(Boolean);
    expect(ownerships).toEqual(Object.values(OWNERSHIPS));
    const marker = book.Sheets[SURVEY_MARK_SHEET]!;
    expect(cell(marker, 'A1')?.v).toBe(SURVEY_MARK);
    expect(cell(marker, 'A2')?.v).toBe('长乐镇');
    const workbook = part(path, 'xl/workbook.xml');
    expect(workbook).toMatch(new RegExp(`name="${SURVEY_MARK_SHEET}" state="hidden"`));
    expect(workbook).toMatch(/name="下拉选项" state="hidden"/);
  });
});
