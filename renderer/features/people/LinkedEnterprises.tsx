import { Table, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import type { LinkedEnterprise } from '../../../shared/ipc/people';
import { OrgSettingTag } from '../ledger/labels';
import { useLedgerNav } from '../ledger/navigation';
import { OpenLink } from '../../components/OpenLink';

/** Enterprises of a leader's 联系点 or a work group, each opening the enterprise. */
export function LinkedEnterprises({ enterprises, empty }: { enterprises: LinkedEnterprise[]; empty: string }) {
  const nav = useLedgerNav();
  const columns: TableColumnsType<LinkedEnterprise> = [
    {
      title: '企业',
      dataIndex: 'name',
      render: (name: string, e) => (
        <OpenLink onOpen={() => nav.open({ kind: 'enterprise', id: e.id })} testId="linked-enterprise-link">
          {name}
        </OpenLink>
      ),
    },
    { title: '所在区域', dataIndex: 'areaName' },
    { title: '组织设置', dataIndex: 'orgSetting', render: (_, e) => <OrgSettingTag value={e.orgSetting} /> },
    {
      title: '党员',
      key: 'members',
      align: 'right',
      render: (_, e) =>
        e.probationaryMembers > 0 ? `${e.fullMembers}+${e.probationaryMembers}名` : `${e.fullMembers}名`,
    },
    {
      title: '最近走访',
      dataIndex: 'lastVisitOn',
      render: (d: string | null) =>
        d ? <span data-col="lastVisitOn">{d}</span> : <Typography.Text type="secondary">未走访</Typography.Text>,
    },
  ];
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={enterprises}
      locale={{ emptyText: empty }}
      data-testid="linked-enterprises"
      onRow={(e) => ({ 'data-testid': 'linked-enterprise-row', 'data-id': e.id }) as HTMLAttributes<HTMLElement>}
    />
  );
}
