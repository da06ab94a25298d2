import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { App, Button, Space, Switch, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { describeCondition, type Indicator } from '../../../shared/domain/indicators';
import type { IndicatorInput } from '../../../shared/ipc/stats';
import { call } from '../../api/client';
import { targetText } from './clauses';

/** Everything a clerk edits, as indicators:save takes it: switching one on or off sends the rest unchanged. */
const inputOf = ({ name, denominator, numerator, target, note, enabled }: Indicator): IndicatorInput => ({
  name,
  denominator,
  numerator,
  target,
  note,
  enabled,
});

interface Props {
  indicators: Indicator[];
  readOnly: boolean;
  onEdit: (indicator: Indicator) => void;
  /** After a write, with the list as it now is. */
  onListChanged: (list: Indicator[]) => void;
  onError: (e: unknown) => void;
}

/**
 * The indicators in the dashboard's order, each with how it is computed and its target. 启用 saves at once; a disabled
 * indicator is greyed. Only the clerk's own can be deleted; a default can be restored to its definition instead.
 */
export function IndicatorTable({ indicators, readOnly, onEdit, onListChanged, onError }: Props) {
  const { modal, message } = App.useApp();
  // The indicator a write is under way for: its controls wait, the others stay usable.
  const [busyId, setBusyId] = useState<number | null>(null);

  const run = async (id: number, write: () => Promise<Indicator[]>) => {
    setBusyId(id);
    try {
      onListChanged(await write());
    } catch (e) {
      onError(e);
    } finally {
      setBusyId(null);
    }
  };
  const replaced = (one: Indicator) => indicators.map((i) => (i.id === one.id ? one : i));

  const toggle = (indicator: Indicator, enabled: boolean) =>
    run(indicator.id, async () => {
      const saved = await call('indicators:save', { id: indicator.id, input: { ...inputOf(indicator), enabled } });
      void message.success(`已${enabled ? '启用' : '停用'}指标“${saved.name}”`);
      return replaced(saved);
    });

  const move = (indicator: Indicator, direction: 'up' | 'down') =>
    run(indicator.id, () => call('indicators:move', { id: indicator.id, direction }));

  const remove = (indicator: Indicator) =>
    modal.confirm({
      title: `删除指标“${indicator.name}”？`,
      content: '首页将不再统计这项指标。只想暂时不看，可以关闭“启用”。',
      okText: '删除',
      okType: 'danger',
      cancelText: '取消',
      onOk: () =>
        run(indicator.id, async () => {
          await call('indicators:delete', { id: indicator.id });
          void message.success(`已删除指标“${indicator.name}”`);
          return indicators.filter((i) => i.id !== indicator.id);
        }),
    });

  const restore = (indicator: Indicator) =>
    modal.confirm({
      title: `将“${indicator.name}”恢复为默认？`,
      content: '名称、分母和分子条件、目标值和说明将改回规定的口径，对它所做的修改将丢失。',
      okText: '恢复默认',
      cancelText: '取消',
      onOk: () =>
        run(indicator.id, async () => {
          const restored = await call('indicators:restoreDefault', { id: indicator.id });
          void message.success(`已将“${restored.name}”恢复为默认`);
          return replaced(restored);
        }),
    });

  const last = indicators.length - 1;
  // A disabled indicator's description is greyed; its switch and buttons are not, as they still work.
  const greyedWhenOff = (i: Indicator) => ({ style: i.enabled ? undefined : { opacity: 0.5 } });
  const columns: TableColumnsType<Indicator> = [
    { title: '序号', key: 'order', onCell: greyedWhenOff, width: 56, align: 'center', render: (_v, _r, at) => at + 1 },
    {
      title: '指标名称',
      key: 'name',
      onCell: greyedWhenOff,
      width: 260,
      render: (_v, i) => (
        <Space orientation="vertical" size={0}>
          <span>
            {i.name} {i.builtin ? <Tag>默认</Tag> : <Tag color="blue">自定义</Tag>}
            {!i.enabled && <Tag data-testid="indicator-disabled-tag">已停用</Tag>}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            编号 {i.key}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '计算方法（分母 → 分子）',
      key: 'method',
      onCell: greyedWhenOff,
      render: (_v, i) => (
        <Space orientation="vertical" size={0} data-testid="indicator-method">
          <span>
            {describeCondition(i.denominator)} → {describeCondition(i.numerator)}
          </span>
          {i.note && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {i.note}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: '目标',
      key: 'target',
      onCell: greyedWhenOff,
      width: 84,
      align: 'right',
      render: (_v, i) => <span data-testid="indicator-target">{targetText(i.target)}</span>,
    },
    {
      title: '启用',
      key: 'enabled',
      width: 64,
      align: 'center',
      render: (_v, i) => (
        <Switch
          size="small"
          checked={i.enabled}
          disabled={readOnly || busyId !== null}
          loading={busyId === i.id}
          onChange={(on) => void toggle(i, on)}
          aria-label={`启用“${i.name}”`}
          data-testid="indicator-enabled"
        />
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: readOnly ? 72 : 236,
      render: (_v, i, at) => (
        <Space size={0}>
          {!readOnly && (
            <>
              <Tooltip title="上移">
                <Button
                  type="text"
                  size="small"
                  icon={<ArrowUpOutlined />}
                  disabled={at === 0 || busyId !== null}
                  onClick={() => void move(i, 'up')}
                  aria-label={`上移“${i.name}”`}
                  data-testid="indicator-up"
                />
              </Tooltip>
              <Tooltip title="下移">
                <Button
                  type="text"
                  size="small"
                  icon={<ArrowDownOutlined />}
                  disabled={at === last || busyId !== null}
                  onClick={() => void move(i, 'down')}
                  aria-label={`下移“${i.name}”`}
                  data-testid="indicator-down"
                />
              </Tooltip>
            </>
          )}
          <Button type="link" size="small" onClick={() => onEdit(i)} data-testid="indicator-edit">
            {readOnly ? '查看' : '编辑'}
          </Button>
          {!readOnly &&
            (i.builtin ? (
              <Button
                type="link"
                size="small"
                disabled={busyId !== null}
                onClick={() => restore(i)}
                data-testid="indicator-restore"
              >
                恢复默认
              </Button>
            ) : (
              <Button
                type="link"
                size="small"
                danger
                disabled={busyId !== null}
                onClick={() => remove(i)}
                data-testid="indicator-delete"
              >
                删除
              </Button>
            ))}
        </Space>
      ),
    },
  ];

  return (
    <Table<Indicator>
      size="small"
      rowKey="id"
      pagination={false}
      columns={columns}
      dataSource={indicators}
      onRow={(i) =>
        ({
          'data-testid': 'indicator-row',
          'data-key': i.key,
          'data-enabled': i.enabled,
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
