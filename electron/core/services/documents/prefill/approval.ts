import { chineseDate } from '../../../../../shared/documents/dates';
import { AppError } from '../../../errors';
import { frame, type PrefillContext, type Prefilled } from './common';

interface EnterpriseFacts {
  name: string;
  fullMembers: number;
  probationaryMembers: number;
  orgId: number | null;
  orgName: string | null;
}

interface RequestStep {
  doneOn: string | null;
  docNo: string;
  note: string;
}

function enterpriseFacts(ctx: PrefillContext, id: number): EnterpriseFacts {
  const row = ctx.db
    .prepare(
      `SELECT e.name, e.full_members AS fullMembers, e.probationary_members AS probationaryMembers,
         o.id AS orgId, o.name AS orgName
       FROM enterprises e LEFT JOIN party_orgs o ON o.id = e.party_org_id WHERE e.id = ?`,
    )
    .get(id) as EnterpriseFacts | undefined;
  if (!row) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的企业，可能已被删除`, 'enterpriseId');
  return row;
}

function requestStep(ctx: PrefillContext, orgId: number | null): RequestStep | null {
  if (orgId === null) return null;
  const row = ctx.db
    .prepare(
      `SELECT done_on AS doneOn, doc_no AS docNo, note FROM formation_steps WHERE org_id = ? AND step = 'request'`,
    )
    .get(orgId) as RequestStep | undefined;
  return row ?? null;
}

/** The plan a 批复 belongs to: the enterprise's open plan, else its latest. */
function currentPlanId(ctx: PrefillContext, enterpriseId: number): number | null {
  const id = ctx.db
    .prepare(
      `SELECT id FROM plans WHERE enterprise_id = ?
       ORDER BY status IN ('draft', 'submitted', 'approved', 'in_progress') DESC, year DESC, id DESC LIMIT 1`,
    )
    .pluck()
    .get(enterpriseId) as number | undefined;
  return id ?? null;
}

/** 《…》 around the 请示's title as the clerk recorded it (the step's 备注), unless it already has them. */
function quotedTitle(title: string): string {
  const t = title.trim();
  return /^《.*》$/.test(t) ? t : `《${t}》`;
}

/** The opening line: cites the 请示 by title, number and date when the formation steps hold them. */
function citation(request: RequestStep | null): string {
  if (request === null || (request.note.trim() === '' && request.doneOn === null)) {
    return '你单位　　年　　月　　日报来的关于成立党支部的请示收悉。';
  }
  const title = request.note.trim() ? quotedTitle(request.note) : '关于成立党支部的请示';
  const number = request.docNo.trim() ? `（${request.docNo.trim()}）` : '';
  const when = request.doneOn ? `${chineseDate(request.doneOn)}报来的` : '';
  return `你单位${when}${title}${number}收悉。`;
}

/**
 * 关于同意成立××党支部的批复, answering the enterprise's 请示: cites it (from the formation step 'request' when
 * recorded), approves the organisation under the committee, states its members and what comes next — 选举 and the
 * results sent up for approval.
 */
export function approvalDraft(ctx: PrefillContext, enterpriseId: number | null): Prefilled {
  if (enterpriseId === null) throw new AppError('VALIDATION', '请选择要批复的企业', 'enterpriseId');
  const e = enterpriseFacts(ctx, enterpriseId);
  // 党章: a branch of its own needs 3 正式党员; with fewer the enterprise joins others in a 联合党支部, whose partners
  // the clerk names (the draft cannot know them until the organisation is recorded).
  const joint = e.orgName === null && e.fullMembers < 3;
  const orgName = e.orgName ?? (joint ? `${e.name}等企业联合党支部` : `${e.name}党支部`);
  const members = e.fullMembers + e.probationaryMembers;
  const who = e.orgName ?? e.name;
  const memberLine = joint
    ? `${e.name}现有正式党员${e.fullMembers}名，不足3名，与邻近企业联合组建党支部。`
    : e.probationaryMembers > 0
      ? `${who}现有党员${members}名，其中正式党员${e.fullMembers}名、预备党员${e.probationaryMembers}名。`
      : `${who}现有正式党员${e.fullMembers}名。`;
  const electWhat = e.fullMembers >= 7 ? '支部委员会和书记、副书记' : '支部书记（可设副书记）';
  const body = [
    `${citation(requestStep(ctx, e.orgId))}经镇党委研究，同意成立${orgName}，隶属${ctx.settings.committee}领导。`,
    memberLine,
    `请你单位接此批复后，按照《中国共产党章程》和党的基层组织选举工作的有关规定，在一个月内召开党员大会，选举产生${electWhat}，并将选举结果及时报镇党委审批。党组织成立后，要健全组织生活制度，加强党员教育管理，团结带领职工群众促进企业健康发展。`,
    '此复。',
  ].join('\n');
  const content = {
    ...frame(ctx, 'reply' as const),
    title: `关于同意成立${orgName}的批复`,
    addressees: e.orgName ?? e.name,
    body,
  };
  return { content, enterpriseId, planId: currentPlanId(ctx, enterpriseId), campaignId: null };
}
