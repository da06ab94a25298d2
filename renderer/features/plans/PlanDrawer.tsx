import { DeleteOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Drawer, Form, Space, Spin, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import type { FormationSuggestion } from '../../../shared/domain/formationSuggestion';
import type { PlanPrefill } from '../../../shared/ipc/plans';
import type { Lookups } from '../../../shared/domain/lookups';
import {
  isOpen,
  PLAN_ACTION_LABELS,
  type Campaign,
  type PlanAction,
  type PlanDetail,
} from '../../../shared/domain/plans';
import { ApiError, call } from '../../api/client';
import { showCoreErrorOnField, validateOrFocusFirstError } from '../../components/formErrors';
import { FormDrawerFooter } from '../../components/FormDrawerFooter';
import { OpenLink } from '../../components/OpenLink';
import { RecordHistory } from '../../components/RecordHistory';
import { orDash } from '../../components/format';
import { useDiscardGuard } from '../../components/useDiscardGuard';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useFormSaving } from '../../components/useFormSaving';
import { useSaveShortcut } from '../../components/useSaveShortcut';
import { PlanDocuments } from '../documents/PlanDocuments';
import { useLedgerNav } from '../ledger/navigation';
import type { EnterpriseOption } from '../people/EnterpriseSelect';
import { campaignText } from './boardColumns';
import { PlanActions } from './PlanActions';
import { PlanFields } from './PlanFields';
import { blankPlan, fieldOf, inputOf, valuesOf, type PlanFormValues } from './planFormModel';
import { PlanStatusTag, today } from './planLabels';

/** 新建方案 under way; the enterprise when it was started from one. */
export interface NewPlan {
  enterprise: EnterpriseOption | null;
}

interface Props {
  /** The plan shown, or null. */
  id: number | null;
  /** A new plan instead; wins over `id`. */
  newPlan: NewPlan | null;
  lookups: Lookups | null;
  campaigns: Campaign[] | null;
  onClose: () => void;
  /** A new plan was saved: show it as a plan from now on. */
  onCreated: (id: number) => void;
}

/**
 * One 一企一策方案: its status and the moves it allows at the top, the plan sheet (现状, 存在问题, 组建对策 beside the
 * rule's suggestion, 具体措施, 责任, 节点) to edit below, and its 变更记录. A new plan starts from the enterprise
 * chosen, pre-filled from the ledger.
 */
export function PlanDrawer({ id, newPlan, lookups, campaigns, onClose, onCreated }: Props) {
  const nav = useLedgerNav();
  const { message, modal } = App.useApp();
  const showError = useErrorMessage();
  const [form] = Form.useForm<PlanFormValues>();
  const creating = newPlan !== null;
  const [loaded, setLoaded] = useState<PlanDetail | null>(null);
  const plan = !creating && loaded && loaded.id === id ? loaded : null;
  const [prefilled, setPrefilled] = useState<{ enterpriseId: number; suggestion: FormationSuggestion | null } | null>(
    null,
  );
  const [tab, setTab] = useState<{ of: unknown; key: string }>({ of: null, key: 'plan' });
  const { saving, problem, setProblem, attempt, send } = useFormSaving(form, fieldOf);
  const enterpriseId = Form.useWatch('enterpriseId', form);
  const open = creating || id !== null;
  // A 已完成 plan is the record of what was done: only its 备注 may still change.
  const canSave = !nav.readOnly && (creating || plan !== null);
  const editable = canSave && plan?.status !== 'done';
  // Another plan (or a new one) opens on the sheet, not on the history left open before.
  const shownOf = creating ? newPlan : id;
  const activeTab = tab.of === shownOf ? tab.key : 'plan';
  const generation = nav.generation;

  useEffect(() => {
    if (creating || id === null) return;
    let live = true;
    call('plans:get', { id }).then(
      (p) => live && setLoaded(p),
      (e: unknown) => {
        if (!live) return;
        // Deleted, or taken back by 撤销: nothing left to show.
        if (e instanceof ApiError && e.code === 'NOT_FOUND') onClose();
        else showError(e);
      },
    );
    return () => {
      live = false;
    };
    // onClose is a fresh arrow each render; reading again for it would loop.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [creating, id, generation, showError]);

  /** 现状, the suggested 组建对策, the work group and default 节点 for the enterprise; what the clerk typed stays. */
  const applyPrefill = (forId: number, p: PlanPrefill) => {
    setPrefilled({ enterpriseId: forId, suggestion: p.suggestion });
    const put: Partial<PlanFormValues> = {};
    if (!form.isFieldTouched('situation')) put.situation = p.situation;
    if (!form.isFieldTouched('method')) put.method = p.method;
    if (!form.isFieldTouched('workGroupId')) put.workGroupId = p.workGroupId;
    if (!form.isFieldTouched('milestones'))
      put.milestones = p.milestones.map((m) => ({ name: m.name, dueOn: m.dueOn, doneOn: null }));
    form.setFieldsValue(put);
  };
  const prefill = (forId: number, startOn: string) =>
    call('plans:prefill', { enterpriseId: forId, startOn }).then((p) => applyPrefill(forId, p), showError);
  const refreshSituation = (p: PlanDetail) =>
    call('plans:prefill', { enterpriseId: p.enterpriseId, startOn: form.getFieldValue('startOn') ?? today() }).then(
      (f) => form.setFields([{ name: 'situation', value: f.situation, touched: true }]),
      showError,
    );

  // The sheet starts again from the record whenever the record changed (a save, a move, 撤销), or a new plan opens.
  const resetKey = creating ? newPlan : plan ? `${plan.id}@${plan.updatedAt}` : null;
  useEffect(() => {
    if (resetKey === null) return;
    form.resetFields();
    const given = resetKey === newPlan ? newPlan?.enterprise : null;
    if (!given) return;
    let live = true;
    call('plans:prefill', { enterpriseId: given.id, startOn: today() }).then(
      (p) => live && applyPrefill(given.id, p),
      showError,
    );
    return () => {
      live = false;
    };
    // Only a new record, not a new render, starts the sheet again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resetKey]);

  const onValuesChange = (changed: Partial<PlanFormValues>, all: PlanFormValues) => {
    if (!creating) return;
    if (changed.campaignId) {
      const c = campaigns?.find((x) => x.id === changed.campaignId);
      if (c) form.setFieldValue('year', Number(c.startOn.slice(0, 4)));
    }
    if (('enterpriseId' in changed || 'startOn' in changed) && all.enterpriseId && all.startOn)
      void prefill(all.enterpriseId, all.startOn);
  };

  /** Saves the sheet; true when it was saved. */
  const save = async (): Promise<boolean> => {
    let ok = false;
    await attempt(async () => {
      if (!(await validateOrFocusFirstError(form))) return;
      await send(async () => {
        const saved = await call('plans:save', { id: plan?.id, input: inputOf(form.getFieldsValue(true)) });
        ok = true;
        void message.success(creating ? '方案已建立' : '已保存');
        setLoaded(saved);
        nav.changed();
        if (creating) onCreated(saved.id);
      });
    });
    return ok;
  };

  const requestClose = useDiscardGuard({
    what: '这份方案',
    hasChanges: () => canSave && form.isFieldsTouched(),
    saving,
    onClose: () => {
      setProblem(null);
      onClose();
    },
  });

  useSaveShortcut(() => void save(), { enabled: open && canSave });

  const moved = (p: PlanDetail, action: PlanAction) => {
    setLoaded(p);
    void message.success(`已${PLAN_ACTION_LABELS[action]}`);
    nav.changed();
  };

  const refused = (e: unknown) => {
    // 组建对策 or 具体措施 missing: said beside the field too, with the sheet in view.
    if (showCoreErrorOnField(form, e, fieldOf)) setTab({ of: shownOf, key: 'plan' });
    showError(e);
  };

  const confirmDelete = (p: PlanDetail) =>
    modal.confirm({
      title: `删除“${p.enterpriseName}”的方案？`,
      content: '只有草拟或搁置的方案可以删除；删除后可通过“撤销”恢复。',
      okText: '删除',
      okType: 'danger',
      cancelText: '取消',
      onOk: async () => {
        try {
          await call('plans:delete', { id: p.id });
          void message.success('方案已删除');
          onClose();
          nav.changed();
        } catch (e) {
          showError(e);
        }
      },
    });

  const extra = plan && !nav.readOnly && (
    <Space wrap>
      <PlanActions
        plan={plan}
        lookups={lookups}
        beforeMove={() => (editable && form.isFieldsTouched() ? save() : Promise.resolve(true))}
        onMoved={moved}
        onRefused={refused}
      />
      {(plan.status === 'draft' || plan.status === 'shelved') && (
        <Button danger icon={<DeleteOutlined />} onClick={() => confirmDelete(plan)} data-testid="plan-delete">
          删除
        </Button>
      )}
    </Space>
  );

  const suggestion = plan
    ? plan.suggestion
    : prefilled && prefilled.enterpriseId === enterpriseId
      ? prefilled.suggestion
      : null;

  const sheet = (
    <Form<PlanFormValues>
      form={form}
      name="plan"
      layout="vertical"
      initialValues={plan ? valuesOf(plan) : blankPlan(newPlan?.enterprise?.id)}
      onValuesChange={onValuesChange}
      validateTrigger={['onChange', 'onBlur']}
      data-testid="plan-form"
    >
      <PlanFields
        form={form}
        creating={creating}
        editable={editable}
        noteEditable={canSave}
        planOpen={!plan || isOpen(plan.status)}
        suggestion={suggestion}
        enterprise={newPlan?.enterprise ?? null}
        lookups={lookups}
        campaigns={campaigns}
        onRefreshSituation={plan ? () => void refreshSituation(plan) : undefined}
      />
    </Form>
  );

  return (
    <Drawer
      open={open}
      onClose={requestClose}
      size="min(960px, 100vw)"
      title={
        creating ? (
          '新建一企一策方案'
        ) : plan ? (
          <Space size={8}>
            <span data-testid="plan-title">{plan.enterpriseName}</span>
            <PlanStatusTag status={plan.status} />
          </Space>
        ) : (
          '一企一策方案'
        )
      }
      extra={extra}
      footer={
        canSave && activeTab === 'plan' ? (
          <FormDrawerFooter
            testId="plan"
            problem={problem}
            onCancel={requestClose}
            onSave={() => void save()}
            saving={saving}
          />
        ) : null
      }
      mask={{ closable: false }}
      data-testid="plan-drawer"
    >
      {creating ? (
        sheet
      ) : !plan ? (
        <Spin />
      ) : (
        <div data-testid="plan-body" data-plan-id={plan.id} data-status={plan.status}>
          <PlanFacts plan={plan} />
          <PlanDocuments plan={plan} />
          <Tabs
            activeKey={activeTab}
            onChange={(key) => setTab({ of: shownOf, key })}
            items={[
              { key: 'plan', label: '方案', children: sheet },
              {
                key: 'history',
                label: '变更记录',
                children: (
                  <RecordHistory
                    channel="plans:history"
                    id={plan.id}
                    version={generation + Date.parse(plan.updatedAt)}
                    testId="plan-history"
                  />
                ),
              },
            ]}
          />
        </div>
      )}
    </Drawer>
  );
}

/** What the plan is and where it stands: the facts that are not edited on the sheet. */
function PlanFacts({ plan }: { plan: PlanDetail }) {
  const nav = useLedgerNav();
  const lock = nav.readOnly
    ? '台账以只读方式打开，方案不能修改。'
    : plan.status === 'done'
      ? '方案已完成，只能修改备注；如需重新推进，请新建方案。历次修改见“变更记录”。'
      : null;
  return (
    <>
      {lock && <Alert type="info" showIcon title={lock} style={{ marginBottom: 12 }} data-testid="plan-locked" />}
      <Descriptions size="small" column={3} bordered style={{ marginBottom: 8 }}>
        <Descriptions.Item label="企业" span={2}>
          <OpenLink
            onOpen={() => nav.open({ kind: 'enterprise', id: plan.enterpriseId })}
            testId="plan-enterprise-link"
          >
            {plan.enterpriseName}
          </OpenLink>
        </Descriptions.Item>
        <Descriptions.Item label="所在区域">{plan.areaName}</Descriptions.Item>
        <Descriptions.Item label="专项行动">{campaignText(plan)}</Descriptions.Item>
        <Descriptions.Item label="审批日期">{orDash(plan.approvedOn)}</Descriptions.Item>
        <Descriptions.Item label="完成日期">{orDash(plan.doneOn)}</Descriptions.Item>
        {plan.status === 'shelved' && (
          <Descriptions.Item label="搁置原因" span={3}>
            {orDash(plan.shelvedReason)}
          </Descriptions.Item>
        )}
        <Descriptions.Item label="批复" span={3}>
          {plan.reply ? (
            <OpenLink onOpen={() => nav.open({ kind: 'org', id: plan.reply!.orgId })} testId="plan-reply-link">
              {plan.reply.orgName}
              {plan.reply.docNo ? ` · ${plan.reply.docNo}` : ''}
              {plan.reply.doneOn ? ` · ${plan.reply.doneOn}` : ''}
            </OpenLink>
          ) : (
            <span style={{ color: 'rgba(0,0,0,0.45)' }}>尚未登记（批复在党组织的组建步骤中登记）</span>
          )}
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}
