import { App, Table } from 'antd';
import type { EnterpriseRef } from '../../../shared/ipc/stats';
import { ApiError, call } from '../../api/client';
import { OpenLink } from '../../components/OpenLink';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useLedgerNav } from '../ledger/navigation';

/**
 * Enterprises named by a comparison. Each opens its record when it is still in the ledger (a 注销 one that left the
 * count is still there); one deleted since says so instead.
 */
export function EnterpriseRefTable({ rows, testId }: { rows: EnterpriseRef[]; testId: string }) {
  const nav = useLedgerNav();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const open = (ref: EnterpriseRef) =>
    call('enterprises:get', { id: ref.id }).then(
      () => nav.open({ kind: 'enterprise', id: ref.id }),
      (e: unknown) => {
        if (e instanceof ApiError && e.code === 'NOT_FOUND') void message.info(`“${ref.name}”已不在台账中`);
        else showError(e);
      },
    );
  return (
    <div data-testid={testId} data-count={rows.length}>
      <Table<EnterpriseRef>
        size="small"
        rowKey="id"
        dataSource={rows}
        locale={{ emptyText: '没有' }}
        pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false, size: 'small' } : false}
        columns={[
          {
            key: 'name',
            title: '企业名称',
            render: (_, r) => <OpenLink onOpen={() => void open(r)}>{r.name}</OpenLink>,
          },
          { key: 'area', title: '所在区域', dataIndex: 'areaName', width: 140 },
        ]}
      />
    </div>
  );
}
