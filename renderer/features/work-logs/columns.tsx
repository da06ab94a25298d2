import { Tag, Typography, type TableColumnsType } from 'antd';
import { WORK_LOG_KINDS, type WorkLogKind } from '../../../shared/domain/labels';
import type { WorkLogRow } from '../../../shared/domain/party';
import { OpenLink } from '../../components/OpenLink';
import { DueDate } from '../people/common';

const KIND_COLORS: Record<WorkLogKind, string> = {
  visit: 'blue',
  forum: 'cyan',
  'org-activity': 'red',
  assistance: 'orange',
  training: 'purple',
  other: 'default',
};

export function KindTag({ kind }: { kind: WorkLogKind }) {
  return <Tag color={KIND_COLORS[kind]}>{WORK_LOG_KINDS[kind]}</Tag>;
}

/** Long text cut to one line in a list; the whole of it is in the record. */
function Clipped({ text }: { text: string }) {
  if (!text.trim()) return <>—</>;
  return (
    <Typography.Text ellipsis={{ tooltip: text }} style={{ maxWidth: 220 }}>
      {text}
    </Typography.Text>
  );
}

/**
 * The columns of a list of work logs. `withEnterprise` is false on an enterprise's own page, where every row is
 * the same enterprise. The date opens the log (a link, so the keyboard reaches it).
 */
export function workLogColumns(
  today: string,
  withEnterprise: boolean,
  onOpen: (id: number) => void,
): TableColumnsType<WorkLogRow> {
  return [
    {
      title: '日期',
      dataIndex: 'heldOn',
      width: 110,
      render: (d: string, log) => (
        <span data-col="heldOn">
          <OpenLink onOpen={() => onOpen(log.id)} nowrap>
            {d}
          </OpenLink>
        </span>
      ),
    },
    ...(withEnterprise
      ? [
          {
            title: '企业',
            dataIndex: 'enterpriseName',
            render: (name: string) => <span data-col="enterpriseName">{name}</span>,
          },
        ]
      : []),
    { title: '类型', dataIndex: 'kind', width: 100, render: (k: WorkLogKind) => <KindTag kind={k} /> },
    { title: '指导员', dataIndex: 'instructorName', width: 90, render: (n: string | null) => n ?? '—' },
    { title: '参加人', dataIndex: 'participants', render: (s: string) => <Clipped text={s} /> },
    { title: '反映问题', dataIndex: 'problems', render: (s: string) => <Clipped text={s} /> },
    { title: '献计献策', dataIndex: 'suggestions', align: 'right', width: 80, render: (n: number) => `${n}条` },
    { title: '解决问题', dataIndex: 'problemsSolved', align: 'right', width: 80, render: (n: number) => `${n}个` },
    {
      title: '跟进期限',
      dataIndex: 'followUpOn',
      width: 150,
      render: (d: string | null, log) => (
        <span data-col="followUpOn">
          <DueDate due={d} today={today} done={log.followUpDone} />
        </span>
      ),
    },
    { title: '附件', dataIndex: 'attachments', align: 'right', width: 60, render: (n: number) => (n ? `${n}个` : '—') },
  ];
}
