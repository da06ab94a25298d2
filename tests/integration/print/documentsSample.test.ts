import * as XLSX from '@e965/xlsx';
import { describe, expect, test } from 'vitest';
import { issueProblems } from '../../../shared/documents/rules';
import type { PartyOrgDetail } from '../../../shared/domain/party';
import { ATTACHABLE_TABLES, type DocumentDetail } from '../../../shared/ipc/documents';
import { firstSheet, readBook, useExportLedger } from '../exportSetup';

/**
 * Documents drafted from a realistic sample township (300 enterprises, its 集中攻坚月, plans in every state): the
 * 名册 attached to the campaign notice is the Excel report's, row for row; every pre-filled document is ready to issue
 * as drafted; a 批复 for an approved plan's enterprise is issued and recorded on its organisation.
 */
const L = useExportLedger(300, 23);
const draft = (payload: Record<string, unknown>) => L.call<DocumentDetail>('documents:draft', payload);

function sheetRows(path: string): string[][] {
  return XLSX.utils.sheet_to_json<string[]>(firstSheet(readBook(path)), { header: 1, raw: false, defval: '' });
}

describe('documents from the sample township', () => {
  test('the campaign notice’s 名册 lists the Excel report’s enterprises, in its order, with its figures', async () => {
    const d = await draft({ source: 'campaign-notice' });
    const [campaign] = L.query<{ id: number; name: string }>(
      'SELECT id, name FROM campaigns ORDER BY start_on DESC, id DESC LIMIT 1',
    );
    expect(d.campaignId).toBe(campaign!.id);
    expect(d.content.title).toContain(campaign!.name);
    const { path } = await L.exportReport('unorganised');
    const rows = sheetRows(path);
    const header = rows.find((r) => r[0] === '序号')!;
    const at = (title: string) => header.indexOf(title);
    const excel = rows.filter((r) => /^\d+$/.test(r[0]!));
    const table = d.content.attachments[0]!.table!;
    expect(table.rows.length).toBe(excel.length);
    expect(table.rows.length).toBeGreaterThan(5);
    expect(table.rows.map((r) => [r[1], r[2], r[3]])).toEqual(
      excel.map((r) => [r[at('企业名称')], r[at('所在区域')], r[at('从业人员数')]]),
    );
    expect(table.rows.map((r) => r[4])).toEqual(
      excel.map((r) => String(Number(r[at('正式党员')]) + Number(r[at('预备党员')]))),
    );
    expect(d.content.body).toContain(`尚未建立党组织的企业${excel.length}家`);
  });

  test('every pre-filled document is ready to issue as drafted, and carries no ID or full phone number', async () => {
    const [enterprise] = L.query<{ id: number }>('SELECT id FROM enterprises ORDER BY id LIMIT 1');
    const requests = [
      { source: 'campaign-notice' },
      { source: 'instructor-notice' },
      { source: 'approval', enterpriseId: enterprise!.id },
      ...Object.keys(ATTACHABLE_TABLES).map((table) => ({ source: 'table-notice', table })),
    ];
    for (const request of requests) {
      const d = await draft(request);
      expect(issueProblems(d.content), JSON.stringify(request)).toEqual([]);
      const text = JSON.stringify(d.content);
      expect(text, JSON.stringify(request)).not.toMatch(/\d{17}[\dX]/);
      expect(text, JSON.stringify(request)).not.toMatch(/1[3-9]\d{9}/);
    }
  });

  test('a 批复 for an approved plan’s enterprise is issued and recorded on the steps of the organisation formed', async () => {
    const [found] = L.query<{ enterpriseId: number; planId: number; name: string; areaId: number }>(
      `SELECT e.id AS enterpriseId, p.id AS planId, e.name, e.area_id AS areaId FROM plans p
       JOIN enterprises e ON e.id = p.enterprise_id WHERE p.status = 'approved' ORDER BY p.id LIMIT 1`,
    );
    expect(found, 'the sample holds an approved plan').toBeDefined();
    const { enterpriseId, planId, name, areaId } = found!;
    // The clerk records the new organisation and its 请示 as the plan goes ahead.
    const org = await L.call<{ id: number }>('partyOrgs:save', {
      input: { name: `${name}党支部`, type: 'branch', areaId },
      enterpriseIds: [enterpriseId],
    });
    await L.call('formationSteps:save', {
      orgId: org.id,
      step: 'request',
      doneOn: '2026-11-02',
      docNo: '',
      note: `关于成立${name}党支部的请示`,
    });
    const d = await draft({ source: 'approval', enterpriseId });
    expect(d.planId).toBe(planId);
    expect(d.content.title).toBe(`关于同意成立${name}党支部的批复`);
    expect(d.content.body).toContain(`2026年11月2日报来的《关于成立${name}党支部的请示》收悉`);
    const issued = await L.call<DocumentDetail>('documents:issue', { id: d.id });
    expect(issued.number).toMatch(/^长委〔2026〕\d+号$/);
    const detail = await L.call<PartyOrgDetail>('partyOrgs:get', { id: org.id });
    expect(detail.steps.find((s) => s.step === 'reply')).toMatchObject({
      doneOn: d.content.date,
      docNo: issued.number,
    });
  });
});
