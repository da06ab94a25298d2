import { Alert, Col, Drawer, Form, Input, InputNumber, Row, Switch, Typography, type FormRule } from 'antd';
import { useState } from 'react';
import type { Condition, Indicator } from '../../../shared/domain/indicators';
import { indicatorInput, type IndicatorInput } from '../../../shared/ipc/stats';
import { ApiError, call } from '../../api/client';
import { enterMovesToNextField } from '../../components/enterMovesToNextField';
import { validateOrFocusFirstError } from '../../components/formErrors';
import { FormDrawerFooter } from '../../components/FormDrawerFooter';
import { schemaRule } from '../../components/schemaRule';
import { useDiscardGuard } from '../../components/useDiscardGuard';
import { useFormSaving } from '../../components/useFormSaving';
import { useSaveShortcut } from '../../components/useSaveShortcut';
import { hasOneDecimalAtMost, percentOf, previewOf, targetOf } from './clauses';
import { ConditionBuilder } from './ConditionBuilder';

interface IndicatorFormValues {
  name: string;
  /** The target as the clerk types it, 0–100 with one decimal; blank is no target. */
  targetPercent: number | null;
  note: string;
  enabled: boolean;
  denominator: Condition;
  numerator: Condition;
}

type FormField = keyof IndicatorFormValues;

/** Where a new indicator starts: the enterprises every default counts (社会组织 are left out, domain.md §4). */
const NEW_INDICATOR: IndicatorFormValues = {
  name: '',
  targetPercent: null,
  note: '',
  enabled: true,
  denominator: [{ fact: 'kind', in: ['enterprise', 'individual'] }],
  numerator: [],
};

function initialValues(indicator: Indicator | null): IndicatorFormValues {
  if (!indicator) return NEW_INDICATOR;
  const { name, note, enabled, denominator, numerator, target } = indicator;
  return { name, note, enabled, denominator, numerator, targetPercent: percentOf(target) };
}

/** The core's path (`input.denominator.2.min`) onto this form's field, or null when the form has none. */
function fieldOf(apiField: string | undefined): FormField | null {
  const [root, name] = apiField?.split('.') ?? [];
  if (root !== 'input' || !name) return null;
  if (name === 'target') return 'targetPercent';
  return (['name', 'note', 'enabled', 'denominator', 'numerator'] as const).find((f) => f === name) ?? null;
}

/**
 * A refusal names a clause by its place (`input.denominator.0：…`) where no label fits; beside the builder the place
 * says nothing, so it is dropped.
 */
function withoutPath(e: unknown): unknown {
  if (!(e instanceof ApiError) || !e.field || !e.message.startsWith(`${e.field}：`)) return e;
  return new ApiError(e.code, e.message.slice(e.field.length + 1), e.field);
}

/** The preview line: which enterprises are counted, and which of them reach the requirement. */
function sentenceOf(denominator: Condition, numerator: Condition): string {
  const reached = numerator.length === 0 ? '（请添加分子条件）' : previewOf(numerator);
  return `在“${previewOf(denominator)}”的企业中，“${reached}”的企业所占比例`;
}

const rule = (field: 'name' | 'note'): FormRule[] => [schemaRule(indicatorInput, field)];

/** A condition checked by the contract's rule, every faulty row named at once: the red rows are each explained. */
const conditionRules = (field: 'denominator' | 'numerator'): FormRule[] => [
  {
    validator: async (_r, v: Condition | undefined) => {
      const result = indicatorInput.shape[field].safeParse(v ?? []);
      if (!result.success) throw new Error([...new Set(result.error.issues.map((i) => i.message))].join('；'));
    },
  },
];

/** The percent box checked by the contract's own rule for the target, after the one-decimal rule of the form. */
const TARGET_RULES: FormRule[] = [
  {
    validator: async (_r, v: number | null | undefined) => {
      if (v === null || v === undefined) return;
      if (!hasOneDecimalAtMost(v)) throw new Error('目标值最多保留一位小数，例如 35.5');
      const result = indicatorInput.shape.target.safeParse(targetOf(v));
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? '目标值填写有误');
    },
  },
];

interface Props {
  /** null: a new indicator. */
  indicator: Indicator | null;
  readOnly: boolean;
  /** The months of the ledger's 工作覆盖 rule, where a new 近期工作记录 clause starts. */
  recentMonths?: number;
  onClose: () => void;
  onSaved: (saved: Indicator) => void;
}

/**
 * 新增/编辑指标: a name, a target and the two conditions, built from rows rather than written. Mounted per use, so it
 * starts from the indicator as it is. The contract's schema checks every box before anything is sent; what the core
 * still refuses appears beside the field it names.
 */
export function IndicatorForm({ indicator, readOnly, recentMonths, onClose, onSaved }: Props) {
  const [form] = Form.useForm<IndicatorFormValues>();
  const { saving, problem, setProblem, attempt, send } = useFormSaving(form, fieldOf);
  const [initial] = useState(() => initialValues(indicator));
  const denominator = Form.useWatch('denominator', form) ?? initial.denominator;
  const numerator = Form.useWatch('numerator', form) ?? initial.numerator;

  const save = () =>
    attempt(async () => {
      if (readOnly) return;
      const values = await validateOrFocusFirstError(form);
      if (!values) return;
      // An unchanged percent keeps the target exactly as stored, whatever its precision.
      const target =
        indicator && values.targetPercent === initial.targetPercent ? indicator.target : targetOf(values.targetPercent);
      const input: IndicatorInput = {
        name: values.name,
        denominator: values.denominator,
        numerator: values.numerator,
        target,
        note: values.note ?? '',
        enabled: values.enabled,
      };
      const parsed = indicatorInput.safeParse(input);
      if (!parsed.success) {
        setProblem(parsed.error.issues[0]?.message ?? '填写有误');
        return;
      }
      await send(async () => {
        try {
          onSaved(await call('indicators:save', { id: indicator?.id, input: parsed.data }));
        } catch (e) {
          throw withoutPath(e);
        }
      });
    });

  const requestClose = useDiscardGuard({
    what: '这项指标',
    hasChanges: () => !readOnly && form.isFieldsTouched(),
    saving,
    onClose,
  });

  useSaveShortcut(() => void save(), { enabled: !readOnly });

  const title = readOnly
    ? `查看指标：${indicator?.name ?? ''}`
    : indicator
      ? `编辑指标：${indicator.name}`
      : '新增指标';

  return (
    <Drawer
      open
      onClose={requestClose}
      size="min(860px, 100vw)"
      title={title}
      footer={
        readOnly ? null : (
          <FormDrawerFooter
            testId="indicator"
            problem={problem}
            onCancel={requestClose}
            onSave={() => void save()}
            saving={saving}
          />
        )
      }
      mask={{ closable: false }}
      data-testid="indicator-form-drawer"
    >
      {indicator?.builtin && !readOnly && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`这是默认指标（编号 ${indicator.key}）。可以修改；列表中的“恢复默认”可随时改回规定的口径。`}
        />
      )}
      <div onKeyDown={enterMovesToNextField}>
        <Form<IndicatorFormValues>
          form={form}
          name="indicator"
          layout="vertical"
          initialValues={initial}
          disabled={readOnly}
          validateTrigger={['onChange', 'onBlur']}
          data-testid="indicator-form"
        >
          <Row gutter={16}>
            <Col span={14}>
              <Form.Item required label="指标名称" name="name" rules={rule('name')}>
                <Input autoFocus placeholder="例如：从业30人以上企业有党员比例" />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item
                label="目标值"
                name="targetPercent"
                rules={TARGET_RULES}
                extra="0–100，可有一位小数；不填为不设目标"
              >
                <InputNumber<number> min={0} max={100} suffix="%" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item label="启用" name="enabled" valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            label="分母（统计哪些企业）"
            name="denominator"
            rules={conditionRules('denominator')}
            extra="以下条件须同时符合。注销、迁出的企业一律不计入任何指标。"
          >
            <ConditionBuilder testId="condition-denominator" recentMonths={recentMonths} disabled={readOnly} />
          </Form.Item>
          <Form.Item
            required
            label="分子（其中达到要求的）"
            name="numerator"
            rules={conditionRules('numerator')}
            extra="在分母的企业中，以下条件须同时符合。"
          >
            <ConditionBuilder testId="condition-numerator" recentMonths={recentMonths} disabled={readOnly} />
          </Form.Item>
          <div
            style={{
              margin: '-8px 0 16px',
              padding: '8px 12px',
              background: 'rgba(22, 119, 255, 0.06)',
              borderRadius: 6,
            }}
            data-testid="indicator-preview"
          >
            <Typography.Text type="secondary">计算方法：</Typography.Text>
            <Typography.Text>{sentenceOf(denominator, numerator)}</Typography.Text>
          </div>
          <Form.Item label="说明" name="note" rules={rule('note')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder="例如：依据的文件、口径上的说明" />
          </Form.Item>
        </Form>
      </div>
    </Drawer>
  );
}
