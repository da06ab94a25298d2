import { describe, expect, test } from 'vitest';
import type { EnterprisePage } from '../../shared/ipc/enterprises';
import type { Saved } from '../../shared/ipc/fields';
import {
  ATTACHMENT_MAX_BYTES,
  type AttachmentMeta,
  type FormationStep,
  type PartyOrgDetail,
  type PartyOrgItem,
} from '../../shared/domain/party';
import { orgInput, usePartyLedger } from './partySetup';

const L = usePartyLedger();
const { call, errorOf, enterprise, detail, lastStep, undo } = L;

async function saveOrg(name: string, type: string, enterpriseIds: number[], more: Record<string, unknown> = {}) {
  return call<Saved>('partyOrgs:save', { input: orgInput(name, type, more), enterpriseIds });
}
const org = (id: number) => call<PartyOrgDetail>('partyOrgs:get', { id });

describe('organisations and the enterprises they cover', () => {
  test('a 单独 organisation covers one enterprise: a second is refused, on the organisation and on the enterprise form', async () => {
    const a = await enterprise('甲机械有限公司');
    const b = await enterprise('乙纺织有限公司');
    const refused = await errorOf('partyOrgs:save', {
      input: orgInput('甲机械有限公司党支部', 'branch'),
      enterpriseIds: [a, b],
    });
    expect(refused).toMatchObject({ code: 'VALIDATION', field: 'enterpriseIds' });
    expect(refused.message).toContain('只能覆盖一家企业');
    expect(await call<PartyOrgItem[]>('partyOrgs:list')).toEqual([]);

    const { id } = await saveOrg('甲机械有限公司党支部', 'branch', [a]);
    expect((await detail(a)).orgSetting).toBe('standalone');
    const formRefused = await errorOf('enterprises:update', {
      id: b,
      input: { name: '乙纺织有限公司', areaId: L.areaId(), partyOrgId: id },
    });
    expect(formRefused).toMatchObject({ code: 'VALIDATION', field: 'input.partyOrgId' });
    expect(formRefused.message).toContain('已覆盖“甲机械有限公司”');
    expect((await detail(b)).partyOrgId).toBeNull();
  });

  test('a 联合党支部 over three enterprises makes all three 联合建立, with the name and superior on each', async () => {
    const ids = [
      await enterprise('甲机械有限公司'),
      await enterprise('乙纺织有限公司'),
      await enterprise('丙电器有限公司'),
    ];
    const works = await saveOrg('长乐镇两新组织党工委', 'committee', [], { host: 'locality' });
    const saved = await saveOrg('长安村企业联合党支部', 'joint-branch', ids, { superiorOrgId: works.id });
    expect(saved.warnings).toEqual([]);
    expect(await lastStep()).toMatchObject({ action: '新增党组织“长安村企业联合党支部”', records: 4 });

    for (const id of ids) {
      expect(await detail(id)).toMatchObject({
        partyOrgId: saved.id,
        orgSetting: 'joint',
        partyOrgName: '长安村企业联合党支部',
        partyOrgType: 'joint-branch',
        superiorOrgName: '长乐镇两新组织党工委',
      });
    }
    const page = await call<EnterprisePage>('enterprises:list', { sortBy: 'partyOrgName' });
    expect(page.rows.map((r) => r.partyOrgName)).toEqual(Array(3).fill('长安村企业联合党支部'));
    const detailed = await org(saved.id);
    expect(detailed.enterprises.map((e) => e.id).sort()).toEqual([...ids].sort());
    expect(detailed.superiorName).toBe('长乐镇两新组织党工委');
    const list = await call<PartyOrgItem[]>('partyOrgs:list', { search: 'CACQY' });
    expect(list).toMatchObject([{ id: saved.id, enterprises: 3 }]);
    expect((await call<PartyOrgItem[]>('partyOrgs:list', { search: '党工委' }))[0]).toMatchObject({ subordinates: 1 });
  });

  test('changing an organisation’s type or host changes its enterprises’ 组织设置 in the same step', async () => {
    const ids = [await enterprise('甲机械有限公司'), await enterprise('乙纺织有限公司')];
    const { id } = await saveOrg('长安村企业联合党支部', 'joint-branch', ids);
    await call('partyOrgs:save', {
      id,
      input: orgInput('长安村党总支', 'general-branch', { host: 'locality' }),
      enterpriseIds: ids,
    });
    for (const e of ids) {
      expect(await detail(e)).toMatchObject({ orgSetting: 'attached', superiorOrgName: '长安村党总支' });
    }
    expect(await lastStep()).toMatchObject({ action: '修改党组织“长安村企业联合党支部”', records: 3 });
    await undo('修改党组织“长安村企业联合党支部”');
    for (const e of ids) expect((await detail(e)).orgSetting).toBe('joint');
  });

  test('an enterprise moves from one organisation to another, by the form or by the other organisation', async () => {
    const a = await enterprise('甲机械有限公司');
    const b = await enterprise('乙纺织有限公司');
    const first = await saveOrg('长安村企业联合党支部', 'joint-branch', [a, b]);
    const second = await saveOrg('乙纺织有限公司党支部', 'branch', [b]);
    expect(second.warnings).toEqual([
      { field: 'enterpriseIds', message: '“乙纺织有限公司”原属“长安村企业联合党支部”，已转入本党组织' },
    ]);
    expect(await detail(b)).toMatchObject({ partyOrgId: second.id, orgSetting: 'standalone' });
    expect((await org(first.id)).enterprises.map((e) => e.id)).toEqual([a]);

    // By the enterprise form: 甲 joins a 属地 organisation and becomes 挂靠.
    const village = await saveOrg('中共长安村委员会', 'committee', [], { host: 'locality' });
    await call('enterprises:update', {
      id: a,
      input: { name: '甲机械有限公司', areaId: L.areaId(), partyOrgId: village.id },
    });
    expect(await detail(a)).toMatchObject({ orgSetting: 'attached', superiorOrgName: '中共长安村委员会' });
    expect((await org(first.id)).enterprises).toEqual([]);
    // Dropping the link on the form makes it 未建立.
    await call('enterprises:update', {
      id: a,
      input: { name: '甲机械有限公司', areaId: L.areaId(), partyOrgId: null },
    });
    expect(await detail(a)).toMatchObject({ orgSetting: 'none', partyOrgName: null, superiorOrgName: null });
  });

  test('a new enterprise takes its 组织设置 from the organisation chosen on the form; it cannot be typed', async () => {
    const { id } = await saveOrg('长安村企业联合党支部', 'joint-branch', []);
    const e = await enterprise('甲机械有限公司', { partyOrgId: id });
    expect(await detail(e)).toMatchObject({ orgSetting: 'joint', rosterKept: false });
    const typed = await errorOf('enterprises:create', {
      input: { name: '乙', areaId: L.areaId(), orgSetting: 'joint' },
    });
    expect(typed.code).toBe('VALIDATION');
  });

  test('saving refuses a duplicate name, a missing superior and a superior below itself', async () => {
    const top = await saveOrg('长乐镇两新组织党工委', 'committee', [], { host: 'locality' });
    const mid = await saveOrg('长安村企业联合党支部', 'joint-branch', [], { superiorOrgId: top.id });
    expect(
      await errorOf('partyOrgs:save', { input: orgInput('长安村企业联合党支部', 'branch'), enterpriseIds: [] }),
    ).toMatchObject({
      field: 'input.name',
      message: '已有名为“长安村企业联合党支部”的党组织，党组织名称不能重复',
    });
    expect(
      await errorOf('partyOrgs:save', {
        input: orgInput('新支部', 'branch', { superiorOrgId: 999 }),
        enterpriseIds: [],
      }),
    ).toMatchObject({ field: 'input.superiorOrgId' });
    const loop = await errorOf('partyOrgs:save', {
      id: top.id,
      input: orgInput('长乐镇两新组织党工委', 'committee', { host: 'locality', superiorOrgId: mid.id }),
      enterpriseIds: [],
    });
    expect(loop).toMatchObject({ field: 'input.superiorOrgId' });
    expect(loop.message).toContain('隶属于本党组织');
    const badDate = await errorOf('partyOrgs:save', {
      input: orgInput('新支部', 'branch', { foundedOn: '2020-05-01', termStartedOn: '2019-01-01' }),
      enterpriseIds: [],
    });
    expect(badDate).toMatchObject({
      field: 'input.termStartedOn',
      message: '本届选举日期不能早于成立日期（2020-05-01）',
    });
  });
});

describe('the organisation list', () => {
  test('counts members of the enterprises still in business, works out the term end and filters', async () => {
    const a = await enterprise('甲机械有限公司', { fullMembers: 4, probationaryMembers: 1 });
    const b = await enterprise('乙纺织有限公司', { fullMembers: 2 });
    const closed = await enterprise('丙电器有限公司', {
      fullMembers: 9,
      operatingStatus: 'deregistered',
      statusSince: '2025-01-01',
    });
    const joint = await saveOrg('长安村企业联合党支部', 'joint-branch', [a, b, closed], {
      termStartedOn: '2024-02-29',
    });
    await saveOrg('长乐镇两新组织党工委', 'committee', [], { host: 'locality', termStartedOn: '2023-05-01' });
    const items = await call<PartyOrgItem[]>('partyOrgs:list');
    expect(items.find((o) => o.id === joint.id)).toMatchObject({
      enterprises: 3,
      fullMembers: 6,
      probationaryMembers: 1,
      termEndsOn: '2027-02-28',
    });
    expect(items.find((o) => o.name === '长乐镇两新组织党工委')).toMatchObject({ termEndsOn: '2028-05-01' });
    expect((await call<PartyOrgItem[]>('partyOrgs:list', { hosts: ['locality'] })).map((o) => o.name)).toEqual([
      '长乐镇两新组织党工委',
    ]);
    expect(
      (await call<PartyOrgItem[]>('partyOrgs:list', { types: ['joint-branch', 'branch'] })).map((o) => o.id),
    ).toEqual([joint.id]);
  });
});

describe('deleting an organisation', () => {
  test('refused without a choice for its enterprises; unlink makes them 未建立; one undo restores all', async () => {
    const ids = [await enterprise('甲机械有限公司'), await enterprise('乙纺织有限公司')];
    const { id } = await saveOrg('长安村企业联合党支部', 'joint-branch', ids);
    const child = await saveOrg('甲机械有限公司团支部', 'branch', [], { superiorOrgId: id });

    const refused = await errorOf('partyOrgs:delete', { id });
    expect(refused).toMatchObject({ code: 'VALIDATION', field: 'enterprises' });
    expect(refused.message).toContain('还覆盖2家企业');
    expect(await org(id)).toMatchObject({ name: '长安村企业联合党支部' });

    await call('partyOrgs:delete', { id, enterprises: { kind: 'unlink' } });
    for (const e of ids) expect(await detail(e)).toMatchObject({ partyOrgId: null, orgSetting: 'none' });
    expect((await org(child.id)).superiorOrgId).toBeNull();
    expect((await errorOf('partyOrgs:get', { id })).code).toBe('NOT_FOUND');

    await undo('删除党组织“长安村企业联合党支部”，所属2家企业改为未建立党组织');
    for (const e of ids) expect(await detail(e)).toMatchObject({ partyOrgId: id, orgSetting: 'joint' });
    expect((await org(child.id)).superiorOrgId).toBe(id);
  });

  test('move puts its enterprises under the other organisation, whose type sets their 组织设置', async () => {
    const ids = [await enterprise('甲机械有限公司'), await enterprise('乙纺织有限公司')];
    const { id } = await saveOrg('长安村企业联合党支部', 'joint-branch', ids);
    const village = await saveOrg('中共长安村委员会', 'committee', [], { host: 'locality' });
    const single = await saveOrg('丙电器有限公司党支部', 'branch', []);

    const tooSmall = await errorOf('partyOrgs:delete', { id, enterprises: { kind: 'move', orgId: single.id } });
    expect(tooSmall).toMatchObject({ code: 'VALIDATION', field: 'enterprises.orgId' });
    expect(await errorOf('partyOrgs:delete', { id, enterprises: { kind: 'move', orgId: id } })).toMatchObject({
      field: 'enterprises.orgId',
    });

    await call('partyOrgs:delete', { id, enterprises: { kind: 'move', orgId: village.id } });
    for (const e of ids) {
      expect(await detail(e)).toMatchObject({ partyOrgId: village.id, orgSetting: 'attached' });
    }
    expect(await lastStep()).toMatchObject({
      action: '删除党组织“长安村企业联合党支部”，所属2家企业转入“中共长安村委员会”',
    });
  });

  test('an organisation covering nothing is deleted with its formation steps and their attachments', async () => {
    const { id } = await saveOrg('长安村企业联合党支部', 'joint-branch', []);
    const step = await call<FormationStep>('formationSteps:save', { orgId: id, step: 'request', doneOn: '2026-03-01' });
    await call('attachments:add', { ownerType: 'formation-step', ownerId: step.id, fileName: '请示.pdf', data: PDF });
    await call('partyOrgs:delete', { id });
    expect(await lastStep()).toMatchObject({ action: '删除党组织“长安村企业联合党支部”', records: 3 });
    await undo('删除党组织“长安村企业联合党支部”');
    const back = await org(id);
    expect(back.steps).toHaveLength(1);
    expect(back.steps[0]!.attachments.map((a) => a.fileName)).toEqual(['请示.pdf']);
  });
});

const base64 = (bytes: number[] | Buffer, filler = 64) =>
  Buffer.concat([Buffer.from(bytes), Buffer.alloc(filler, 0x20)]).toString('base64');
const PDF = base64(Buffer.from('%PDF-1.4\n'));
const JPG = base64([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const PNG = base64([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);

describe('formation steps', () => {
  test('a step is recorded once and saved again updates it; dates must follow the order of the steps', async () => {
    const { id } = await saveOrg('长安村企业联合党支部', 'joint-branch', []);
    const request = await call<FormationStep>('formationSteps:save', {
      orgId: id,
      step: 'request',
      doneOn: '2026-03-01',
      docNo: '长安〔2026〕1号',
    });
    expect(await lastStep()).toMatchObject({ action: '记录组建步骤“企业请示”（长安村企业联合党支部）', records: 1 });
    const again = await call<FormationStep>('formationSteps:save', {
      orgId: id,
      step: 'request',
      doneOn: '2026-03-02',
    });
    expect(again.id).toBe(request.id);
    expect(again).toMatchObject({ doneOn: '2026-03-02', docNo: '' });
    expect(await lastStep()).toMatchObject({ action: '修改组建步骤“企业请示”（长安村企业联合党支部）' });

    await call('formationSteps:save', { orgId: id, step: 'election', doneOn: '2026-04-10' });
    const early = await errorOf('formationSteps:save', { orgId: id, step: 'approval', doneOn: '2026-03-01' });
    expect(early).toMatchObject({
      code: 'VALIDATION',
      field: 'doneOn',
      message: '办理日期（2026-03-01）不能早于前一步骤“企业请示”的日期（2026-03-02）',
    });
    const late = await errorOf('formationSteps:save', { orgId: id, step: 'approval', doneOn: '2026-05-01' });
    expect(late.message).toBe('办理日期（2026-05-01）不能晚于后一步骤“党员大会选举”的日期（2026-04-10）');
    expect((await errorOf('formationSteps:save', { orgId: id, step: 'plaque', doneOn: '2027-01-01' })).field).toBe(
      'doneOn',
    );
    await call('formationSteps:save', { orgId: id, step: 'approval', doneOn: '2026-03-15' });
    expect((await org(id)).steps.map((s) => s.step)).toEqual(['request', 'approval', 'election']);
  });
});

describe('attachments', () => {
  async function step(): Promise<number> {
    const { id } = await saveOrg('长安村企业联合党支部', 'joint-branch', []);
    return (await call<FormationStep>('formationSteps:save', { orgId: id, step: 'request', doneOn: '2026-03-01' })).id;
  }
  const add = (ownerId: number, fileName: string, data: string) =>
    call<AttachmentMeta>('attachments:add', { ownerType: 'formation-step', ownerId, fileName, data });

  test('PDF, JPG and PNG are recognised by their content; the content comes back as stored', async () => {
    const owner = await step();
    const pdf = await add(owner, '请示.pdf', PDF);
    const jpg = await add(owner, '挂牌.jpg', JPG);
    const png = await add(owner, '扫描件', PNG);
    expect([pdf.mime, jpg.mime, png.mime]).toEqual(['application/pdf', 'image/jpeg', 'image/png']);
    expect(pdf).toMatchObject({ ownerType: 'formation-step', ownerId: owner, size: Buffer.from(PDF, 'base64').length });
    expect(await lastStep()).toMatchObject({ action: '添加附件“扫描件”（长安村企业联合党支部·企业请示）', records: 1 });
    const got = await call<{ meta: AttachmentMeta; mime: string; data: string }>('attachments:get', { id: jpg.id });
    expect(got).toEqual({ meta: jpg, mime: 'image/jpeg', data: JPG });
  });

  test('a text file renamed .pdf, an empty file and a file over 5 MB are refused with the reason', async () => {
    const owner = await step();
    const text = await errorOf('attachments:add', {
      ownerType: 'formation-step',
      ownerId: owner,
      fileName: '请示.pdf',
      data: Buffer.from('这是一个文本文件，不是PDF').toString('base64'),
    });
    expect(text).toMatchObject({ code: 'VALIDATION', field: 'data' });
    expect(text.message).toContain('不是PDF、JPG或PNG文件');
    const big = Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 0x20);
    Buffer.from('%PDF-').copy(big);
    const tooBig = await errorOf('attachments:add', {
      ownerType: 'formation-step',
      ownerId: owner,
      fileName: '全部扫描.pdf',
      data: big.toString('base64'),
    });
    expect(tooBig).toMatchObject({ code: 'VALIDATION', field: 'data' });
    expect(tooBig.message).toContain('超过5 MB的上限');
    expect(
      (await errorOf('attachments:add', { ownerType: 'formation-step', ownerId: owner, fileName: 'a.pdf', data: '' }))
        .field,
    ).toBe('data');
    expect((await org((await lastOrgId())!)).steps[0]!.attachments).toEqual([]);
  });

  test('the 21st attachment of one record is refused', async () => {
    const owner = await step();
    for (let i = 1; i <= 20; i++) await add(owner, `照片${i}.png`, base64(Buffer.from(PNG, 'base64'), i));
    const refused = await errorOf('attachments:add', {
      ownerType: 'formation-step',
      ownerId: owner,
      fileName: '照片21.png',
      data: PNG,
    });
    expect(refused).toMatchObject({ code: 'VALIDATION', field: 'data' });
    expect(refused.message).toContain('最多20个附件');
  });

  test('an attachment of a record that does not exist is refused', async () => {
    expect(
      (await errorOf('attachments:add', { ownerType: 'work-log', ownerId: 999, fileName: 'a.pdf', data: PDF })).code,
    ).toBe('NOT_FOUND');
  });

  test('delete and undo bring the attachment and its content back', async () => {
    const owner = await step();
    const pdf = await add(owner, '请示.pdf', PDF);
    await call('attachments:delete', { id: pdf.id });
    expect((await errorOf('attachments:get', { id: pdf.id })).code).toBe('NOT_FOUND');
    await undo('删除附件“请示.pdf”');
    expect(await call('attachments:get', { id: pdf.id })).toMatchObject({ data: PDF, meta: { fileName: '请示.pdf' } });
  });

  test('deleting a step removes its attachments in the same step', async () => {
    const owner = await step();
    await add(owner, '请示.pdf', PDF);
    await add(owner, '挂牌.jpg', JPG);
    await call('formationSteps:delete', { id: owner });
    expect(await lastStep()).toMatchObject({ action: '删除组建步骤“企业请示”（长安村企业联合党支部）', records: 3 });
  });

  async function lastOrgId(): Promise<number | undefined> {
    return (await call<PartyOrgItem[]>('partyOrgs:list'))[0]?.id;
  }
});
