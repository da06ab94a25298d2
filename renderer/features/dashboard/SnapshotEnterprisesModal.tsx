import { Alert, Modal, Table } from 'antd';
import { useState } from 'react';
import { ORG_SETTINGS } from '../../../shared/domain/labels';
import type { IndicatorSelection, SnapshotEnterpriseRow } from '../../../shared/ipc/stats';
import { call } from '../../api/client';
import { count, orDash } from '../../components/format';
import { SizeBandTag } from '../ledger/labels';
import { useLoaded } from './useLoaded';

const PAGE_SIZE = 20;

export interface SnapshotPick {
  snapshotId: number;
  /** e.g. "2026-08-31（8月底报送）" */
  snapshotName: string;
  selection: IndicatorSelection;
  /** e.g. "有党员企业的组织覆盖率 · 未覆盖企业 · 长乐村" */
  label: string;
}

/** The enterprises behind a snapshot's number, as the snapshot froze them (they may have changed or gone since). */
export function SnapshotEnterprisesModal({ pick, onClose }: { pick: SnapshotPick; onClose: () => void }) {
  const [page, setPage] = useState(1);
  const key = `${pick.snapshotId}#${JSON.stringify(pick.selection)}#${page}`;
  const loaded = useLoaded(
    key,
    () =>
      call('stats:snapshotEnterprises', {
        snapshotId: pick.snapshotId,
        selection: pick.selection,
        offset: (page - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
      }),
    '读取快照中的企业失败，请重试',
  );
  const total = loaded.value?.total ?? 0;

  return (
    <Modal
      open
      width={1100}
      title={`${pick.label}（快照 ${pick.snapshotName}）`}
      footer={null}
      onCancel={onClose}
      data-testid="snapshot-enterprises"
    >
      {loaded.error && <Alert type="error" showIcon title={loaded.error} style={{ marginBottom: 8 }} />}
      <div
        data-testid="snapshot-enterprise-table"
        data-total={loaded.value ? total : ''}
        data-loading={String(loaded.loading)}
      >
        <Table<SnapshotEnterpriseRow>
          size="small"
          rowKey="id"
          loading={loaded.loading}
          dataSource={loaded.value?.rows ?? []}
          scroll={{ x: 1000 }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total,
            showSizeChanger: false,
            showTotal: (t) => `共 ${t} 家（快照时的情况）`,
            onChange: setPage,
          }}
          columns={[
            { key: 'name', title: '企业名称', dataIndex: 'name', width: 240 },
            { key: 'area', title: '所在区域', dataIndex: 'areaName', width: 110 },
            { key: 'workGroup', title: '推进组', render: (_, r) => r.workGroupName ?? '未分组', width: 110 },
            {
              key: 'sizeBand',
              title: '规模',
              render: (_, r) => <SizeBandTag band={r.sizeBand} revenueNeedsConfirming={false} />,
              width: 80,
            },
            { key: 'employees', title: '从业人员', align: 'right', render: (_, r) => count(r.employees), width: 80 },
            { key: 'members', title: '党员', align: 'right', dataIndex: 'members', width: 60 },
            { key: 'orgSetting', title: '组织设置', render: (_, r) => ORG_SETTINGS[r.orgSetting], width: 90 },
            { key: 'partyOrg', title: '所属党组织', render: (_, r) => orDash(r.partyOrgName), width: 220 },
            { key: 'instructor', title: '指导员', render: (_, r) => orDash(r.instructorName), width: 80 },
            { key: 'lastLog', title: '最近工作记录', render: (_, r) => orDash(r.lastLogOn), width: 110 },
          ]}
        />
      </div>
    </Modal>
  );
}
