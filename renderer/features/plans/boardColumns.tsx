import { Typography, type TableColumnsType } from 'antd';
import { FORMATION_METHODS } from '../../../shared/domain/labels';
import type { PlanRow } from '../../../shared/domain/plans';
import { orDash } from '../../components/format';
import { OpenLink } from '../../components/OpenLink';
import { NextMilestone, PlanStatusTag } from './planLabels';

/** 专项行动 of a plan, or the year it belongs to when it is in none. */
export const campaignText = (p: { campaignName: string | null; year: number }) => p.campaignName ?? `${p.year}年度`;

/** The progress board's columns; an overdue plan carries a red bar at the start of its row. */
export function boardColumns(open: (id: number) => void): TableColumnsType<PlanRow> {
  return [
    {
      title: '企业名称',
      dataIndex: 'enterpriseName',
      width: 230,
      onCell: (r) => ({ style: r.overdue ? { boxShadow: 'inset 3px 0 0 #ff4d4f' } : undefined }),
      render: (name: string, r) => (
        <span data-col="name" data-overdue={r.overdue ? 'true' : 'false'}>
          <OpenLink onOpen={() => open(r.id)} testId="plan-open">
            {name}
          </OpenLink>
        </span>
      ),
    },
    { title: '所在区域', dataIndex: 'areaName', width: 120 },
    { title: '专项行动', key: 'campaign', width: 150, render: (_v, r) => campaignText(r) },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      render: (_v, r) => <PlanStatusTag status={r.status} />,
    },
    {
      title: '组建对策',
      dataIndex: 'method',
      width: 100,
      render: (_v, r) =>
        r.method ? FORMATION_METHODS[r.method] : <Typography.Text type="secondary">未定</Typography.Text>,
    },
    { title: '责任推进组', dataIndex: 'workGroupName', width: 130, render: (n: string | null) => n ?? '未分组' },
    { title: '责任人', dataIndex: 'responsible', width: 90, render: orDash },
    {
      title: '下一节点',
      key: 'next',
      width: 230,
      render: (_v, r) => (
        <span data-col="next">
          <NextMilestone next={r.nextMilestone} overdue={r.overdue} />
        </span>
      ),
    },
  ];
}

export const boardWidth = boardColumns(() => undefined).reduce(
  (sum, c) => sum + (typeof c.width === 'number' ? c.width : 0),
  0,
);
