import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Table, Typography } from 'antd';
import { DateInput } from '../../components/DateInput';
import type { MilestoneValue } from './planFormModel';
import { OverdueTag, today } from './planLabels';

/**
 * 节点: name, 期限 and 完成日期 of each step, in a small table. A step past its due date and not done is marked
 * 已逾期 while the plan is open. A form control (value/onChange), so a refusal shows under the table.
 */
export function MilestonesEditor({
  id,
  value,
  onChange,
  disabled,
  planOpen,
}: {
  id?: string;
  value?: MilestoneValue[];
  onChange?: (v: MilestoneValue[]) => void;
  disabled?: boolean;
  /** Neither 已完成 nor 搁置: only then is a late step 逾期. */
  planOpen: boolean;
}) {
  const rows = value ?? [];
  const now = today();
  const patch = (i: number, p: Partial<MilestoneValue>) =>
    onChange?.(rows.map((m, j) => (j === i ? { ...m, ...p } : m)));
  const late = (m: MilestoneValue) => planOpen && !m.doneOn && !!m.dueOn && m.dueOn < now;

  return (
    <div id={id}>
      <Table<MilestoneValue & { key: number }>
        size="small"
        pagination={false}
        dataSource={rows.map((m, key) => ({ ...m, key }))}
        locale={{ emptyText: '还没有节点' }}
        data-testid="plan-milestones"
        onRow={(m) => ({ 'data-testid': 'plan-milestone', 'data-overdue': late(m) ? 'true' : 'false' }) as object}
        columns={[
          {
            title: '节点',
            dataIndex: 'name',
            render: (name: string, _m, i) => (
              <Input
                value={name}
                disabled={disabled}
                maxLength={60}
                aria-label={`第${i + 1}个节点的名称`}
                onChange={(e) => patch(i, { name: e.target.value })}
              />
            ),
          },
          {
            title: '期限',
            dataIndex: 'dueOn',
            width: 230,
            render: (due: string | null, m, i) => (
              <div>
                <DateInput
                  value={due}
                  disabled={disabled}
                  status={late(m) ? 'error' : undefined}
                  aria-label={`第${i + 1}个节点的期限`}
                  onChange={(d) => patch(i, { dueOn: d ?? null })}
                />
                {late(m) && due && (
                  <div style={{ marginTop: 2 }}>
                    <OverdueTag due={due} />
                  </div>
                )}
              </div>
            ),
          },
          {
            title: '完成日期',
            dataIndex: 'doneOn',
            width: 170,
            render: (done: string | null, _m, i) => (
              <DateInput
                value={done}
                disabled={disabled}
                placeholder="未完成"
                aria-label={`第${i + 1}个节点的完成日期`}
                onChange={(d) => patch(i, { doneOn: d ?? null })}
              />
            ),
          },
          ...(disabled
            ? []
            : [
                {
                  key: 'remove',
                  width: 44,
                  render: (_v: unknown, _m: MilestoneValue, i: number) => (
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label="删除这个节点"
                      onClick={() => onChange?.(rows.filter((_, j) => j !== i))}
                    />
                  ),
                },
              ]),
        ]}
      />
      {!disabled && (
        <Button
          size="small"
          icon={<PlusOutlined />}
          style={{ marginTop: 8 }}
          disabled={rows.length >= 30}
          onClick={() => onChange?.([...rows, { name: '', dueOn: null, doneOn: null }])}
          data-testid="plan-milestone-add"
        >
          添加节点
        </Button>
      )}
      {rows.length > 0 && (
        <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
          期限不能早于方案的开始日期
        </Typography.Text>
      )}
    </div>
  );
}
