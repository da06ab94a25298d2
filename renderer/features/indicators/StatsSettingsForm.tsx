import { Button, Checkbox, Flex, Form, InputNumber, Typography, type FormRule } from 'antd';
import { useState } from 'react';
import { RECENT_LOG_MAX_MONTHS, type StatsSettings } from '../../../shared/domain/indicators';
import { statsSettingsInput } from '../../../shared/ipc/stats';
import { call } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { useFormSaving } from '../../components/useFormSaving';
import { FIELD_HELP } from '../../../shared/domain/fieldHelp';

interface SettingsValues {
  reportingOn: string | null;
  months: number | null;
  needsInstructor: boolean;
}

const valuesOf = (s: StatsSettings): SettingsValues => ({
  reportingOn: s.reportingOn,
  months: s.partyWork.months,
  needsInstructor: s.partyWork.needsInstructor,
});

/** The core's path (`settings.partyWork.months`) onto this form's field. */
function fieldOf(apiField: string | undefined): keyof SettingsValues | null {
  const leaf = apiField?.split('.').pop();
  return leaf === 'reportingOn' || leaf === 'months' || leaf === 'needsInstructor' ? leaf : null;
}

/** The contract's rule for a field, where a blank box is null as the contract has it. */
const ruleOf = (check: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } }): FormRule[] => [
  {
    validator: async (_r, v: unknown) => {
      const result = check(v ?? null);
      if (!result.success) throw new Error(result.error?.issues[0]?.message ?? '填写有误');
    },
  },
];
const REPORTING_ON_RULES = ruleOf((v) => statsSettingsInput.shape.reportingOn.safeParse(v));
const MONTHS_RULES = ruleOf((v) => statsSettingsInput.shape.partyWork.shape.months.safeParse(v));

/** The rule in words, as it will be applied. */
function ruleText(months: number | null | undefined, needsInstructor: boolean): string {
  const window = `近${months ?? '—'}个月内有工作记录`;
  return `未建党组织的企业，${needsInstructor ? `已选派党建工作指导员且${window}` : window}，即认定为实现党的工作覆盖（用于“党的工作覆盖率”和条件“党的工作覆盖”）。`;
}

/**
 * 统计设置: the reporting date every figure is for, and who counts as having party work (党的工作覆盖). Saved on its
 * own, apart from the indicators, since it changes every indicator at once. It starts from `settings`: the parent
 * mounts it again (by key) when the core's answer changes.
 */
export function StatsSettingsForm({
  settings,
  readOnly,
  onSaved,
}: {
  settings: StatsSettings;
  readOnly: boolean;
  onSaved: (saved: StatsSettings) => void;
}) {
  const [form] = Form.useForm<SettingsValues>();
  const { saving, problem, attempt, send } = useFormSaving(form, fieldOf);
  const [dirty, setDirty] = useState(false);
  const months = Form.useWatch('months', form) ?? settings.partyWork.months;
  const needsInstructor = Form.useWatch('needsInstructor', form) ?? settings.partyWork.needsInstructor;

  const save = () =>
    attempt(async () => {
      let values: SettingsValues;
      try {
        values = await form.validateFields();
      } catch {
        return;
      }
      await send(async () => {
        const saved = await call('stats:saveSettings', {
          settings: {
            reportingOn: values.reportingOn ?? null,
            partyWork: { months: values.months ?? 0, needsInstructor: values.needsInstructor },
          },
        });
        onSaved(saved);
      });
    });

  return (
    <Form<SettingsValues>
      form={form}
      layout="inline"
      initialValues={valuesOf(settings)}
      disabled={readOnly}
      onValuesChange={() => setDirty(true)}
      data-testid="stats-settings-form"
      style={{ rowGap: 8 }}
    >
      <Form.Item label="统计截止日期" name="reportingOn" rules={REPORTING_ON_RULES}>
        <DateInput allowClear placeholder="不填为今天" style={{ width: 160 }} data-testid="stats-reporting-on" />
      </Form.Item>
      <Form.Item label="党的工作覆盖认定：近" tooltip={FIELD_HELP.workCoverage} style={{ marginInlineEnd: 4 }}>
        <Flex align="center" gap={6}>
          <Form.Item name="months" rules={MONTHS_RULES} noStyle>
            <InputNumber<number>
              min={1}
              max={RECENT_LOG_MAX_MONTHS}
              precision={0}
              style={{ width: 72 }}
              data-testid="stats-party-work-months"
            />
          </Form.Item>
          <span>个月内有工作记录</span>
        </Flex>
      </Form.Item>
      <Form.Item name="needsInstructor" valuePropName="checked">
        <Checkbox data-testid="stats-needs-instructor">需已选派党建工作指导员</Checkbox>
      </Form.Item>
      {!readOnly && (
        <Form.Item>
          <Button
            type={dirty ? 'primary' : 'default'}
            onClick={() => void save()}
            loading={saving}
            disabled={!dirty}
            data-testid="stats-settings-save"
          >
            保存统计设置
          </Button>
        </Form.Item>
      )}
      <Typography.Text type="secondary" style={{ flexBasis: '100%', fontSize: 12 }} data-testid="stats-rule-text">
        统计截止日期：各项统计和快照以这一天为准，工作记录的月数也从这一天往前算。{ruleText(months, needsInstructor)}
      </Typography.Text>
      {problem && (
        <Typography.Text type="danger" style={{ flexBasis: '100%' }} data-testid="stats-settings-error">
          {problem}
        </Typography.Text>
      )}
    </Form>
  );
}
