import { describe, expect, test } from 'vitest';
import type { EnterpriseDetail } from '../../shared/domain/enterprise';
import { idCheckChar } from '../../shared/domain/idNumber';
import type { Member, MemberListRow } from '../../shared/domain/party';
import type { Page, Saved } from '../../shared/ipc/fields';
import type { MemberInput } from '../../shared/ipc/members';
import { memberHistory } from '../../electron/core/services/history';
import { usePartyLedger } from './partySetup';

const L = usePartyLedger();
const { call, errorOf, enterprise, detail, lastStep, undo } = L;

/** A valid 身份证号 from its first 17 characters. */
const idNo = (first17: string) => `${first17}${idCheckChar(first17)}`;
const ZHANG = idNo('33068319850612001'); // a man born 1985-06-12
const LI = idNo('33068319900301002'); // a woman born 1990-03-01

function counts(e: EnterpriseDetail) {
  const { fullMembers, probationaryMembers, membersInEnterprise, membersInTalentAgency, membersAtOrigin } = e;
  return { fullMembers, probationaryMembers, membersInEnterprise, membersInTalentAgency, membersAtOrigin };
}

const addMember = (enterpriseId: number, name: string, more: Partial<MemberInput> = {}) =>
  call<Saved>('members:save', { input: { enterpriseId, name, ...more } });

describe('the roster and the enterprise’s counts', () => {
  test('the first member starts the roster; from then on the counts come from it', async () => {
    const e = await enterprise('甲机械有限公司', { fullMembers: 5, probationaryMembers: 1, membersInEnterprise: 6 });
    expect(await detail(e)).toMatchObject({ rosterKept: false, fullMembers: 5 });

    const first = await addMember(e, '张三', { idNumber: ZHANG, joinedOn: '2010-07-01' });
    expect(first.warnings).toEqual([
      { field: 'input.enterpriseId', message: '已为“甲机械有限公司”建立党员名册，该企业的党员人数今后由名册统计' },
    ]);
    expect(await lastStep()).toMatchObject({ action: '新增党员“张三”（甲机械有限公司）', records: 2 });
    expect(counts(await detail(e))).toEqual({
      fullMembers: 1,
      probationaryMembers: 0,
      membersInEnterprise: 1,
      membersInTalentAgency: 0,
      membersAtOrigin: 0,
    });
    expect((await detail(e)).rosterKept).toBe(true);

    // The form cannot change the derived counts: they are overwritten with the roster's.
    await call('enterprises:update', {
      id: e,
      input: { name: '甲机械有限公司', areaId: L.areaId(), fullMembers: 9, membersInEnterprise: 9, employees: 40 },
    });
    expect(await detail(e)).toMatchObject({ fullMembers: 1, membersInEnterprise: 1, employees: 40 });

    // Status and location changes recount.
    const second = await addMember(e, '李四', { status: 'probationary', location: 'talent-agency' });
    expect(second.warnings).toEqual([]);
    expect(counts(await detail(e))).toEqual({
      fullMembers: 1,
      probationaryMembers: 1,
      membersInEnterprise: 1,
      membersInTalentAgency: 1,
      membersAtOrigin: 0,
    });
    await call('members:save', { id: second.id, input: { enterpriseId: e, name: '李四', location: 'origin' } });
    expect(counts(await detail(e))).toEqual({
      fullMembers: 2,
      probationaryMembers: 0,
      membersInEnterprise: 1,
      membersInTalentAgency: 0,
      membersAtOrigin: 1,
    });
    await call('members:delete', { id: first.id });
    expect(counts(await detail(e))).toMatchObject({ fullMembers: 1, membersInEnterprise: 0 });
    await undo('删除党员“张三”（甲机械有限公司）');
    expect(counts(await detail(e))).toMatchObject({ fullMembers: 2, membersInEnterprise: 1 });
  });

  test('stopping the roster keeps the last counts as typed values, which the form may then change', async () => {
    const e = await enterprise('甲机械有限公司');
    await addMember(e, '张三');
    await addMember(e, '李四');
    await call('members:setRoster', { enterpriseId: e, kept: false });
    expect(await lastStep()).toMatchObject({ action: '停止记录党员名册（甲机械有限公司）', records: 1 });
    expect(await detail(e)).toMatchObject({ rosterKept: false, fullMembers: 2 });
    await call('enterprises:update', { id: e, input: { name: '甲机械有限公司', areaId: L.areaId(), fullMembers: 4 } });
    expect((await detail(e)).fullMembers).toBe(4);
    await call('members:setRoster', { enterpriseId: e, kept: true });
    expect(await detail(e)).toMatchObject({ rosterKept: true, fullMembers: 2 });
  });

  test('an enterprise with members on its roster cannot be deleted', async () => {
    const e = await enterprise('甲机械有限公司');
    await addMember(e, '张三');
    const refused = await errorOf('enterprises:delete', { id: e });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('党员名册中有1名党员');
    expect(refused.message).toContain('注销');
    expect((await detail(e)).name).toBe('甲机械有限公司');
  });
});

describe('the township’s member list', () => {
  test('searches names and pinyin initials, filters by status and location, pages with a total', async () => {
    const a = await enterprise('甲机械有限公司');
    const b = await enterprise('乙纺织有限公司');
    await addMember(a, '张三', { status: 'probationary', joinedOn: '2026-01-10' });
    await addMember(a, '王五', { location: 'floating' });
    await addMember(b, '张小红');
    const list = (query: Record<string, unknown>, more: Record<string, unknown> = {}) =>
      call<Page<MemberListRow>>('members:list', { query, ...more });
    expect((await list({ search: '张' })).rows.map((r) => r.name)).toEqual(['张三', '张小红']);
    expect((await list({ search: 'ZXH' })).rows.map((r) => r.name)).toEqual(['张小红']);
    expect((await list({ search: '%' })).total).toBe(0);
    expect((await list({ statuses: ['probationary'] })).rows).toMatchObject([
      { name: '张三', probationEndsOn: '2027-01-10', enterpriseName: '甲机械有限公司' },
    ]);
    expect((await list({ locations: ['floating'] })).rows.map((r) => r.name)).toEqual(['王五']);
    expect((await list({ enterpriseId: b })).rows.map((r) => r.name)).toEqual(['张小红']);
    const page = await list({}, { offset: 1, limit: 1 });
    expect(page.total).toBe(3);
    expect(page.rows).toHaveLength(1);
  });
});

describe('身份证号', () => {
  test('a wrong check digit is refused beside the field, in Chinese', async () => {
    const e = await enterprise('甲机械有限公司');
    const wrong = ZHANG.slice(0, 17) + (ZHANG[17] === '1' ? '2' : '1');
    const refused = await errorOf('members:save', { input: { enterpriseId: e, name: '张三', idNumber: wrong } });
    expect(refused).toMatchObject({ code: 'VALIDATION', field: 'input.idNumber' });
    expect(refused.message).toContain('校验位不正确');
    expect((await call<Page<MemberListRow>>('members:list')).total).toBe(0);
  });

  test('the same number on a second roster is refused, naming the enterprise and the member', async () => {
    const a = await enterprise('甲机械有限公司');
    const b = await enterprise('乙纺织有限公司');
    await addMember(a, '张三', { idNumber: ZHANG });
    const refused = await errorOf('members:save', {
      input: { enterpriseId: b, name: '张叁', idNumber: ZHANG.toLowerCase() },
    });
    expect(refused).toMatchObject({ code: 'VALIDATION', field: 'input.idNumber' });
    expect(refused.message).toContain('已登记在“甲机械有限公司”的名册中（张三）');
  });

  test('masked on the list, in members:get and in the history; sent back masked it keeps the stored number', async () => {
    const e = await enterprise('甲机械有限公司');
    const { id } = await addMember(e, '李芳', { idNumber: LI, gender: 'female', birthMonth: '1990-03' });
    const masked = `3306**********${LI.slice(-4)}`;
    const page = await call<Page<MemberListRow>>('members:list', { query: { enterpriseId: e } });
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]).toMatchObject({ name: '李芳', idNumberMasked: masked, enterpriseName: '甲机械有限公司' });
    expect(page.rows[0]).not.toHaveProperty('idNumber');
    expect(JSON.stringify(page)).not.toContain(LI);
    expect((await call<Member>('members:get', { id })).idNumber).toBe(masked);

    await call('members:save', { id, input: { enterpriseId: e, name: '李芳', idNumber: masked, position: '质检员' } });
    const stored = await L.readFile((db) =>
      db.prepare('SELECT id_number, position FROM party_members WHERE id = ?').get(id),
    );
    expect(stored).toEqual({ id_number: LI, position: '质检员' });
    const added = await errorOf('members:save', { input: { enterpriseId: e, name: '王强', idNumber: masked } });
    expect(added).toMatchObject({ code: 'VALIDATION', field: 'input.idNumber' });
    expect(added.message).toContain('隐去部分数字');

    await call('members:save', { id, input: { enterpriseId: e, name: '李芳', idNumber: ZHANG } });
    const history = await L.readFile((db) => memberHistory(db, id));
    const change = history.find((h) => h.field === 'idNumber')!;
    expect(change).toMatchObject({
      fieldLabel: '身份证号',
      oldText: masked,
      newText: `3306**********${ZHANG.slice(-4)}`,
    });
    expect(JSON.stringify(history)).not.toContain(LI);
  });

  test('a number that disagrees with the typed birth month or gender is saved with a warning', async () => {
    const e = await enterprise('甲机械有限公司');
    const saved = await addMember(e, '张三', { idNumber: ZHANG, gender: 'female', birthMonth: '1985-07' });
    expect(saved.warnings.map((w) => w.field).sort()).toEqual([
      'input.birthMonth',
      'input.enterpriseId',
      'input.gender',
    ]);
  });
});

describe('组织关系转接', () => {
  test('moves the member, recounts both rosters, is one named step, and one undo restores both counts', async () => {
    const a = await enterprise('甲机械有限公司');
    const b = await enterprise('乙纺织有限公司');
    const { id } = await addMember(a, '张三', { idNumber: ZHANG });
    await addMember(a, '王五');
    await addMember(b, '李四', { status: 'probationary' });

    await call('members:transfer', { id, toEnterpriseId: b, on: '2026-11-20' });
    expect((await call<Member>('members:get', { id })).enterpriseId).toBe(b);
    expect(counts(await detail(a))).toMatchObject({ fullMembers: 1, membersInEnterprise: 1 });
    expect(counts(await detail(b))).toMatchObject({ fullMembers: 1, probationaryMembers: 1, membersInEnterprise: 2 });
    const step = await lastStep();
    expect(step).toMatchObject({
      action: '组织关系转接：张三（甲机械有限公司 → 乙纺织有限公司，2026-11-20）',
      records: 3,
    });
    const batches = await L.readFile(
      (db) =>
        db.prepare("SELECT count(*) FROM change_batches WHERE action LIKE '组织关系转接%'").pluck().get() as number,
    );
    expect(batches).toBe(1);

    await undo(step!.action);
    expect((await call<Member>('members:get', { id })).enterpriseId).toBe(a);
    expect(counts(await detail(a))).toMatchObject({ fullMembers: 2, membersInEnterprise: 2 });
    expect(counts(await detail(b))).toMatchObject({ fullMembers: 0, probationaryMembers: 1, membersInEnterprise: 1 });
  });

  test('an enterprise that keeps no roster cannot take a member; nor can the member’s own', async () => {
    const a = await enterprise('甲机械有限公司');
    const c = await enterprise('丙电器有限公司', { fullMembers: 3 });
    const { id } = await addMember(a, '张三');
    const refused = await errorOf('members:transfer', { id, toEnterpriseId: c });
    expect(refused).toMatchObject({ code: 'VALIDATION', field: 'toEnterpriseId' });
    expect(refused.message).toContain('“丙电器有限公司”没有建立党员名册');
    expect((await errorOf('members:transfer', { id, toEnterpriseId: a })).field).toBe('toEnterpriseId');
    expect((await call<Member>('members:get', { id })).enterpriseId).toBe(a);
    expect((await detail(c)).fullMembers).toBe(3);
  });

  test('changing the enterprise on the member form is refused: a move is a transfer', async () => {
    const a = await enterprise('甲机械有限公司');
    const b = await enterprise('乙纺织有限公司');
    await addMember(b, '李四');
    const { id } = await addMember(a, '张三');
    const refused = await errorOf('members:save', { id, input: { enterpriseId: b, name: '张三' } });
    expect(refused).toMatchObject({ code: 'VALIDATION', field: 'input.enterpriseId' });
    expect(refused.message).toContain('组织关系转接');
  });
});
