import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import type { EnterpriseInput } from '../../shared/domain/enterpriseInput';
import { FORMATION_METHODS } from '../../shared/domain/labels';
import type { HistoryEntry } from '../../shared/ipc/enterprises';
import type { Page, Saved } from '../../shared/ipc/fields';
import type { formationListRequest, FormationRow } from '../../shared/ipc/stats';
import { orgInput, usePartyLedger } from './partySetup';

const L = usePartyLedger();
const { call, errorOf, enterprise, detail, lastStep, undo } = L;

/** The list through the contract, as the screen asks for it. */
const list = (req: z.input<typeof formationListRequest>) => call<Page<FormationRow>>('formation:list', req);
const names = (page: Page<FormationRow>) => page.rows.map((r) => r.name);

const area = async (name: string, type: string) => (await call<Saved>('areas:save', { name, type })).id;
const saveOrg = (name: string, type: string, enterpriseIds: number[], more: Record<string, unknown> = {}) =>
  call<Saved>('partyOrgs:save', { input: orgInput(name, type, more), enterpriseIds });

/** Members typed on the form: 在本企业 carries them all, so the breakdown adds up. */
const members = (full: number, probationary = 0): Partial<EnterpriseInput> => ({
  fullMembers: full,
  probationaryMembers: probationary,
  membersInEnterprise: full + probationary,
});

/**
 * A township in miniature: 长安村 (village), 长乐镇工业园区, 长乐小商品市场. Hand-built so that each list's answer
 * can be read off the comments.
 */
async function township() {
  const village = L.areaId();
  const park = await area('长乐镇工业园区', 'industrial-park');
  const market = await area('长乐小商品市场', 'market');
  const e = {
    // 名册: 2 正式, no organisation, in a village → 村企联建; the clerk agrees.
    jia: await enterprise('甲机械有限公司', { ...members(2), employees: 45, formationDirection: 'village-joint' }),
    // 挂靠 to the village committee below: has an organisation, not on the 名册; its plan (单独组建) differs.
    yi: await enterprise('乙纺织有限公司', { ...members(2), formationDirection: 'standalone' }),
    // 注销: left out everywhere, plan or not.
    bing: await enterprise('丙印染有限公司', {
      ...members(2),
      operatingStatus: 'deregistered',
      formationDirection: 'standalone',
    }),
    // 民办非企业单位 with a member: not on the 名册 (社会组织 kinds are left out) — but its differing plan is listed.
    ding: await enterprise('丁幼儿园', {
      ...members(1),
      kind: 'private-non-enterprise',
      formationDirection: 'area-joint',
    }),
    // 个体工商户 in the market, 1 正式 → 区域合建.
    wu: await enterprise('长乐小商品市场戊服装店', { ...members(1), kind: 'individual', areaId: market }),
    // No members: not on the 名册.
    ji: await enterprise('己五金有限公司', { employees: 12 }),
    // Only a 预备党员, in the park → 园区联建 (正式 0, 预备 1).
    geng: await enterprise('庚电器有限公司', { ...members(0, 1), areaId: park }),
    // The 商会/行业协会 (a 社会团体) and a large firm with its own branch.
    association: await enterprise('嵊州市长乐镇领带行业协会', { kind: 'social-group' }),
    lead: await enterprise('浙江长乐领带集团有限公司', { ...members(5), employees: 300, payroll: 180 }),
  };
  await saveOrg('中共长安村委员会', 'committee', [e.yi], { host: 'locality' });
  await saveOrg('中共浙江长乐领带集团有限公司支部委员会', 'branch', [e.lead]);
  const more = {
    // A member of the association → 行业统建; the clerk still plans 村企联建: differs.
    xin: await enterprise('辛领带有限公司', {
      ...members(1),
      associationId: e.association,
      formationDirection: 'village-joint',
    }),
    // Follows the lead, which has an organisation → 龙头领建.
    ren: await enterprise('壬服饰有限公司', {
      ...members(1),
      leadEnterpriseId: e.lead,
      formationDirection: 'leader-led',
    }),
  };
  return { village, park, market, ...e, ...more };
}

describe('有党员未建党组织企业名册 (members-no-org)', () => {
  test('holds exactly the active 企业 and 个体工商户 with members and no organisation, each with its suggestion', async () => {
    const t = await township();
    const page = await list({ list: 'members-no-org' });
    // By area as the settings list them (长安村, 园区, 市场), then by name's pinyin initials.
    expect(names(page)).toEqual([
      '甲机械有限公司',
      '壬服饰有限公司',
      '辛领带有限公司',
      '庚电器有限公司',
      '长乐小商品市场戊服装店',
    ]);
    expect(page.total).toBe(5);
    const byName = Object.fromEntries(page.rows.map((r) => [r.name, r]));
    expect(byName['甲机械有限公司']).toEqual({
      id: t.jia,
      name: '甲机械有限公司',
      areaName: '长安村',
      fullMembers: 2,
      probationaryMembers: 0,
      employees: 45,
      orgSetting: 'none',
      suggestion: {
        method: 'village-joint',
        rule: 'village-joint',
        reason: '正式党员2名，不足3名，不具备以上条件，宜与长安村党组织村企联建',
      },
      formationDirection: 'village-joint',
      differs: false,
    });
    expect(byName['庚电器有限公司']).toMatchObject({
      fullMembers: 0,
      probationaryMembers: 1,
      suggestion: { method: 'park-joint' },
    });
    expect(byName['长乐小商品市场戊服装店']!.suggestion.method).toBe('area-joint');
    expect(byName['辛领带有限公司']).toMatchObject({
      suggestion: {
        method: 'industry-joint',
        reason: '正式党员1名，不足3名，所属嵊州市长乐镇领带行业协会可牵头组建联合党组织，宜行业统建',
      },
      differs: true,
    });
    expect(byName['壬服饰有限公司']).toMatchObject({
      suggestion: {
        method: 'leader-led',
        reason: '正式党员1名，不足3名，龙头企业浙江长乐领带集团有限公司已建党组织，宜龙头领建',
      },
      differs: false,
    });
  });

  test('search, area and method filters narrow it; pages cut it after the total is counted', async () => {
    const t = await township();
    expect(names(await list({ list: 'members-no-org', search: '领带' }))).toEqual(['辛领带有限公司']);
    // Pinyin initials work as in the ledger's own search box.
    expect(names(await list({ list: 'members-no-org', search: 'gdq' }))).toEqual(['庚电器有限公司']);
    expect(names(await list({ list: 'members-no-org', areaIds: [t.park, t.market] }))).toEqual([
      '庚电器有限公司',
      '长乐小商品市场戊服装店',
    ]);
    expect(names(await list({ list: 'members-no-org', method: 'leader-led' }))).toEqual(['壬服饰有限公司']);
    expect(await list({ list: 'members-no-org', method: 'standalone' })).toEqual({ total: 0, rows: [] });
    const second = await list({ list: 'members-no-org', offset: 2, limit: 2 });
    expect(second.total).toBe(5);
    expect(names(second)).toEqual(['辛领带有限公司', '庚电器有限公司']);
  });

  test('an enterprise leaves it when it joins an organisation or closes, and returns when it no longer does', async () => {
    const t = await township();
    const village = await call<{ id: number }[]>('partyOrgs:list', { search: '长安村' });
    await call('enterprises:update', {
      id: t.jia,
      input: { name: '甲机械有限公司', areaId: t.village, ...members(2), employees: 45, partyOrgId: village[0]!.id },
    });
    expect(names(await list({ list: 'members-no-org' }))).not.toContain('甲机械有限公司');
    await undo('修改企业“甲机械有限公司”');
    expect(names(await list({ list: 'members-no-org' }))).toContain('甲机械有限公司');
  });
});

describe('组建方向与建议不一致 (differs)', () => {
  test('lists the active enterprises without their own organisation whose 组建方向 is not the suggested method', async () => {
    await township();
    const page = await list({ list: 'differs' });
    // 乙 (挂靠, plans 单独组建, suggested 村企联建), 丁 (民非, plans 区域合建), 辛 (plans 村企联建, suggested 行业统建).
    // Not 甲 or 壬 (they agree), not 丙 (注销), not 庚 or 戊 (no plan), not the lead (its own organisation).
    expect(names(page).sort()).toEqual(['丁幼儿园', '乙纺织有限公司', '辛领带有限公司'].sort());
    const yi = page.rows.find((r) => r.name === '乙纺织有限公司')!;
    expect(yi).toMatchObject({
      orgSetting: 'attached',
      formationDirection: 'standalone',
      differs: true,
      suggestion: { method: 'village-joint' },
    });
    expect(names(await list({ list: 'differs', method: 'industry-joint' }))).toEqual(['辛领带有限公司']);
  });

  test('the detail’s suggestion is the list’s, enterprise by enterprise', async () => {
    await township();
    const rows = [...(await list({ list: 'members-no-org' })).rows, ...(await list({ list: 'differs' })).rows];
    expect(rows.length).toBe(8);
    for (const row of rows) {
      const d = await detail(row.id);
      expect(d.formationSuggestion, row.name).toEqual(row.suggestion);
      expect(d.formationDirection).toBe(row.formationDirection);
    }
  });

  test('the lead with its own organisation has no suggestion but a funding range; one without payroll, none', async () => {
    const t = await township();
    // 工资总额180万元 × 5‰–8‰ = 0.9–1.44万元.
    expect(await detail(t.lead)).toMatchObject({ formationSuggestion: null, fundingRange: { low: 0.9, high: 1.44 } });
    // 挂靠 has an organisation, but its payroll is not known.
    expect(await detail(t.yi)).toMatchObject({ orgSetting: 'attached', payroll: null, fundingRange: null });
    expect((await detail(t.xin)).associationName).toBe('嵊州市长乐镇领带行业协会');
    expect((await detail(t.ren)).leadEnterpriseName).toBe('浙江长乐领带集团有限公司');
  });
});

describe('所属商会/行业协会 and 龙头企业 links are checked', () => {
  const input = (name: string, more: Partial<EnterpriseInput> = {}) => ({
    input: { name, areaId: L.areaId(), ...more },
  });

  test('an association must be an existing 社会团体 other than itself', async () => {
    const t = await township();
    expect(await errorOf('enterprises:create', input('癸', { associationId: t.jia }))).toEqual({
      code: 'VALIDATION',
      field: 'input.associationId',
      message: '所属商会/行业协会须为单位类型是“社会团体”的商会或行业协会，“甲机械有限公司”是企业',
    });
    expect(await errorOf('enterprises:create', input('癸', { associationId: 999 }))).toMatchObject({
      field: 'input.associationId',
      message: '所选所属商会/行业协会已不存在，请重新选择',
    });
    expect(
      await errorOf('enterprises:update', {
        id: t.association,
        ...input('嵊州市长乐镇领带行业协会', { kind: 'social-group', associationId: t.association }),
      }),
    ).toMatchObject({ field: 'input.associationId', message: '所属商会/行业协会不能是本单位自己' });
  });

  test('a lead must be an existing 企业 other than itself', async () => {
    const t = await township();
    expect(await errorOf('enterprises:create', input('癸', { leadEnterpriseId: t.wu }))).toEqual({
      code: 'VALIDATION',
      field: 'input.leadEnterpriseId',
      message: '龙头企业须为单位类型是“企业”的单位，“长乐小商品市场戊服装店”是个体工商户',
    });
    expect(
      await errorOf('enterprises:update', { id: t.jia, ...input('甲机械有限公司', { leadEnterpriseId: t.jia }) }),
    ).toMatchObject({ field: 'input.leadEnterpriseId', message: '龙头企业不能是本企业自己' });
  });

  test('an association or lead others point at keeps its kind', async () => {
    const t = await township();
    const refused = await errorOf('enterprises:update', { id: t.association, ...input('嵊州市长乐镇领带行业协会') });
    expect(refused).toMatchObject({ code: 'VALIDATION', field: 'input.kind' });
    expect(refused.message).toContain('“辛领带有限公司”以本单位为所属商会/行业协会，单位类型须为“社会团体”');
    const lead = await errorOf('enterprises:update', {
      id: t.lead,
      ...input('浙江长乐领带集团有限公司', { kind: 'individual' }),
    });
    expect(lead).toMatchObject({ field: 'input.kind' });
    expect(lead.message).toContain('以本单位为龙头企业');
  });

  test('a link reads as a name in the history', async () => {
    const t = await township();
    await call('enterprises:update', {
      id: t.jia,
      input: { name: '甲机械有限公司', areaId: t.village, ...members(2), employees: 45, associationId: t.association },
    });
    const history = await call<HistoryEntry[]>('enterprises:history', { id: t.jia });
    expect(history.find((h) => h.field === 'associationId')).toMatchObject({
      fieldLabel: '所属商会/行业协会',
      oldText: null,
      newText: '嵊州市长乐镇领带行业协会',
    });
  });
});

describe('deleting an association or a lead', () => {
  test('clears the links to it in the same step, which says so, and 撤销 puts them back', async () => {
    const t = await township();
    await call('enterprises:delete', { id: t.association });
    const action = '删除企业“嵊州市长乐镇领带行业协会”（同时清除1家企业的所属商会/行业协会）';
    expect(await lastStep()).toMatchObject({ action, records: 2 });
    expect(await detail(t.xin)).toMatchObject({
      associationId: null,
      associationName: null,
      formationSuggestion: { method: 'village-joint' },
    });
    const history = await call<HistoryEntry[]>('enterprises:history', { id: t.xin });
    expect(history[0]).toMatchObject({
      action,
      field: 'associationId',
      // The association is gone: the history still says which one it was.
      oldText: `（已删除，编号${t.association}）`,
      newText: null,
    });
    await undo(action);
    expect(await detail(t.xin)).toMatchObject({
      associationId: t.association,
      formationSuggestion: { method: 'industry-joint' },
    });
  });

  test('deleting a lead clears the enterprises following it, and no others', async () => {
    const t = await township();
    const small = await enterprise('癸竹木制品有限公司');
    const follower = await enterprise('子包装有限公司', { leadEnterpriseId: small });
    await call('enterprises:delete', { id: small });
    expect((await lastStep())?.action).toBe('删除企业“癸竹木制品有限公司”（同时清除1家企业的龙头企业）');
    expect((await detail(follower)).leadEnterpriseId).toBeNull();
    expect((await detail(t.ren)).leadEnterpriseId).toBe(t.lead);
  });
});

describe('the sample ledger', () => {
  test('its 名册 shows every formation method, each as the detail shows it; some plans differ', async () => {
    await call('ledgers:createSample', {});
    const page = await list({ list: 'members-no-org', limit: 500 });
    expect(new Set(page.rows.map((r) => r.suggestion.method))).toEqual(new Set(Object.keys(FORMATION_METHODS)));
    for (const row of page.rows) expect((await detail(row.id)).formationSuggestion, row.name).toEqual(row.suggestion);
    const differs = await list({ list: 'differs', limit: 500 });
    expect(differs.total).toBeGreaterThan(0);
    expect(differs.rows.every((r) => r.differs && r.formationDirection !== r.suggestion.method)).toBe(true);
  });
});
