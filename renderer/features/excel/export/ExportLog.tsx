import { Alert, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { REPORTS } from '../../../../shared/excel/kinds';
import type { ExportRecord } from '../../../../shared/ipc/exports';
import { call } from '../../../api/client';
import { useLoaded } from '../../dashboard/useLoaded';

const reportName = (r: ExportRecord) => (r.report === 'template' ? '按上级模板填报' : REPORTS[r.report]);

/** 导出记录: what left the ledger, when, how many rows, and whether personal data went out in full. */
export function ExportLog({ version }: { version: number }) {
  const log = useLoaded(String(version), () => call('exports:log', {}), '读取导出记录失败，请重试');
  return (
    <div data-testid="export-log" data-loading={String(log.loading)}>
      {log.error && <Alert type="error" showIcon title={log.error} style={{ marginBottom: 8 }} />}
      <Table<ExportRecord>
        size="small"
        rowKey="id"
        dataSource={log.value ?? []}
        loading={log.loading && !log.value}
        pagination={(log.value?.length ?? 0) > 10 ? { pageSize: 10, showSizeChanger: false, size: 'small' } : false}
        onRow={(r) => ({ 'data-testid': 'export-log-row', 'data-report': r.report }) as object}
        locale={{ emptyText: '还没有导出过' }}
        columns={[
          {
            key: 'at',
            title: '时间',
            dataIndex: 'at',
            width: 150,
            render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
          },
          { key: 'report', title: '报表', render: (_, r) => reportName(r), ellipsis: true },
          { key: 'scope', title: '范围', dataIndex: 'scope', width: 140, ellipsis: true },
          { key: 'fileName', title: '文件', dataIndex: 'fileName', ellipsis: true },
          { key: 'rows', title: '行数', dataIndex: 'rows', width: 80, align: 'right' },
          {
            key: 'unmasked',
            title: '含完整个人信息',
            dataIndex: 'unmasked',
            width: 130,
            render: (u: boolean) => (u ? <Tag color="red">是</Tag> : '否'),
          },
          { key: 'actor', title: '操作人', dataIndex: 'actor', width: 100, ellipsis: true },
        ]}
      />
    </div>
  );
}
