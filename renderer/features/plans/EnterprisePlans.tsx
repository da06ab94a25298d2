import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { FORMATION_METHODS } from '../../../shared/domain/labels';
import type { PlanRow } from '../../../shared/domain/plans';
import { call } from '../../api/client';
import { KeyTable } from '../../components/KeyTable';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useLedgerNav } from '../ledger/navigation';
import { campaignText } from './boardColumns';
import { NextMilestone, PlanStatusTag } from './planLabels';

/**
 * 一企一策 on an enterprise's page: its plans, each opening on the 一企一策 tab, and 新建方案 for it. The board's
 * search finds the enterprise by name; only its own plans are kept.
 */
export function EnterprisePlans({ enterpriseId, enterpriseName }: { enterpriseId: number; enterpriseName: string }) {
  const nav = useLedgerNav();
  const showError = useErrorMessage();
  const [loaded, setLoaded] = useState<{ id: number; rows: PlanRow[] } | null>(null);
  const generation = nav.generation;

  useEffect(() => {
    let live = true;
    call('plans:list', { search: enterpriseName.slice(0, 50), limit: 500 }).then(
      (p) => live && setLoaded({ id: enterpriseId, rows: p.rows.filter((r) => r.enterpriseId === enterpriseId) }),
      showError,
    );
    return () => {
      live = false;
    };
  }, [enterpriseId, enterpriseName, generation, showError]);

  const rows = loaded?.id === enterpriseId ? loaded.rows : null;
  const open = (id: number) => nav.open({ kind: 'plan', id });

  return (
    <div data-testid="enterprise-plans">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">点方案在“一企一策”标签页打开。</Typography.Text>
        <Button
          icon={<PlusOutlined />}
          disabled={nav.readOnly}
          onClick={() => nav.open({ kind: 'newPlan', enterpriseId, enterpriseName })}
          data-testid="enterprise-plan-add"
        >
          新建方案
        </Button>
      </Flex>
      {!rows ? (
        <Spin />
      ) : rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有一企一策方案" />
      ) : (
        <KeyTable<PlanRow>
          rowTestId="enterprise-plan-row"
          dataSource={rows}
          onOpen={(r) => open(r.id)}
          pagination={false}
          columns={[
            { title: '专项行动', key: 'campaign', render: (_v, r) => campaignText(r) },
            { title: '状态', dataIndex: 'status', width: 90, render: (_v, r) => <PlanStatusTag status={r.status} /> },
            {
              title: '组建对策',
              dataIndex: 'method',
              width: 100,
              render: (_v, r) => (r.method ? FORMATION_METHODS[r.method] : '未定'),
            },
            { title: '责任人', dataIndex: 'responsible', width: 90 },
            {
              title: '下一节点',
              key: 'next',
              width: 240,
              render: (_v, r) => <NextMilestone next={r.nextMilestone} overdue={r.overdue} />,
            },
          ]}
        />
      )}
    </div>
  );
}
