import { Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { PLAN_STATUSES, type PlanStatus } from '../../../shared/domain/plans';
import type { planQuery } from '../../../shared/ipc/plans';
import { call } from '../../api/client';
import { useErrorMessage } from '../../components/useErrorMessage';
import type { z } from 'zod';

const STATUSES = Object.keys(PLAN_STATUSES) as PlanStatus[];

type Query = Omit<z.input<typeof planQuery>, 'statuses' | 'offset' | 'limit'>;

/**
 * How many plans stand in each status under the board's other filters, each a tag that also filters the board by
 * that status (several may be picked). One small count per status: the core counts, the board never guesses.
 */
export function StatusCounts({
  query,
  generation,
  value,
  onChange,
}: {
  query: Query;
  generation: number;
  value: PlanStatus[];
  onChange: (statuses: PlanStatus[]) => void;
}) {
  const showError = useErrorMessage();
  const [counts, setCounts] = useState<{ key: string; of: Record<PlanStatus, number> } | null>(null);
  const key = JSON.stringify([query, generation]);

  useEffect(() => {
    let live = true;
    Promise.all(STATUSES.map((s) => call('plans:list', { ...query, statuses: [s], limit: 1 }))).then(
      (pages) =>
        live &&
        setCounts({
          key,
          of: Object.fromEntries(STATUSES.map((s, i) => [s, pages[i]!.total])) as Record<PlanStatus, number>,
        }),
      showError,
    );
    return () => {
      live = false;
    };
    // The query is compared by what it holds (the key), not by identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, showError]);

  const toggle = (s: PlanStatus, on: boolean) =>
    onChange(on ? STATUSES.filter((x) => x === s || value.includes(x)) : value.filter((x) => x !== s));

  return (
    <Space size={[4, 4]} wrap data-testid="plan-status-counts" aria-label="按状态筛选">
      <Typography.Text type="secondary">状态：</Typography.Text>
      <Tag.CheckableTag checked={value.length === 0} onChange={() => onChange([])} data-testid="plan-status-all">
        全部
      </Tag.CheckableTag>
      {STATUSES.map((s) => (
        <Tag.CheckableTag
          key={s}
          checked={value.includes(s)}
          onChange={(on) => toggle(s, on)}
          data-testid="plan-status-count"
          data-status={s}
        >
          {PLAN_STATUSES[s]} <span data-testid="plan-status-number">{counts?.of[s] ?? '…'}</span>
        </Tag.CheckableTag>
      ))}
    </Space>
  );
}
