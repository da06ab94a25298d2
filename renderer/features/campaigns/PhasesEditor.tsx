import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Space, Table } from 'antd';
import { DateInput } from '../../components/DateInput';
import type { PhaseValue } from './phaseDates';

/**
 * The campaign's phases: name, 开始 and 结束 of each, in order. A form control (value/onChange), so the core's
 * refusal shows under the table. `onTemplate` fills the six phases of the 集中攻坚月 over the period.
 */
export function PhasesEditor({
  id,
  value,
  onChange,
  onTemplate,
}: {
  id?: string;
  value?: PhaseValue[];
  onChange?: (v: PhaseValue[]) => void;
  onTemplate: () => void;
}) {
  const rows = value ?? [];
  const patch = (i: number, p: Partial<PhaseValue>) => onChange?.(rows.map((r, j) => (j === i ? { ...r, ...p } : r)));
  return (
    <div id={id}>
      <Table<PhaseValue & { key: number }>
        size="small"
        pagination={false}
        dataSource={rows.map((r, key) => ({ ...r, key }))}
        locale={{ emptyText: '还没有阶段' }}
        data-testid="campaign-phases"
        columns={[
          { title: '', key: 'no', width: 36, render: (_v, _r, i) => i + 1 },
          {
            title: '阶段',
            dataIndex: 'name',
            render: (name: string, _r, i) => (
              <Input
                value={name}
                maxLength={30}
                aria-label={`第${i + 1}个阶段的名称`}
                onChange={(e) => patch(i, { name: e.target.value })}
              />
            ),
          },
          {
            title: '开始',
            dataIndex: 'startOn',
            width: 170,
            render: (d: string | null, _r, i) => (
              <DateInput
                value={d}
                aria-label={`第${i + 1}个阶段的开始日期`}
                onChange={(v) => patch(i, { startOn: v ?? null })}
              />
            ),
          },
          {
            title: '结束',
            dataIndex: 'endOn',
            width: 170,
            render: (d: string | null, _r, i) => (
              <DateInput
                value={d}
                aria-label={`第${i + 1}个阶段的结束日期`}
                onChange={(v) => patch(i, { endOn: v ?? null })}
              />
            ),
          },
          {
            key: 'remove',
            width: 44,
            render: (_v, _r, i) => (
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label="删除这个阶段"
                onClick={() => onChange?.(rows.filter((_, j) => j !== i))}
              />
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        <Button
          size="small"
          icon={<PlusOutlined />}
          disabled={rows.length >= 20}
          onClick={() => onChange?.([...rows, { name: '', startOn: rows.at(-1)?.endOn ?? null, endOn: null }])}
        >
          添加阶段
        </Button>
        <Button size="small" onClick={onTemplate} data-testid="campaign-template">
          套用集中攻坚月六个阶段
        </Button>
      </Space>
    </div>
  );
}
