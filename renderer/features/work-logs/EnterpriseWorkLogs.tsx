import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Statistic, Table } from 'antd';
import { useEffect, useState, type HTMLAttributes } from 'react';
import { localDate } from '../../../shared/domain/enterpriseRules';
import type { WorkLogRow } from '../../../shared/domain/party';
import type { Page } from '../../../shared/ipc/fields';
import { call } from '../../api/client';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useLedgerNav } from '../ledger/navigation';
import { workLogColumns } from './columns';
import { WorkLogDetail } from './WorkLogDetail';
import { WorkLogForm } from './WorkLogForm';

/** More than any one enterprise gathers in years of monthly visits; the totals below count this many at most. */
const LIMIT = 500;

interface Loaded {
  key: string;
  page: Page<WorkLogRow>;
  name: string;
}

/** The counts reports ask for, from the logs themselves. */
function totalsOf(rows: WorkLogRow[]) {
  return {
    visits: rows.filter((r) => r.kind === 'visit').length,
    suggestions: rows.reduce((n, r) => n + r.suggestions, 0),
    solved: rows.reduce((n, r) => n + r.problemsSolved, 0),
  };
}

/** An enterprise's 工作记录 tab: its logs newest first, the totals, and adding one for this enterprise. */
export function EnterpriseWorkLogs({
  enterpriseId,
  enterpriseName,
}: {
  enterpriseId: number;
  enterpriseName?: string;
}) {
  const nav = useLedgerNav();
  const showError = useErrorMessage();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [adding, setAdding] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const key = `${enterpriseId}#${nav.generation}`;
  const today = localDate(new Date());

  useEffect(() => {
    let live = true;
    const read = async () => {
      const page = await call('workLogs:list', { query: { enterpriseId }, limit: LIMIT });
      // The form for a new log shows the enterprise's name; without logs it is read from the enterprise.
      const name =
        enterpriseName ?? page.rows[0]?.enterpriseName ?? (await call('enterprises:get', { id: enterpriseId })).name;
      if (live) setLoaded({ key, page, name });
    };
    read().catch(showError);
    return () => {
      live = false;
    };
  }, [enterpriseId, enterpriseName, key, showError]);

  const current = loaded?.key === key ? loaded : null;
  const rows = current?.page.rows ?? [];
  const totals = totalsOf(rows);

  return (
    <div data-testid="enterprise-work-logs">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Space size="large" data-testid="work-log-totals">
          <Statistic title="走访" value={totals.visits} suffix="次" />
          <Statistic title="献计献策" value={totals.suggestions} suffix="条" />
          <Statistic title="解决实际问题" value={totals.solved} suffix="个" />
        </Space>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          disabled={nav.readOnly || !current}
          onClick={() => setAdding(true)}
          data-testid="enterprise-add-work-log"
        >
          新增记录
        </Button>
      </Flex>
      <Table
        rowKey="id"
        size="small"
        loading={!current}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={workLogColumns(today, false, setOpenId)}
        dataSource={rows}
        locale={{ emptyText: '暂无工作记录' }}
        onRow={(log) =>
          ({
            onClick: () => setOpenId(log.id),
            style: { cursor: 'pointer' },
            'data-testid': 'work-log-row',
            'data-id': log.id,
          }) as HTMLAttributes<HTMLElement>
        }
      />
      {adding && (
        <WorkLogForm
          logId={null}
          fixedEnterprise={{ id: enterpriseId, name: current?.name ?? '' }}
          onClose={() => setAdding(false)}
          onSaved={() => nav.changed()}
        />
      )}
      <WorkLogDetail id={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
