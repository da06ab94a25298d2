import { Table, type TableProps } from 'antd';
import { useEffect, useState } from 'react';
import { ENTERPRISE_KINDS } from '../../../shared/domain/labels';
import type { EnterpriseListRow } from '../../../shared/domain/enterprise';
import type { EnterprisePage, EnterpriseSortKey } from '../../../shared/ipc/enterprises';
import { call } from '../../api/client';
import { count, money, orDash } from '../../components/format';
import { useErrorMessage } from '../../components/useErrorMessage';
import { OrgSettingTag, SizeBandTag, StatusTag } from './labels';

interface Query {
  page: number;
  pageSize: number;
  sortBy: EnterpriseSortKey;
  sortOrder: 'asc' | 'desc';
}

const SORTABLE = new Set<string>(['name', 'areaName', 'employees', 'revenue', 'fullMembers']);

/** The ledger list: read-only for now, paged and sorted by the core so it stays quick at any size. */
export function EnterpriseTable({ onOpen }: { onOpen: (id: number) => void }) {
  const [query, setQuery] = useState<Query>({
    page: 1,
    pageSize: 50,
    sortBy: 'id',
    sortOrder: 'asc',
  });
  // The sort the shown rows were fetched with: tests (and screen readers) can tell stale rows from fresh ones.
  const [data, setData] = useState<(EnterprisePage & { sort: string }) | null>(null);
  const [loading, setLoading] = useState(false);
  const showError = useErrorMessage();

  useEffect(() => {
    let live = true;
    call('enterprises:list', {
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
      sortBy: query.sortBy,
      sortOrder: query.sortOrder,
    })
      .then((page) => live && setData({ ...page, sort: `${query.sortBy}:${query.sortOrder}` }), showError)
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [query, showError]);

  const sortOrderOf = (key: EnterpriseSortKey) =>
    query.sortBy === key ? (query.sortOrder === 'asc' ? ('ascend' as const) : ('descend' as const)) : null;

  const columns: TableProps<EnterpriseListRow>['columns'] = [
    {
      title: '序号',
      key: 'index',
      width: 64,
      render: (_v, _r, i) => (query.page - 1) * query.pageSize + i + 1,
    },
    {
      title: '企业名称',
      dataIndex: 'name',
      key: 'name',
      width: 280,
      sorter: true,
      sortOrder: sortOrderOf('name'),
      ellipsis: true,
    },
    {
      title: '统一社会信用代码',
      dataIndex: 'uscc',
      key: 'uscc',
      width: 190,
      render: (v: string | null) => orDash(v),
    },
    {
      title: '类型',
      dataIndex: 'kind',
      key: 'kind',
      width: 110,
      render: (v: EnterpriseListRow['kind']) => ENTERPRISE_KINDS[v],
    },
    {
      title: '所在区域',
      dataIndex: 'areaName',
      key: 'areaName',
      width: 140,
      sorter: true,
      sortOrder: sortOrderOf('areaName'),
    },
    {
      title: '从业人员',
      dataIndex: 'employees',
      key: 'employees',
      width: 100,
      align: 'right',
      sorter: true,
      sortOrder: sortOrderOf('employees'),
      render: (v: number | null) => count(v),
    },
    {
      title: '营业收入',
      dataIndex: 'revenue',
      key: 'revenue',
      width: 130,
      align: 'right',
      sorter: true,
      sortOrder: sortOrderOf('revenue'),
      render: (v: number | null) => money(v),
    },
    {
      title: '规模类别',
      key: 'sizeBand',
      width: 150,
      render: (_v, r) => <SizeBandTag band={r.sizeBand} revenueNeedsConfirming={r.revenueNeedsConfirming} />,
    },
    {
      title: '党员（正式/预备）',
      key: 'fullMembers',
      width: 140,
      align: 'right',
      sorter: true,
      sortOrder: sortOrderOf('fullMembers'),
      render: (_v, r) => `${r.fullMembers} / ${r.probationaryMembers}`,
    },
    {
      title: '组织设置',
      dataIndex: 'orgSetting',
      key: 'orgSetting',
      width: 100,
      render: (v: EnterpriseListRow['orgSetting']) => <OrgSettingTag value={v} />,
    },
    {
      title: '经营状况',
      dataIndex: 'operatingStatus',
      key: 'operatingStatus',
      width: 90,
      render: (v: EnterpriseListRow['operatingStatus']) => <StatusTag value={v} />,
    },
  ];

  return (
    <div data-testid="enterprise-table" data-loading={loading ? 'true' : 'false'} data-sort={data?.sort ?? ''}>
      <Table<EnterpriseListRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.rows ?? []}
        loading={loading}
        scroll={{ x: 1500 }}
        onRow={(r) => ({
          onClick: () => onOpen(r.id),
          style: { cursor: 'pointer' },
        })}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => `共 ${total} 家`,
        }}
        onChange={(pagination, _filters, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const key =
            typeof s?.columnKey === 'string' && SORTABLE.has(s.columnKey) && s.order
              ? (s.columnKey as EnterpriseSortKey)
              : 'id';
          setQuery({
            page: pagination.current ?? 1,
            pageSize: pagination.pageSize ?? 50,
            sortBy: key,
            sortOrder: s?.order === 'descend' ? 'desc' : 'asc',
          });
        }}
      />
    </div>
  );
}
