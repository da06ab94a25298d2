import { Table, Tabs, Typography } from 'antd';
import type { IndicatorCount } from '../../../shared/domain/indicators';
import type { IndicatorChange, SnapshotComparison, SnapshotItem } from '../../../shared/ipc/stats';
import { HelpTip } from '../help/HelpTip';
import { EnterpriseRefTable } from './EnterpriseRefTable';
import { percent } from './status';

export function snapshotName(s: SnapshotItem): string {
  return s.label ? `${s.takenOn}（${s.label}）` : s.takenOn;
}

function countText(c: IndicatorCount | null): string {
  if (!c) return '（当时未启用）';
  return `${percent(c.rate)}（${c.numerator}/${c.denominator}）`;
}

/** The change of rate in percentage points, e.g. +2.3个百分点. */
function changeText(change: IndicatorChange): string {
  if (change.from?.rate == null || change.to?.rate == null) return '—';
  const points = Math.round((change.to.rate - change.from.rate) * 1000) / 10;
  return points === 0 ? '持平' : `${points > 0 ? '+' : ''}${points.toFixed(1)}个百分点`;
}

type MethodOf = (key: string) => string | null;

function IndicatorChanges({ changes, methodOf }: { changes: IndicatorChange[]; methodOf?: MethodOf }) {
  return (
    <Table<IndicatorChange>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={changes}
      onRow={(c) => ({ 'data-testid': 'compare-indicator', 'data-key': c.key }) as object}
      expandable={{
        rowExpandable: (c) => c.enteredGap.length + c.leftGap.length > 0,
        expandedRowRender: (c) => (
          <Tabs
            size="small"
            items={[
              {
                key: 'entered',
                label: `进入未覆盖的企业（${c.enteredGap.length}）`,
                children: <EnterpriseRefTable rows={c.enteredGap} testId="compare-entered-gap" />,
              },
              {
                key: 'left',
                label: `退出未覆盖的企业（${c.leftGap.length}）`,
                children: <EnterpriseRefTable rows={c.leftGap} testId="compare-left-gap" />,
              },
            ]}
          />
        ),
      }}
      columns={[
        {
          key: 'name',
          title: '指标',
          render: (_, c) => {
            const method = methodOf?.(c.key);
            return (
              <span>
                {c.name}
                {method && <HelpTip text={method} testId="compare-method" />}
              </span>
            );
          },
        },
        { key: 'from', title: '对比前', render: (_, c) => countText(c.from) },
        { key: 'to', title: '对比后', render: (_, c) => countText(c.to) },
        { key: 'change', title: '覆盖率变化', render: (_, c) => changeText(c) },
        { key: 'entered', title: '进入未覆盖', align: 'right', render: (_, c) => `${c.enteredGap.length} 家` },
        { key: 'left', title: '退出未覆盖', align: 'right', render: (_, c) => `${c.leftGap.length} 家` },
      ]}
    />
  );
}

/** Two moments side by side: each indicator from → to, and which enterprises changed between. */
export function SnapshotCompare({ comparison, methodOf }: { comparison: SnapshotComparison; methodOf?: MethodOf }) {
  const c = comparison;
  return (
    <div data-testid="snapshot-comparison">
      <Typography.Paragraph strong style={{ marginBottom: 8 }}>
        快照 {snapshotName(c.from)} → {c.to ? `快照 ${snapshotName(c.to)}` : '当前台账'}
      </Typography.Paragraph>
      <IndicatorChanges changes={c.indicators} methodOf={methodOf} />
      <Tabs
        style={{ marginTop: 12 }}
        items={[
          {
            key: 'newOrgs',
            label: `新建党组织的企业（${c.newOrgs.length}）`,
            children: <EnterpriseRefTable rows={c.newOrgs} testId="compare-new-orgs" />,
          },
          {
            key: 'lostOrgs',
            label: `不再有党组织的企业（${c.lostOrgs.length}）`,
            children: <EnterpriseRefTable rows={c.lostOrgs} testId="compare-lost-orgs" />,
          },
          {
            key: 'added',
            label: `新增的企业（${c.added.length}）`,
            children: <EnterpriseRefTable rows={c.added} testId="compare-added" />,
          },
          {
            key: 'removed',
            label: `减少的企业（${c.removed.length}）`,
            children: <EnterpriseRefTable rows={c.removed} testId="compare-removed" />,
          },
        ]}
      />
    </div>
  );
}
