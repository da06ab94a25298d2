import { Table, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import type { CountyIndicatorFigure, CountyView } from '../../../shared/ipc/county';
import { methodText } from '../../../shared/domain/fieldHelp';
import { percent, STATUS_LOOK, statusOf } from '../dashboard/status';
import { HelpTip } from '../help/HelpTip';
import { standardDefinition } from './figures';

interface Row {
  key: string;
  township: string;
  file: string;
  enterprises: number;
  indicators: CountyIndicatorFigure[];
}

function Rate({ figure, target, bold }: { figure: CountyIndicatorFigure; target: number | null; bold?: boolean }) {
  const status = statusOf(figure, target);
  return (
    <Typography.Text strong={bold} style={{ color: STATUS_LOOK[status].color }} data-status={status}>
      {figure.rate === null ? '—' : percent(figure.rate)}
    </Typography.Text>
  );
}

/** An indicator's column title with its 计算方法 on hover: the table shows rates without the cards' explanation. */
function MethodTitle({ indicatorKey, name }: { indicatorKey: string; name: string }) {
  const definition = standardDefinition(indicatorKey);
  return (
    <span>
      {name}
      {definition && <HelpTip text={methodText(definition, 'each-own')} testId={`method-tip-${indicatorKey}`} />}
    </span>
  );
}

/** 分乡镇指标: a row per township and the county's bold total, each indicator as 分子/分母/比例, sortable by rate. */
export function TownshipTable({ view }: { view: CountyView }) {
  const rows: Row[] = view.townships.map((t) => ({ key: t.township, ...t }));
  const county = view.county.indicators;
  const columns: TableColumnsType<Row> = [
    { title: '乡镇', dataIndex: 'township', fixed: 'left', width: 120 },
    { title: '文件', dataIndex: 'file', width: 160, ellipsis: true },
    {
      title: '企业数',
      dataIndex: 'enterprises',
      width: 90,
      align: 'right',
      sorter: (a, b) => a.enterprises - b.enterprises,
    },
    ...county.map((ind, i) => ({
      title: <MethodTitle indicatorKey={ind.key} name={ind.name} />,
      key: ind.key,
      children: [
        {
          title: '分子',
          key: `${ind.key}-n`,
          width: 70,
          align: 'right' as const,
          render: (_: unknown, r: Row) => r.indicators[i]!.numerator,
        },
        {
          title: '分母',
          key: `${ind.key}-d`,
          width: 70,
          align: 'right' as const,
          render: (_: unknown, r: Row) => r.indicators[i]!.denominator,
        },
        {
          title: '比例',
          key: `${ind.key}-r`,
          width: 80,
          align: 'right' as const,
          // A township with nothing to count sorts below every rate.
          sorter: (a: Row, b: Row) => (a.indicators[i]!.rate ?? -1) - (b.indicators[i]!.rate ?? -1),
          render: (_: unknown, r: Row) => <Rate figure={r.indicators[i]!} target={ind.target} />,
        },
      ],
    })),
  ];

  return (
    <Table<Row>
      size="small"
      bordered
      rowKey="key"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="county-township-table"
      onRow={(r) => ({ 'data-township': r.township }) as HTMLAttributes<HTMLElement>}
      summary={() => (
        <Table.Summary fixed="bottom">
          <Table.Summary.Row data-testid="county-total-row" style={{ fontWeight: 600 }}>
            <Table.Summary.Cell index={0}>全县合计</Table.Summary.Cell>
            <Table.Summary.Cell index={1}>{view.townships.length} 个乡镇</Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              {view.county.enterprises}
            </Table.Summary.Cell>
            {county.flatMap((ind, i) => [
              <Table.Summary.Cell key={`${ind.key}-n`} index={3 + i * 3} align="right">
                {ind.numerator}
              </Table.Summary.Cell>,
              <Table.Summary.Cell key={`${ind.key}-d`} index={4 + i * 3} align="right">
                {ind.denominator}
              </Table.Summary.Cell>,
              <Table.Summary.Cell key={`${ind.key}-r`} index={5 + i * 3} align="right">
                <Rate figure={ind} target={ind.target} bold />
              </Table.Summary.Cell>,
            ])}
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}
