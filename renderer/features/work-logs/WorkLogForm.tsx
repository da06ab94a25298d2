import { App, Checkbox, Col, Drawer, Form, Input, InputNumber, Row, Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { localDate } from '../../../shared/domain/enterpriseRules';
import { WORK_LOG_KINDS, type WorkLogKind } from '../../../shared/domain/labels';
import { workLogInput } from '../../../shared/ipc/workLogs';
import { call } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { enterMovesToNextField } from '../../components/enterMovesToNextField';
import { messageOf, showFieldError, validateOrFocusFirstError } from '../../components/formErrors';
import { FormDrawerFooter } from '../../components/FormDrawerFooter';
import { schemaRule } from '../../components/schemaRule';
import { useDiscardGuard } from '../../components/useDiscardGuard';
import { useFormSaving } from '../../components/useFormSaving';
import { useSaveShortcut } from '../../components/useSaveShortcut';
import { EnterpriseSelect, type EnterpriseOption } from '../people/EnterpriseSelect';
import { useLookups } from '../settings/useLookups';

/** The form's values; numbers may be blank while typing (blank counts as 0). */
export interface WorkLogFormValues {
  enterpriseId?: number;
  heldOn?: string;
  kind: WorkLogKind;
  instructorId?: number | null;
  participants: string;
  content: string;
  problems: string;
  resolution: string;
  suggestions: number | null;
  problemsSolved: number | null;
  followUpOn?: string | null;
  followUpDone: boolean;
}
type FieldName = keyof WorkLogFormValues;

const FIELDS: FieldName[] = [
  'enterpriseId',
  'heldOn',
  'kind',
  'instructorId',
  'participants',
  'content',
  'problems',
  'resolution',
  'suggestions',
  'problemsSolved',
  'followUpOn',
  'followUpDone',
];

const blank = (): WorkLogFormValues => ({
  heldOn: localDate(new Date()),
  kind: 'visit',
  instructorId: null,
  participants: '',
  content: '',
  problems: '',
  resolution: '',
  suggestions: 0,
  problemsSolved: 0,
  followUpOn: null,
  followUpDone: false,
});

const KIND_OPTIONS = (Object.keys(WORK_LOG_KINDS) as WorkLogKind[]).map((value) => ({
  value,
  label: WORK_LOG_KINDS[value],
}));

const rule = (field: FieldName) => [schemaRule(workLogInput, field)];
const fieldOf = (path: string | undefined): FieldName | null => {
  const name = path?.replace(/^input\./, '') as FieldName | undefined;
  return name && FIELDS.includes(name) ? name : null;
};

export interface WorkLogFormProps {
  /** null: a new log. */
  logId: number | null;
  /** What a new log starts with: the enterprise, the instructor, the kind. */
  initial?: Partial<WorkLogFormValues>;
  /** Enterprises to choose from instead of searching the whole ledger (an instructor's enterprises). */
  enterpriseChoices?: EnterpriseOption[];
  /** The enterprise is given and cannot be changed (adding from the enterprise's own page). */
  fixedEnterprise?: EnterpriseOption;
  onClose: () => void;
  onSaved: (id: number) => void;
}

/**
 * 新增/修改工作记录: a visit, meeting, activity, help given or training at one enterprise. Mounted per opening.
 * Like the enterprise form it is built for the keyboard: Enter moves on, Ctrl+S saves.
 */
export function WorkLogForm({
  logId,
  initial,
  enterpriseChoices,
  fixedEnterprise,
  onClose,
  onSaved,
}: WorkLogFormProps) {
  const [form] = Form.useForm<WorkLogFormValues>();
  const { message } = App.useApp();
  const { lookups } = useLookups(true);
  const [loaded, setLoaded] = useState<{ enterprise: EnterpriseOption } | null>(null);
  const { saving, problem, setProblem, attempt, send } = useFormSaving(form, fieldOf);
  const editing = logId !== null;
  const ready = !editing || loaded !== null;

  useEffect(() => {
    if (logId === null) return;
    let live = true;
    call('workLogs:get', { id: logId }).then(
      (log) => {
        if (!live) return;
        form.setFieldsValue({
          enterpriseId: log.enterpriseId,
          heldOn: log.heldOn,
          kind: log.kind,
          instructorId: log.instructorId,
          participants: log.participants,
          content: log.content,
          problems: log.problems,
          resolution: log.resolution,
          suggestions: log.suggestions,
          problemsSolved: log.problemsSolved,
          followUpOn: log.followUpOn,
          followUpDone: log.followUpDone,
        });
        setLoaded({ enterprise: { id: log.enterpriseId, name: log.enterpriseName } });
      },
      (e: unknown) => live && setProblem(messageOf(e, '读取工作记录失败，请重试')),
    );
    return () => {
      live = false;
    };
  }, [logId, form, setProblem]);

  const save = () => {
    if (!ready) return;
    return attempt(async () => {
      if (!(await validateOrFocusFirstError(form))) return;
      const v = form.getFieldsValue(true);
      const parsed = workLogInput.safeParse({
        ...v,
        instructorId: v.instructorId ?? null,
        suggestions: v.suggestions ?? 0,
        problemsSolved: v.problemsSolved ?? 0,
        followUpOn: v.followUpOn ?? null,
        followUpDone: !!v.followUpOn && v.followUpDone,
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = fieldOf(issue?.path.map(String).join('.'));
        if (field && issue) showFieldError(form, field, issue.message);
        else setProblem(issue?.message ?? '填写有误');
        return;
      }
      await send(async () => {
        const saved = await call('workLogs:save', { id: logId ?? undefined, input: parsed.data });
        void message.success('已保存工作记录');
        onSaved(saved.id);
        onClose();
      });
    });
  };

  const requestClose = useDiscardGuard({
    what: '这条工作记录',
    hasChanges: () => form.isFieldsTouched(),
    saving,
    onClose,
  });

  useSaveShortcut(() => void save());

  const followUpOn = Form.useWatch('followUpOn', form);
  const instructorOptions = (lookups?.instructors ?? []).map((i) => ({ value: i.id, label: i.name }));
  const known = [...(loaded ? [loaded.enterprise] : []), ...(fixedEnterprise ? [fixedEnterprise] : [])];

  const enterpriseControl = fixedEnterprise ? (
    <Select disabled options={[{ value: fixedEnterprise.id, label: fixedEnterprise.name }]} />
  ) : enterpriseChoices ? (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      options={enterpriseChoices.map((e) => ({ value: e.id, label: e.name }))}
      placeholder="选择企业"
      data-testid="work-log-enterprise"
    />
  ) : (
    <EnterpriseSelect known={known} autoFocus={!editing} data-testid="work-log-enterprise" />
  );

  const footer = (
    <FormDrawerFooter
      testId="work-log"
      problem={problem}
      onCancel={requestClose}
      onSave={() => void save()}
      saving={saving}
      saveDisabled={!ready}
    />
  );

  return (
    <Drawer
      open
      onClose={requestClose}
      size="min(760px, 100vw)"
      title={editing ? '修改工作记录' : '新增工作记录'}
      footer={footer}
    >
      <div onKeyDown={enterMovesToNextField}>
        <Spin spinning={!ready && problem === null} description="正在读取…">
          <Form
            form={form}
            name="workLog"
            layout="vertical"
            initialValues={{
              ...blank(),
              ...(fixedEnterprise ? { enterpriseId: fixedEnterprise.id } : {}),
              ...initial,
            }}
            validateTrigger={['onChange', 'onBlur']}
            data-testid="work-log-form"
          >
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item required label="企业" name="enterpriseId" rules={rule('enterpriseId')}>
                  {enterpriseControl}
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item required label="日期" name="heldOn" rules={rule('heldOn')}>
                  <DateInput />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item required label="记录类型" name="kind" rules={rule('kind')}>
                  <Select options={KIND_OPTIONS} showSearch={{ optionFilterProp: 'label' }} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label="党建工作指导员" name="instructorId" rules={rule('instructorId')}>
                  <Select
                    allowClear
                    showSearch={{ optionFilterProp: 'label' }}
                    placeholder="不是指导员走访的可不选"
                    options={instructorOptions}
                  />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label="参加人" name="participants" rules={rule('participants')}>
                  <Input placeholder="例如：张三（指导员）、李四（企业负责人）" />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item label="内容" name="content" rules={rule('content')}>
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label="反映问题" name="problems" rules={rule('problems')}>
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label="解决情况" name="resolution" rules={rule('resolution')}>
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item label="献计献策" name="suggestions" rules={rule('suggestions')}>
                  <InputNumber min={0} precision={0} suffix="条" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item label="解决实际问题" name="problemsSolved" rules={rule('problemsSolved')}>
                  <InputNumber min={0} precision={0} suffix="个" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item label="跟进期限" name="followUpOn" rules={rule('followUpOn')}>
                  <DateInput placeholder="无需跟进可不填" />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item label=" " name="followUpDone" valuePropName="checked">
                  <Checkbox disabled={!followUpOn}>已跟进</Checkbox>
                </Form.Item>
              </Col>
            </Row>
          </Form>
        </Spin>
      </div>
    </Drawer>
  );
}
