import { App, Col, Drawer, Form, Input, Row, type FormRule } from 'antd';
import { useMemo, useState } from 'react';
import type { Indicator } from '../../../shared/domain/indicators';
import type { Campaign } from '../../../shared/domain/plans';
import { campaignInput, type CampaignInput } from '../../../shared/ipc/plans';
import { call } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { showFieldError, validateOrFocusFirstError } from '../../components/formErrors';
import { FormDrawerFooter } from '../../components/FormDrawerFooter';
import { schemaRule } from '../../components/schemaRule';
import { useDiscardGuard } from '../../components/useDiscardGuard';
import { useFormSaving } from '../../components/useFormSaving';
import { useSaveShortcut } from '../../components/useSaveShortcut';
import { useLedgerNav } from '../ledger/navigation';
import { percentsOf, targetsOf, targetsProblem, type TargetPercents } from './campaignTargets';
import { templatePhases, type PhaseValue } from './phaseDates';
import { PhasesEditor } from './PhasesEditor';
import { TargetsEditor } from './TargetsEditor';
import { useIndicators } from './useIndicators';

interface Values {
  name: string;
  startOn?: string | null;
  endOn?: string | null;
  note: string;
  targets: TargetPercents;
  phases: PhaseValue[];
}
type FieldName = keyof Values;

const FIELDS: FieldName[] = ['name', 'startOn', 'endOn', 'note', 'targets', 'phases'];
const rule = (field: keyof typeof campaignInput.shape) => [schemaRule(campaignInput, field)];

/** `input.phases.3.endOn` → `phases` (and so for `targets`): the table shows the message under itself. */
const fieldOf = (apiField: string | undefined): FieldName | null => {
  const name = apiField?.replace(/^input\./, '').split('.')[0] as FieldName | undefined;
  return name && FIELDS.includes(name) ? name : null;
};

const initialOf = (c: Campaign | null): Values =>
  c
    ? {
        name: c.name,
        startOn: c.startOn,
        endOn: c.endOn,
        note: c.note,
        targets: percentsOf(c.targets),
        phases: c.phases.map((p) => ({ id: p.id, name: p.name, startOn: p.startOn, endOn: p.endOn })),
      }
    : { name: '', startOn: null, endOn: null, note: '', targets: {}, phases: [] };

/**
 * The whole campaign as the core keeps it. `targets` is always sent — a save without it would clear them — holding
 * what was loaded as edited here.
 */
const inputOf = (v: Values, targets: Record<string, number>): CampaignInput => ({
  name: v.name,
  startOn: v.startOn as string,
  endOn: v.endOn as string,
  note: v.note ?? '',
  targets,
  phases: (v.phases ?? []).map((p) => ({
    ...(p.id ? { id: p.id } : {}),
    name: p.name,
    startOn: p.startOn as string,
    endOn: p.endOn as string,
  })),
});

/** Each typed percent checked as the contract would, named by its indicator. */
const targetRules = (indicators: Indicator[]): FormRule[] => [
  {
    validator: async (_r, v: TargetPercents | undefined) => {
      const problem = targetsProblem(v ?? {}, indicators);
      if (problem) throw new Error(problem);
    },
  },
];

/** 新增/编辑专项行动: name, period, note, the campaign's own targets and its phases. Mounted per use. */
export function CampaignForm({
  campaign,
  onClose,
  onSaved,
}: {
  /** null: a new campaign. */
  campaign: Campaign | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const nav = useLedgerNav();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [initial] = useState(() => initialOf(campaign));
  const { saving, problem, attempt, send } = useFormSaving(form, fieldOf);
  const indicators = useIndicators();
  const all = indicators.value;
  const enabled = useMemo(() => (all ? all.filter((i) => i.enabled) : null), [all]);
  const known = useMemo(() => (all ? new Set(all.map((i) => i.key)) : null), [all]);

  const save = () =>
    attempt(async () => {
      if (!(await validateOrFocusFirstError(form))) return;
      const values: Values = form.getFieldsValue(true);
      const targets = targetsOf(values.targets ?? {}, campaign?.targets ?? {}, known);
      await send(async () => {
        await call('campaigns:save', { id: campaign?.id, input: inputOf(values, targets) });
        void message.success('已保存');
        nav.changed();
        onSaved();
      });
    });

  const applyTemplate = () => {
    const { startOn, endOn } = form.getFieldsValue(['startOn', 'endOn']);
    if (!startOn || !endOn || endOn < startOn) {
      showFieldError(form, startOn ? 'endOn' : 'startOn', '请先填写专项行动的开始和结束日期，阶段按这段时间排定');
      return;
    }
    const put = () =>
      form.setFields([{ name: 'phases', value: templatePhases(startOn, endOn), touched: true, errors: [] }]);
    if ((form.getFieldValue('phases') ?? []).length === 0) return put();
    modal.confirm({
      title: '替换现有阶段？',
      content:
        '将用“调查摸底、制定方案、组建、工作覆盖、选配指导员、总结完善”六个阶段替换现有阶段，日期按专项行动的起止平均排定，可再修改。',
      okText: '替换',
      cancelText: '取消',
      onOk: put,
    });
  };

  const requestClose = useDiscardGuard({
    what: '这个专项行动',
    hasChanges: () => form.isFieldsTouched(),
    saving,
    onClose,
  });
  useSaveShortcut(() => void save());

  return (
    <Drawer
      open
      onClose={requestClose}
      size="min(820px, 100vw)"
      title={campaign ? `编辑专项行动：${campaign.name}` : '新增专项行动'}
      mask={{ closable: false }}
      footer={
        <FormDrawerFooter
          testId="campaign"
          problem={problem}
          onCancel={requestClose}
          onSave={() => void save()}
          saving={saving}
        />
      }
    >
      <Form<Values>
        form={form}
        name="campaign"
        layout="vertical"
        initialValues={initial}
        validateTrigger={['onChange', 'onBlur']}
        data-testid="campaign-form"
      >
        <Row gutter={16}>
          <Col span={24}>
            <Form.Item required label="名称" name="name" rules={rule('name')}>
              <Input autoFocus maxLength={60} placeholder="例如：非公企业党建集中攻坚月" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item required label="开始日期" name="startOn" rules={rule('startOn')}>
              <DateInput />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item required label="结束日期" name="endOn" rules={rule('endOn')}>
              <DateInput />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="说明" name="note" rules={rule('note')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder="目标、依据的文件等" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              label="目标"
              name="targets"
              rules={targetRules(enabled ?? [])}
              extra="按专项行动统计时用的目标：填百分数，可有一位小数；不填为同全镇目标（“指标设置”中的目标）"
            >
              <TargetsEditor indicators={enabled} error={indicators.error} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="阶段" name="phases">
              <PhasesEditor onTemplate={applyTemplate} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
