import { DeleteOutlined, EyeOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Select,
  Space,
  Spin,
  Table,
  Tooltip,
  Typography,
  type ButtonProps,
} from 'antd';
import { memo, useState } from 'react';
import type { SnapshotComparison, SnapshotItem } from '../../../shared/ipc/stats';
import { call } from '../../api/client';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useLedgerNav } from '../ledger/navigation';
import { SnapshotCompare, snapshotName } from './SnapshotCompare';
import { useLoaded } from './useLoaded';

/** 当前台账 in the "to" choice. */
const NOW = 0;

interface Props {
  snapshots: SnapshotItem[];
  /** The snapshot whose figures the dashboard shows, if any. */
  viewing: number | null;
  onView(id: number): void;
  /** Why no snapshot can be viewed now (the figures are a campaign's), or null. */
  viewBlocked?: string | null;
  /** After a snapshot was deleted: the list and trend are read again. */
  onDeleted(id: number): void;
  /** An indicator's 计算方法, shown beside its name in a comparison; null when not known. */
  methodOf?: (key: string) => string | null;
}

/** The snapshots taken, newest first: view one, delete one, or compare two (or one with the ledger as it is now). */
export const SnapshotsPanel = memo(function SnapshotsPanel({
  snapshots,
  viewing,
  onView,
  viewBlocked = null,
  onDeleted,
  methodOf,
}: Props) {
  const nav = useLedgerNav();
  const { modal, message } = App.useApp();
  const showError = useErrorMessage();
  const [fromId, setFromId] = useState<number | null>(null);
  const [toId, setToId] = useState<number>(NOW);
  // Once asked for, the comparison follows the choices and (against 当前台账) every change to the ledger.
  const [wanted, setWanted] = useState(false);

  // Choices that name a snapshot deleted since fall back to the newest and 当前台账.
  const known = (id: number | null) => id !== null && snapshots.some((s) => s.id === id);
  const from = known(fromId) ? fromId : (snapshots[0]?.id ?? null);
  const to = toId !== NOW && known(toId) ? toId : NOW;
  const key = wanted && from !== null ? `${from}→${to}@${to === NOW ? nav.generation : ''}` : 'none';
  const compared = useLoaded<SnapshotComparison | null>(
    key,
    () =>
      from === null || key === 'none'
        ? Promise.resolve(null)
        : call('snapshots:compare', { fromId: from, ...(to === NOW ? {} : { toId: to }) }),
    '对比失败，请重试',
  );

  const remove = (s: SnapshotItem) =>
    modal.confirm({
      title: `删除快照“${snapshotName(s)}”？`,
      content: '快照中冻结的各项指标和企业情况将一并删除，不能恢复。',
      okText: '删除',
      okButtonProps: { danger: true, 'data-testid': 'snapshot-delete-ok' } as ButtonProps,
      cancelText: '取消',
      onOk: () =>
        call('snapshots:delete', { id: s.id }).then(() => {
          void message.success('已删除快照');
          onDeleted(s.id);
        }, showError),
    });

  const options = snapshots.map((s) => ({ value: s.id, label: snapshotName(s) }));

  return (
    <Card size="small" title="统计快照" data-testid="snapshots-panel">
      {snapshots.length === 0 ? (
        <Empty description="还没有统计快照。报送前点“生成快照”，冻结当时的各项指标，以后可以查看、对比" />
      ) : (
        <>
          <Table<SnapshotItem>
            size="small"
            rowKey="id"
            dataSource={snapshots}
            pagination={snapshots.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            onRow={(s) => ({ 'data-testid': 'snapshot-row', 'data-id': s.id }) as object}
            rowClassName={(s) => (s.id === viewing ? 'ant-table-row-selected' : '')}
            columns={[
              { key: 'takenOn', title: '快照日期', dataIndex: 'takenOn', width: 120 },
              { key: 'label', title: '名称', render: (_, s) => s.label || '—' },
              {
                key: 'enterprises',
                title: '企业',
                align: 'right',
                render: (_, s) => `${s.enterprises} 家`,
                width: 100,
              },
              {
                key: 'createdAt',
                title: '生成时间',
                render: (_, s) => s.createdAt.slice(0, 16).replace('T', ' '),
                width: 160,
              },
              {
                key: 'actions',
                title: '',
                width: 150,
                render: (_, s) => (
                  <Space size={0}>
                    <Tooltip title={viewBlocked ?? undefined}>
                      <Button
                        type="link"
                        size="small"
                        icon={<EyeOutlined />}
                        disabled={viewBlocked !== null}
                        onClick={() => onView(s.id)}
                      >
                        查看
                      </Button>
                    </Tooltip>
                    {!nav.readOnly && (
                      <Button
                        type="link"
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => remove(s)}
                        data-testid="snapshot-delete"
                      >
                        删除
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
          <Flex align="center" gap={8} wrap style={{ margin: '16px 0 12px' }}>
            <Typography.Text strong>对比</Typography.Text>
            <Select
              aria-label="对比前"
              value={from}
              onChange={setFromId}
              options={options}
              style={{ width: 220 }}
              data-testid="compare-from"
            />
            <span>→</span>
            <Select
              aria-label="对比后"
              value={to}
              onChange={setToId}
              options={[{ value: NOW, label: '当前台账' }, ...options.filter((o) => o.value !== from)]}
              style={{ width: 220 }}
              data-testid="compare-to"
            />
            {!wanted && (
              <Button onClick={() => setWanted(true)} data-testid="compare-run">
                对比
              </Button>
            )}
          </Flex>
          {wanted && compared.loading && <Spin />}
          {compared.error && <Alert type="error" showIcon title={compared.error} />}
          {wanted && !compared.loading && !compared.error && compared.value && (
            <SnapshotCompare comparison={compared.value} methodOf={methodOf} />
          )}
        </>
      )}
    </Card>
  );
});
