import { Button, Space } from 'antd';
import { useState } from 'react';
import type { Lookups } from '../../../shared/domain/lookups';
import { actionsFrom, PLAN_ACTION_LABELS, type PlanAction, type PlanDetail } from '../../../shared/domain/plans';
import { ApiError, call } from '../../api/client';
import { TransitionModal, type AskingAction, type TransitionExtra } from './TransitionModal';

const ASKING: readonly PlanAction[] = ['approve', 'shelve', 'complete'];
/** The move a plan is waiting for: the one button in blue. */
const FORWARD: readonly PlanAction[] = ['submit', 'approve', 'start', 'complete'];
/** Refusals that belong to a field of the move's own dialog. */
const MODAL_FIELDS = ['on', 'reason', 'partyOrgId'];

/**
 * The moves the plan's status allows, as buttons labelled 提交审批, 批准 …; those that need a date or a reason ask
 * for it first. Unsaved edits are saved before the move (`beforeMove`), so 提交审批 sends what is on the screen.
 */
export function PlanActions({
  plan,
  lookups,
  beforeMove,
  onMoved,
  onRefused,
}: {
  plan: PlanDetail;
  lookups: Lookups | null;
  /** Saves the form if changed; false when that failed and the move must not go ahead. */
  beforeMove: () => Promise<boolean>;
  onMoved: (plan: PlanDetail, action: PlanAction) => void;
  /** A refusal that is not about the dialog's fields (组建对策, 具体措施, the status): shown by the drawer. */
  onRefused: (e: unknown) => void;
}) {
  const [asking, setAsking] = useState<AskingAction | null>(null);
  const [busy, setBusy] = useState<PlanAction | null>(null);

  const move = async (action: PlanAction, extra: TransitionExtra = {}) => {
    if (!(await beforeMove())) return;
    try {
      onMoved(await call('plans:transition', { id: plan.id, action, ...extra }), action);
    } catch (e) {
      if (e instanceof ApiError && e.field && MODAL_FIELDS.includes(e.field)) throw e;
      onRefused(e);
    }
  };

  const press = async (action: PlanAction) => {
    if (ASKING.includes(action)) return setAsking(action as AskingAction);
    setBusy(action);
    try {
      await move(action);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Space wrap data-testid="plan-actions">
        {actionsFrom(plan.status).map((a) => (
          <Button
            key={a}
            type={FORWARD.includes(a) ? 'primary' : 'default'}
            danger={a === 'shelve'}
            loading={busy === a}
            onClick={() => void press(a)}
            data-testid={`plan-action-${a}`}
          >
            {PLAN_ACTION_LABELS[a]}
          </Button>
        ))}
      </Space>
      {asking && (
        <TransitionModal
          action={asking}
          plan={plan}
          lookups={lookups}
          onCancel={() => setAsking(null)}
          onConfirm={async (extra) => {
            await move(asking, extra);
            setAsking(null);
          }}
        />
      )}
    </>
  );
}
