import { Flex, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import type { CountyView } from '../../../shared/ipc/county';

const COUNTY = '__county__';

interface Row {
  line: number;
  item: string;
  cells: number[];
}

/** 党内统计: the form as exported (项目 × columns), for the whole county or one township picked from the list. */
export function PartyStatsTable({ view }: { view: CountyView }) {
  const [scope, setScope] = useState(COUNTY);
  const township = view.townships.find((t) => t.township === scope);
  const cells = township ? township.partyStats : view.county.partyStats;
  const rows: Row[] = view.partyStats.rows.map((item, i) => ({ line: i + 1, item, cells: cells[i] ?? [] }));

  return (
    <Flex vertical gap={12} data-testid="county-party-stats" data-scope={township ? township.township : '全县'}>
      <Flex align="center" gap={8}>
        <Typography.Text>统计范围</Typography.Text>
        <Select
          value={scope}
          onChange={setScope}
          style={{ width: 220 }}
          showSearch={{ optionFilterProp: 'label' }}
          options={[
            { value: COUNTY, label: '全县' },
            ...view.townships.map((t) => ({ value: t.township, label: t.township })),
          ]}
          data-testid="county-party-stats-scope"
        />
      </Flex>
      <Table<Row>
        size="small"
        bordered
        rowKey="line"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '序号', dataIndex: 'line', width: 60, align: 'center' },
          { title: '项目', dataIndex: 'item', width: 220 },
          ...view.partyStats.columns.map((title, c) => ({
            title,
            key: `c${c}`,
            align: 'right' as const,
            render: (_: unknown, r: Row) => r.cells[c] ?? 0,
          })),
        ]}
      />
    </Flex>
  );
}
