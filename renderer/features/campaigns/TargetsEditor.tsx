import { Alert, InputNumber, Table, Typography } from 'antd';
import type { Indicator } from '../../../shared/domain/indicators';
import { targetText } from '../indicators/clauses';
import type { TargetPercents } from './campaignTargets';

/**
 * 目标: each enabled indicator with the township's own target beside the campaign's, which the clerk may set (a
 * percent with one decimal) or leave blank to keep the township's. A form control (value/onChange).
 */
export function TargetsEditor({
  id,
  value,
  onChange,
  indicators,
  error,
}: {
  id?: string;
  value?: TargetPercents;
  onChange?: (v: TargetPercents) => void;
  /** The enabled indicators; null while they are read. */
  indicators: Indicator[] | null;
  /** Why they could not be read. */
  error: string | null;
}) {
  const percents = value ?? {};
  if (error) return <Alert type="error" showIcon title={error} />;
  return (
    <div id={id}>
      <Table<Indicator>
        size="small"
        rowKey="key"
        pagination={false}
        loading={indicators === null}
        dataSource={indicators ?? []}
        locale={{ emptyText: '没有启用的指标' }}
        data-testid="campaign-targets"
        onRow={(i) => ({ 'data-testid': 'campaign-target-row', 'data-key': i.key }) as object}
        columns={[
          { title: '指标', dataIndex: 'name' },
          {
            title: '全镇目标',
            key: 'own',
            width: 110,
            render: (_v, i) => <Typography.Text type="secondary">{targetText(i.target)}</Typography.Text>,
          },
          {
            title: '专项行动目标',
            key: 'campaign',
            width: 170,
            render: (_v, i) => (
              <InputNumber<number>
                min={0}
                max={100}
                suffix="%"
                placeholder="同全镇目标"
                value={percents[i.key] ?? null}
                aria-label={`${i.name}的专项行动目标`}
                onChange={(v) => onChange?.({ ...percents, [i.key]: v ?? null })}
                style={{ width: '100%' }}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
