import { Tag, Typography } from 'antd';
import { localDate } from '../../../shared/domain/enterpriseRules';
import { PLAN_STATUSES, type PlanStatus } from '../../../shared/domain/plans';

/** One colour per status, so the board reads at a glance: grey 草拟, gold waiting, blues under way, green done. */
export const PLAN_STATUS_COLORS: Record<PlanStatus, string> = {
  draft: 'default',
  submitted: 'gold',
  approved: 'geekblue',
  in_progress: 'cyan',
  done: 'green',
  shelved: 'purple',
};

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  return (
    <Tag color={PLAN_STATUS_COLORS[status]} data-testid="plan-status" data-status={status}>
      {PLAN_STATUSES[status]}
    </Tag>
  );
}

/** Today on the clerk's computer, as the core reckons its own today. */
export const today = () => localDate(new Date());

/** Whole days from `from` to `to` (YYYY-MM-DD), counted on the calendar so a change of clock time never matters. */
export function daysBetween(from: string, to: string): number {
  const utc = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** 「已逾期 N 天」 for a due date already past. */
export function OverdueTag({ due }: { due: string }) {
  return (
    <Tag color="red" data-testid="plan-overdue">
      已逾期 {Math.max(1, daysBetween(due, today()))} 天
    </Tag>
  );
}

/** The next milestone of a plan: its name and due date, red with how late when overdue. */
export function NextMilestone({ next, overdue }: { next: { name: string; due: string } | null; overdue: boolean }) {
  if (!next) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <div>
      <Typography.Text type={overdue ? 'danger' : undefined}>{next.name}</Typography.Text>
      <div>
        <Typography.Text type={overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
          {next.due}
        </Typography.Text>
        {overdue && (
          <span style={{ marginInlineStart: 6 }}>
            <OverdueTag due={next.due} />
          </span>
        )}
      </div>
    </div>
  );
}
