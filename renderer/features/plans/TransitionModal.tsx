import { Alert, Form, Input, Modal, Select, Typography, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import type { Lookups } from '../../../shared/domain/lookups';
import { PARTY_ORG_TYPES } from '../../../shared/domain/labels';
import { PLAN_ACTION_LABELS, type PlanDetail } from '../../../shared/domain/plans';
import { ApiError, call } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { messageOf, showFieldError } from '../../components/formErrors';
import { today } from './planLabels';

/** The moves that ask the clerk for something first. */
export type AskingAction = 'approve' | 'shelve' | 'complete';

export interface TransitionExtra {
  on?: string;
  reason?: string;
  partyOrgId?: number;
}

interface Values {
  on?: string;
  reason?: string;
  partyOrgId?: number | null;
}

/** The enterprise's organisation as it stands, read when the plan is about to be completed. */
interface OrgNow {
  partyOrgId: number | null;
  partyOrgName: string | null;
}

/**
 * 批准 asks for the 审批日期, 搁置 for the reason, 完成 for the 完成日期 and, when the enterprise has no organisation
 * yet, the organisation it has formed or joined. `onConfirm` makes the move; a refusal about one of these fields
 * shows beside it, anything else is the caller's to show (it resolves false then, or throws).
 */
export function TransitionModal({
  action,
  plan,
  lookups,
  onCancel,
  onConfirm,
}: {
  action: AskingAction;
  plan: PlanDetail;
  lookups: Lookups | null;
  onCancel: () => void;
  onConfirm: (extra: TransitionExtra) => Promise<void>;
}) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [orgNow, setOrgNow] = useState<OrgNow | null>(null);

  useEffect(() => {
    if (action !== 'complete') return;
    let live = true;
    call('enterprises:get', { id: plan.enterpriseId }).then(
      (e) => live && setOrgNow({ partyOrgId: e.partyOrgId, partyOrgName: e.partyOrgName }),
      (e: unknown) => live && setProblem(messageOf(e, '读取企业的党组织失败')),
    );
    return () => {
      live = false;
    };
  }, [action, plan.enterpriseId]);

  const ok = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    setProblem(null);
    try {
      await onConfirm({
        on: action === 'shelve' ? undefined : v.on,
        reason: action === 'shelve' ? v.reason : undefined,
        partyOrgId: action === 'complete' ? (v.partyOrgId ?? undefined) : undefined,
      });
    } catch (e) {
      const field = e instanceof ApiError ? e.field : undefined;
      if (field === 'on' || field === 'reason' || field === 'partyOrgId') showFieldError(form, field, messageOf(e, ''));
      else setProblem(messageOf(e, '操作失败，请重试'));
    } finally {
      setBusy(false);
    }
  };

  const hasOrg = orgNow?.partyOrgId != null;
  const orgOptions = (lookups?.partyOrgs ?? []).map((o) => ({
    value: o.id,
    label: `${o.name}（${PARTY_ORG_TYPES[o.type]}）`,
  }));

  return (
    <Modal
      open
      title={`${PLAN_ACTION_LABELS[action]}：${plan.enterpriseName}`}
      okText={PLAN_ACTION_LABELS[action]}
      cancelText="取消"
      onCancel={onCancel}
      onOk={() => void ok()}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'plan-transition-ok' } as ButtonProps}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ on: today(), reason: '', partyOrgId: plan.reply?.orgId ?? null }}
        data-testid="plan-transition-modal"
      >
        {action === 'approve' && (
          <Form.Item
            label="审批日期"
            name="on"
            rules={[{ required: true, message: '请填写审批日期' }]}
            extra="领导小组同意方案的日期。党组织组建的正式批复另在党组织的组建步骤中登记。"
          >
            <DateInput />
          </Form.Item>
        )}
        {action === 'shelve' && (
          <Form.Item
            label="搁置原因"
            name="reason"
            rules={[{ required: true, whitespace: true, message: '请填写搁置原因' }]}
          >
            <Input.TextArea
              autoFocus
              maxLength={200}
              autoSize={{ minRows: 2, maxRows: 5 }}
              placeholder="例如：企业停产，暂缓组建"
            />
          </Form.Item>
        )}
        {action === 'complete' && (
          <>
            <Form.Item label="完成日期" name="on" rules={[{ required: true, message: '请填写完成日期' }]}>
              <DateInput />
            </Form.Item>
            {orgNow && hasOrg && (
              <Typography.Paragraph type="secondary">
                企业已在「{orgNow.partyOrgName}」。完成方案不改变其组织关系；如已改建，可在下面选择新的党组织。
              </Typography.Paragraph>
            )}
            <Form.Item
              label={hasOrg ? '改为所在党组织（可不选）' : '企业组建或加入的党组织'}
              name="partyOrgId"
              rules={
                hasOrg || !orgNow ? [] : [{ required: true, message: '企业尚未建立党组织，请选择其组建或加入的党组织' }]
              }
              extra="新组建的党组织请先在「党组织」标签页新增（批复登记在其组建步骤中），再回来完成方案。"
            >
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={orgOptions}
                placeholder="输入党组织名称"
                notFoundContent="没有找到，请先在「党组织」标签页新增"
                data-testid="plan-complete-org"
              />
            </Form.Item>
          </>
        )}
        {problem && <Alert type="error" showIcon title={problem} data-testid="plan-transition-error" />}
      </Form>
    </Modal>
  );
}
