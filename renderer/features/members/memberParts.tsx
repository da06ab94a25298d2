import { Button, Space, Tag, Typography, type TableColumnsType } from 'antd';
import {
  EDUCATIONS,
  GENDERS,
  MEMBER_LOCATIONS,
  MEMBER_STATUSES,
  type Education,
  type Gender,
  type MemberLocation,
  type MemberStatus,
} from '../../../shared/domain/labels';
import type { MemberListRow } from '../../../shared/domain/party';
import { addDays } from '../../../shared/domain/partyRules';
import { REMINDER_WINDOWS } from '../../../shared/domain/reminders';
import { orDash } from '../../components/format';
import { OpenLink } from '../../components/OpenLink';
import { today } from '../party-orgs/orgLabels';

export const optionsOf = <K extends string>(labels: Readonly<Record<K, string>>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

export function MemberStatusTag({ status }: { status: MemberStatus }) {
  return <Tag color={status === 'full' ? 'red' : 'gold'}>{MEMBER_STATUSES[status]}</Tag>;
}

/** 转正日期 of a 预备党员, marked as the 转正 reminder does: due within its window, or overdue. */
export function ProbationEnd({ row }: { row: Pick<MemberListRow, 'status' | 'probationEndsOn'> }) {
  if (row.status !== 'probationary') return <>—</>;
  const due = row.probationEndsOn;
  if (!due) return <Typography.Text type="warning">未填入党时间</Typography.Text>;
  const now = today();
  if (due < now)
    return (
      <Typography.Text type="danger" strong data-due="overdue">
        {due}（已到期）
      </Typography.Text>
    );
  if (due <= addDays(now, REMINDER_WINDOWS.probationDays))
    return (
      <Typography.Text type="warning" strong data-due="soon">
        {due}
      </Typography.Text>
    );
  return <span>{due}</span>;
}

export interface RowActionHandlers {
  readOnly: boolean;
  onTransfer: (m: MemberListRow) => void;
  onDelete: (m: MemberListRow) => void;
}

/**
 * The columns of a member list. The township list adds 所在企业 (`enterprise`); an enterprise's roster, shown in
 * its drawer, leaves out what is read less often (`compact`).
 */
export function memberColumns(
  { readOnly, onTransfer, onDelete }: RowActionHandlers,
  { enterprise, compact = false }: { enterprise?: { onOpen: (id: number) => void }; compact?: boolean } = {},
): TableColumnsType<MemberListRow> {
  const columns: (TableColumnsType<MemberListRow>[number] | false)[] = [
    { title: '姓名', dataIndex: 'name', width: 90, render: (n: string) => <span data-col="name">{n}</span> },
    !compact && { title: '性别', dataIndex: 'gender', width: 50, render: (g: Gender | null) => (g ? GENDERS[g] : '—') },
    !compact && { title: '出生年月', dataIndex: 'birthMonth', width: 84, render: orDash },
    !!enterprise && {
      title: '所在企业',
      dataIndex: 'enterpriseName',
      width: 200,
      render: (name: string, m: MemberListRow) => (
        <OpenLink onOpen={() => enterprise.onOpen(m.enterpriseId)} testId="member-enterprise-open">
          {name}
        </OpenLink>
      ),
    },
    { title: '党员类别', dataIndex: 'status', width: 90, render: (s: MemberStatus) => <MemberStatusTag status={s} /> },
    { title: '入党时间', dataIndex: 'joinedOn', width: 100, render: orDash },
    { title: '转正日期', key: 'probationEndsOn', width: 130, render: (_, m) => <ProbationEnd row={m} /> },
    {
      title: '组织关系所在',
      dataIndex: 'location',
      width: 120,
      render: (l: MemberLocation) => MEMBER_LOCATIONS[l],
    },
    !compact && {
      title: '学历',
      dataIndex: 'education',
      width: 84,
      render: (e: Education | null) => (e ? EDUCATIONS[e] : '—'),
    },
    !compact && { title: '岗位/职务', dataIndex: 'position', width: 100, render: orDash },
    // Masked by the core, as the 身份证号 is; the member's form has 显示 for the full number.
    !compact && {
      title: '联系电话',
      dataIndex: 'phone',
      width: 116,
      render: (p: string) => <span data-col="phone">{orDash(p)}</span>,
    },
    {
      title: '身份证号',
      dataIndex: 'idNumberMasked',
      width: 170,
      render: (id: string | null) => (
        <span data-col="idNumber" style={{ fontFamily: 'monospace' }}>
          {id ?? '—'}
        </span>
      ),
    },
    !readOnly && {
      title: '操作',
      key: 'actions',
      width: 110,
      render: (_: unknown, m: MemberListRow) => (
        <Space size={0} onClick={(e) => e.stopPropagation()}>
          <Button type="link" size="small" onClick={() => onTransfer(m)} data-testid="member-transfer">
            转接
          </Button>
          <Button type="link" size="small" danger onClick={() => onDelete(m)} data-testid="member-delete">
            删除
          </Button>
        </Space>
      ),
    },
  ];
  return columns.filter((c) => c !== false);
}
