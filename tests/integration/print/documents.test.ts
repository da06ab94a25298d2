import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { beforeEach, describe, expect, test } from 'vitest';
import type { GongwenContent } from '../../../shared/documents/model';
import type { EnterpriseInput } from '../../../shared/domain/enterpriseInput';
import type { PartyOrgDetail } from '../../../shared/domain/party';
import type { PlanDetail } from '../../../shared/domain/plans';
import { ATTACHABLE_TABLES, type DocumentDetail, type DocumentRow } from '../../../shared/ipc/documents';
import type { Page } from '../../../shared/ipc/fields';
import type { AppErrorShape } from '../../../shared/ipc/result';
import type { CoreClient } from '../../../electron/core/host/coreClient';
import { inProcessCore } from '../../../electron/core/host/inProcessCore';
import { FIXED_NOW, useTempDir, valueOf } from '../helpers';

/**
 * Documents made from the ledger (批复, 指导员 notice, campaign notice, table notices) and the draft rules, on a real
 * ledger file driven through the core. Attachments are checked against the Excel report of the same name, exported
 * and read back with SheetJS.
 */
const tmp = useTempDir();
let core: CoreClient;
let village = 0;
let park = 0;

beforeEach(async () => {
  core = inProcessCore({ dataDir: join(tmp.dir(), 'data'), now: () => FIXED_NOW, actor: '王文书' });
  tmp.onCleanup(() => core.close());
  valueOf(
    await core.invoke('ledgers:create', {
      settings: { township: '长乐镇', committee: '中共长乐镇委员会', docCode: '长委' },
      target: await core.grant(join(tmp.dir(), '长乐镇.yqyc'), 'create'),
    }),
  );
  village = (await call<{ id: number }>('areas:save', { name: '长安村', type: 'village' })).id;
  park = (await call<{ id: number }>('areas:save', { name: '长乐镇工业园区', type: 'industrial-park' })).id;
});

const call = async <T>(channel: string, payload: unknown = {}) => valueOf<T>(await core.invoke(channel, payload));

async function errorOf(channel: string, payload: unknown): Promise<AppErrorShape> {
  const result = await core.invoke(channel, payload);
  expect(result.ok, `${channel} should fail`).toBe(false);
  if (result.ok) throw new Error('unreachable');
  return result.error as AppErrorShape;
}

const members = (full: number, probationary = 0): Partial<EnterpriseInput> => ({
  fullMembers: full,
  probationaryMembers: probationary,
  membersInEnterprise: full + probationary,
});

async function enterprise(name: string, more: Partial<EnterpriseInput> = {}): Promise<number> {
  return (await call<{ id: number }>('enterprises:create', { input: { name, areaId: village, ...more } })).id;
}

const draft = (payload: Record<string, unknown>) => call<DocumentDetail>('documents:draft', payload);
const issue = (id: number) => call<DocumentDetail>('documents:issue', { id });

/** An exported report's body rows (those with a 序号), read back by SheetJS, as header → cell text. */
async function exportedRows(report: string, options: Record<string, unknown> = {}): Promise<Record<string, string>[]> {
  const path = join(tmp.dir(), `${report}-${Math.random().toString(36).slice(2)}.xlsx`);
  await call('exports:run', { report, target: await core.grant(path, 'export'), ...options });
  const book = XLSX.read(readFileSync(path));
  const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0]!]!, {
    header: 1,
    raw: false,
    defval: '',
  });
  const headerAt = rows.findIndex((r) => r[0] === '序号');
  const header = rows[headerAt]!;
  return rows
    .slice(headerAt + 1)
    .filter((r) => /^\d+$/.test(String(r[0])))
    .map((r) => Object.fromEntries(header.map((h, i) => [h, String(r[i] ?? '')])));
}

const tableOf = (d: DocumentDetail, i = 0) => d.content.attachments[i]!.table!;
const column = (d: DocumentDetail, title: string) => {
  const t = tableOf(d);
  const at = t.columns.findIndex((c) => c.title === title);
  expect(at, title).toBeGreaterThanOrEqual(0);
  return t.rows.map((r) => r[at]);
};

describe('the 批复 for an enterprise', () => {
  async function orgWithRequest() {
    const id = await enterprise('嵊州市鑫达机械有限公司', { ...members(4, 1), employees: 60 });
    const org = await call<{ id: number }>('partyOrgs:save', {
      input: { name: '嵊州市鑫达机械有限公司党支部', type: 'branch', areaId: village },
      enterpriseIds: [id],
    });
    await call('formationSteps:save', {
      orgId: org.id,
      step: 'request',
      doneOn: '2026-10-08',
      docNo: '鑫达〔2026〕1号',
      note: '关于成立嵊州市鑫达机械有限公司党支部的请示',
    });
    return { id, orgId: org.id };
  }

  test('cites the recorded 请示 by title, number and date, and carries the settings', async () => {
    const { id } = await orgWithRequest();
    const d = await draft({ source: 'approval', enterpriseId: id });
    expect(d).toMatchObject({ source: 'approval', status: 'draft', number: null, enterpriseId: id });
    expect(d.enterpriseName).toBe('嵊州市鑫达机械有限公司');
    const c = d.content;
    expect(c).toMatchObject({
      kind: 'reply',
      title: '关于同意成立嵊州市鑫达机械有限公司党支部的批复',
      addressees: '嵊州市鑫达机械有限公司党支部',
      banner: '中共长乐镇委员会文件',
      issuer: '中共长乐镇委员会',
      printedBy: '中共长乐镇委员会办公室',
      date: '2026-11-21',
      printedOn: '2026-11-21',
      sealed: true,
      attachments: [],
    });
    expect(c.body).toContain(
      '你单位2026年10月8日报来的《关于成立嵊州市鑫达机械有限公司党支部的请示》（鑫达〔2026〕1号）收悉。',
    );
    expect(c.body).toContain('同意成立嵊州市鑫达机械有限公司党支部，隶属中共长乐镇委员会领导');
    expect(c.body).toContain('现有党员5名，其中正式党员4名、预备党员1名');
    expect(c.body).toContain('选举');
    expect(c.body.trim().endsWith('此复。')).toBe(true);
  });

  test('is linked to the enterprise’s plan, and once issued is recorded on the organisation’s step 批复', async () => {
    const { id, orgId } = await orgWithRequest();
    const plan = await call<PlanDetail>('plans:save', {
      input: {
        enterpriseId: id,
        year: 2026,
        startOn: '2026-11-01',
        method: 'standalone',
        measures: ['指导企业提出组建请示'],
        milestones: [{ name: '镇党委批复同意组建', dueOn: '2026-12-15' }],
      },
    });
    for (const action of ['submit', 'approve'])
      await call('plans:transition', { id: plan.id, action, on: '2026-11-10' });
    const d = await draft({ source: 'approval', enterpriseId: id });
    expect(d.planId).toBe(plan.id);
    const issued = await issue(d.id);
    expect(issued).toMatchObject({ status: 'issued', number: '长委〔2026〕1号' });
    expect(issued.recordedOn).toContain('嵊州市鑫达机械有限公司党支部');
    const org = await call<PartyOrgDetail>('partyOrgs:get', { id: orgId });
    expect(org.steps.find((s) => s.step === 'reply')).toMatchObject({ doneOn: '2026-11-21', docNo: '长委〔2026〕1号' });
    expect(org.steps.find((s) => s.step === 'request')?.docNo).toBe('鑫达〔2026〕1号');
    const linked = await call<DocumentRow[]>('documents:forEnterprise', { enterpriseId: id });
    expect(linked.map((r) => [r.number, r.title])).toEqual([
      ['长委〔2026〕1号', '关于同意成立嵊州市鑫达机械有限公司党支部的批复'],
    ]);
  });

  test('an existing step 批复 is updated, not duplicated', async () => {
    const { id, orgId } = await orgWithRequest();
    await call('formationSteps:save', { orgId, step: 'reply', doneOn: null, docNo: '', note: '待批复' });
    await issue((await draft({ source: 'approval', enterpriseId: id })).id);
    const org = await call<PartyOrgDetail>('partyOrgs:get', { id: orgId });
    const replies = org.steps.filter((s) => s.step === 'reply');
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ doneOn: '2026-11-21', docNo: '长委〔2026〕1号', note: '待批复' });
  });

  test('撤销 of the issue takes the 批复 off the steps again, while its number stays taken', async () => {
    const { id, orgId } = await orgWithRequest();
    const d = await draft({ source: 'approval', enterpriseId: id });
    await issue(d.id);
    const step = await call<{ batchId: number; action: string }>('changes:lastUndoable');
    expect(step.action).toBe('发文长委〔2026〕1号“关于同意成立嵊州市鑫达机械有限公司党支部的批复”');
    await call('changes:undo', { batchId: step.batchId });
    const org = await call<PartyOrgDetail>('partyOrgs:get', { id: orgId });
    expect(org.steps.map((s) => s.step)).toEqual(['request']);
    expect((await call<DocumentDetail>('documents:get', { id: d.id })).status).toBe('draft');
    expect((await issue(d.id)).number).toBe('长委〔2026〕2号');
  });

  test('without a recorded 请示 or organisation: a neutral citation for the clerk to date, and nothing recorded', async () => {
    const id = await enterprise('嵊州市宏达纺织有限公司', members(3));
    const d = await draft({ source: 'approval', enterpriseId: id });
    expect(d.content.title).toBe('关于同意成立嵊州市宏达纺织有限公司党支部的批复');
    expect(d.content.addressees).toBe('嵊州市宏达纺织有限公司');
    expect(d.content.body).toContain('你单位　　年　　月　　日报来的关于成立党支部的请示收悉。');
    expect(d.content.body).toContain('现有正式党员3名');
    expect(d.planId).toBeNull();
    const issued = await issue(d.id);
    expect(issued.number).toBe('长委〔2026〕1号');
    expect(issued.recordedOn).toBeNull();
  });

  test('with fewer than 3 正式党员 and no organisation yet: a 联合党支部 for the clerk to name the partners of', async () => {
    const id = await enterprise('长乐镇明旺领带加工厂', members(1, 1));
    const d = await draft({ source: 'approval', enterpriseId: id });
    expect(d.content.title).toBe('关于同意成立长乐镇明旺领带加工厂等企业联合党支部的批复');
    expect(d.content.body).toContain('长乐镇明旺领带加工厂现有正式党员1名，不足3名，与邻近企业联合组建党支部。');
    expect(d.content.body).not.toContain('长乐镇明旺领带加工厂党支部');
  });

  test('is refused without an enterprise, in Chinese, naming the field', async () => {
    expect(await errorOf('documents:draft', { source: 'approval' })).toMatchObject({
      code: 'VALIDATION',
      field: 'enterpriseId',
      message: expect.stringContaining('企业'),
    });
    expect((await errorOf('documents:draft', { source: 'approval', enterpriseId: 999 })).code).toBe('NOT_FOUND');
  });
});

describe('notices with ledger tables', () => {
  async function township() {
    const wang = (
      await call<{ id: number }>('instructors:save', {
        name: '王建军',
        position: '镇党建办副主任',
        phone: '13905751234',
      })
    ).id;
    const li = (
      await call<{ id: number }>('instructors:save', {
        name: '李晓堃',
        position: '长安村党委委员',
        phone: '13605752222',
      })
    ).id;
    await enterprise('嵊州市鑫达机械有限公司', { ...members(2), employees: 45, instructorId: wang });
    await enterprise('嵊州市宏达纺织有限公司', { ...members(1, 1), employees: 120, instructorId: li });
    await enterprise('长乐镇喆诚电子有限公司', { ...members(1), employees: 30, areaId: park, instructorId: wang });
    await enterprise('嵊州市无党员贸易有限公司', { employees: 10 });
  }

  test('the 指导员 notice attaches the 名单: the instructors and the enterprises each works with, as the Excel 名册', async () => {
    await township();
    const d = await draft({ source: 'instructor-notice' });
    expect(d.content).toMatchObject({ kind: 'notice', title: '关于选派非公企业党建工作指导员的通知' });
    expect(d.content.attachments.map((a) => a.title)).toEqual(['党建工作指导员名单']);
    expect(tableOf(d).columns.map((c) => c.title)).toEqual(['序号', '姓名', '工作单位及职务', '联系企业']);
    const excel = await exportedRows('instructors');
    expect(tableOf(d).rows).toEqual(excel.map((r) => [r['序号'], r['姓名'], r['单位职务'], r['联系企业']]));
    expect(column(d, '姓名')).toEqual(['李晓堃', '王建军']);
    expect(column(d, '联系企业')[1]).toBe('嵊州市鑫达机械有限公司、长乐镇喆诚电子有限公司');
    expect(JSON.stringify(d.content)).not.toMatch(/1390575|1360575/);
    expect(d.content.body).toContain('2名同志');

    const narrowed = await draft({ source: 'instructor-notice', areaId: park });
    expect(tableOf(narrowed).rows).toEqual([['1', '王建军', '镇党建办副主任', '长乐镇喆诚电子有限公司']]);
  });

  test('the campaign notice follows source 002’s outline with the campaign’s dates and targets, and the 名册 as the Excel report', async () => {
    await township();
    await call('campaigns:save', {
      input: { name: '往年攻坚行动', startOn: '2025-08-01', endOn: '2025-08-31' },
    });
    const campaign = await call<{ id: number }>('campaigns:save', {
      input: {
        name: '非公企业党建集中攻坚月',
        startOn: '2026-08-01',
        endOn: '2026-12-31',
        targets: { 'members-org': 1 },
        phases: [
          { name: '调查摸底', startOn: '2026-08-01', endOn: '2026-08-15' },
          { name: '组建', startOn: '2026-08-16', endOn: '2026-11-30' },
          { name: '总结完善', startOn: '2026-12-01', endOn: '2026-12-31' },
        ],
      },
    });
    const d = await draft({ source: 'campaign-notice' });
    expect(d.campaignId).toBe(campaign.id);
    const c: GongwenContent = d.content;
    expect(c.title).toBe('关于组织开展非公企业党建集中攻坚月专项行动的通知');
    const lines = c.body.split('\n');
    const headings = lines.filter((l) => /^[一二三四五六七八九十]、/.test(l));
    expect(headings).toEqual(['一、目标任务', '二、方法步骤', '三、工作要求']);
    expect(lines.filter((l) => l.startsWith('（一）'))).toHaveLength(2);
    expect(c.body).toContain('2026年8月1日至2026年12月31日');
    expect(c.body).toContain('（一）调查摸底（2026年8月1日至2026年8月15日）');
    expect(c.body).toContain('100%');
    expect(c.body).toContain('尚未建立党组织的企业3家');

    expect(c.attachments.map((a) => a.title)).toEqual(['有党员未建党组织企业名册']);
    expect(tableOf(d).columns.map((col) => col.title)).toEqual([
      '序号',
      '企业名称',
      '所在区域',
      '职工人数',
      '党员人数',
      '建议组建方式',
      '推进组',
    ]);
    const excel = await exportedRows('unorganised');
    expect(tableOf(d).rows).toEqual(
      excel.map((r) => [
        r['序号'],
        r['企业名称'],
        r['所在区域'],
        r['从业人员数'],
        String(Number(r['正式党员']) + Number(r['预备党员'])),
        r['建议组建方式'],
        r['责任推进组'],
      ]),
    );
    expect(column(d, '企业名称')).not.toContain('嵊州市无党员贸易有限公司');
    expect(column(d, '党员人数')[column(d, '企业名称').indexOf('嵊州市宏达纺织有限公司')]).toBe('2');

    const older = await draft({ source: 'campaign-notice', campaignId: 1 });
    expect(older.content.title).toBe('关于组织开展往年攻坚行动的通知');
  });

  test('a campaign notice needs a campaign in the ledger', async () => {
    expect(await errorOf('documents:draft', { source: 'campaign-notice' })).toMatchObject({
      code: 'VALIDATION',
      field: 'campaignId',
      message: expect.stringContaining('专项行动'),
    });
  });

  test('any ledger table goes in as a notice’s 附件 — no ID numbers, no phone numbers', async () => {
    await township();
    for (const [table, title] of Object.entries(ATTACHABLE_TABLES)) {
      const d = await draft({ source: 'table-notice', table });
      expect(d.content.title).toBe(`关于印发${title}的通知`);
      expect(d.content.attachments[0]!.title).toBe(title);
      const t = tableOf(d);
      expect(t.columns.length).toBeLessThanOrEqual(20);
      expect(t.rows.every((r) => r.length === t.columns.length)).toBe(true);
      const text = JSON.stringify(t);
      expect(text, table).not.toMatch(/\d{17}[\dX]/);
      expect(text, table).not.toMatch(/1[3-9]\d{9}/);
    }
    const ledger = await draft({ source: 'table-notice', table: 'ledger' });
    expect(column(ledger, '企业名称')).toHaveLength(4);
    expect(await errorOf('documents:draft', { source: 'table-notice' })).toMatchObject({
      code: 'VALIDATION',
      field: 'table',
    });
  });
});

describe('drafts', () => {
  test('a blank document takes the kind asked for and the settings’ 印发机关 when set', async () => {
    expect((await draft({ source: 'blank' })).content).toMatchObject({ kind: 'notice', title: '', body: '' });
    await call('settings:update', {
      settings: {
        township: '长乐镇',
        committee: '中共长乐镇委员会',
        docCode: '长委',
        docPrintedBy: '中共长乐镇委员会组织办',
      },
    });
    const letter = await draft({ source: 'blank', kind: 'letter' });
    expect(letter.content).toMatchObject({ kind: 'letter', printedBy: '中共长乐镇委员会组织办' });
  });

  test('only a draft is saved or deleted; an issued document is refused in Chinese and withdrawn instead', async () => {
    const d = await draft({ source: 'blank' });
    const content = {
      ...d.content,
      title: '关于做好年底党建工作的通知',
      addressees: '各村党组织',
      body: '请做好有关工作。',
    };
    const saved = await call<DocumentDetail>('documents:save', { id: d.id, content });
    expect(saved.content.title).toBe('关于做好年底党建工作的通知');
    expect((await errorOf('documents:save', { id: d.id, content: { ...content, title: '长'.repeat(101) } })).code).toBe(
      'VALIDATION',
    );
    await issue(d.id);
    const refused = await errorOf('documents:save', { id: d.id, content: { ...content, body: '改过的正文。' } });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('已发文');
    expect((await errorOf('documents:delete', { id: d.id })).code).toBe('CONFLICT');
    expect((await errorOf('documents:withdraw', { id: d.id, reason: '' })).code).toBe('VALIDATION');
    const withdrawn = await call<DocumentDetail>('documents:withdraw', { id: d.id, reason: '重复发文' });
    expect(withdrawn.status).toBe('withdrawn');
    expect((await errorOf('documents:withdraw', { id: d.id, reason: '再撤一次' })).code).toBe('CONFLICT');
    expect((await errorOf('documents:issue', { id: d.id })).code).toBe('CONFLICT');

    const other = await draft({ source: 'blank' });
    expect((await errorOf('documents:withdraw', { id: other.id, reason: '草稿' })).message).toContain('尚未发文');
    await call('documents:delete', { id: other.id });
    expect((await errorOf('documents:get', { id: other.id })).code).toBe('NOT_FOUND');
  });

  test('the list filters by status, year and title or number, newest first, a page at a time', async () => {
    const titles = ['关于开展集中攻坚月的通知', '关于选派指导员的通知', '关于召开党建工作会议的通知'];
    const ids: number[] = [];
    for (const title of titles) {
      const d = await draft({ source: 'blank' });
      await call('documents:save', { id: d.id, content: { ...d.content, title, addressees: '各村', body: '正文。' } });
      ids.push(d.id);
    }
    await issue(ids[0]!);
    const all = await call<Page<DocumentRow>>('documents:list', {});
    expect(all.total).toBe(3);
    // The clock is fixed here, so every change has the same time: the newer record comes first.
    expect(all.rows.map((r) => r.id)).toEqual([ids[2], ids[1], ids[0]]);
    const issued = await call<Page<DocumentRow>>('documents:list', { status: 'issued' });
    expect(issued.rows.map((r) => [r.number, r.title, r.date])).toEqual([['长委〔2026〕1号', titles[0], '2026-11-21']]);
    expect((await call<Page<DocumentRow>>('documents:list', { search: '指导员' })).rows.map((r) => r.title)).toEqual([
      titles[1],
    ]);
    expect((await call<Page<DocumentRow>>('documents:list', { search: '〔2026〕1' })).total).toBe(1);
    expect((await call<Page<DocumentRow>>('documents:list', { search: '100%_' })).total).toBe(0);
    expect((await call<Page<DocumentRow>>('documents:list', { year: 2025 })).total).toBe(0);
    expect((await call<Page<DocumentRow>>('documents:list', { year: 2026 })).total).toBe(3);
    const page = await call<Page<DocumentRow>>('documents:list', { limit: 2, offset: 2 });
    expect(page).toMatchObject({ total: 3 });
    expect(page.rows).toHaveLength(1);
  });
});
