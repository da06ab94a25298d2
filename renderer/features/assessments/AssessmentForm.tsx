import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Col, Divider, Drawer, Flex, Form, Input, InputNumber, Row, Typography } from 'antd';
import { useRef, useState } from 'react';
import { HARD_INDICATORS, STANDARDS, STANDARD_IDS, type AssessmentRow } from '../../../shared/domain/assessments';
import { assessmentInput } from '../../../shared/ipc/plans';
import { call } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { enterMovesToNextField } from '../../components/enterMovesToNextField';
import { showFieldError, validateOrFocusFirstError } from '../../components/formErrors';
import { FormDrawerFooter } from '../../components/FormDrawerFooter';
import { schemaRule } from '../../components/schemaRule';
import { useDiscardGuard } from '../../components/useDiscardGuard';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useFormSaving } from '../../components/useFormSaving';
import { useSaveShortcut } from '../../components/useSaveShortcut';
import { EnterpriseSelect } from '../people/EnterpriseSelect';
import { GradeTag } from './columns';
import {
  GRADE_RULE,
  HARD_IDS,
  blankValues,
  fieldOf,
  inputOf,
  liveResult,
  valuesOf,
  type AssessmentFormValues,
} from './formModel';

const scoreRule = (s: (typeof STANDARD_IDS)[number]) => [schemaRule(assessmentInput.shape.scores, s)];
const rule = (field: 'enterpriseId' | 'year' | 'assessedOn' | 'note') => [schemaRule(assessmentInput, field)];

export interface AssessmentFormProps {
  /** null: a new assessment. */
  row: AssessmentRow | null;
  /** The year a new one is for: the one the screen shows. */
  year: number;
  readOnly: boolean;
  onClose: () => void;
  /** After a save or a delete: the list reads again. */
  onChanged: () => void;
}

/**
 * 新增/修改双强评价 in a drawer, mounted per opening: the enterprise, a score per standard, the hard indicators
 * (pre-filled from what the ledger knows of the enterprise), and the total and grade as the clerk types, worked
 * out by the same rule the core applies when it stores them. Enter moves on, Ctrl+S saves.
 */
export function AssessmentForm({ row, year, readOnly, onClose, onChanged }: AssessmentFormProps) {
  const [form] = Form.useForm<AssessmentFormValues>();
  const { message, modal } = App.useApp();
  const showError = useErrorMessage();
  const { saving, problem, setProblem, attempt, send } = useFormSaving(form, fieldOf);
  const [prefilled, setPrefilled] = useState(false);
  // The enterprise last picked: a late answer for an earlier pick must not tick its boxes.
  const picked = useRef<number | undefined>(row?.enterpriseId);
  const values = Form.useWatch([], form) as Partial<AssessmentFormValues> | undefined;
  const result = liveResult(values ?? (row ? valuesOf(row) : blankValues(year)));

  const prefill = (enterpriseId: number | undefined) => {
    picked.current = enterpriseId;
    setPrefilled(false);
    if (enterpriseId === undefined) return;
    call('assessments:prefill', { enterpriseId }).then((hard) => {
      if (picked.current !== enterpriseId) return;
      form.setFieldsValue(hard);
      setPrefilled(true);
    }, showError);
  };

  const save = () =>
    attempt(async () => {
      if (readOnly || !(await validateOrFocusFirstError(form))) return;
      const parsed = assessmentInput.safeParse(inputOf(form.getFieldsValue(true)));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = fieldOf(`input.${issue?.path.map(String).join('.')}`);
        if (field && issue) showFieldError(form, field, issue.message);
        else setProblem(issue?.message ?? '填写有误');
        return;
      }
      await send(async () => {
        await call('assessments:save', { id: row?.id, input: parsed.data });
        void message.success('已保存双强评价');
        onChanged();
        onClose();
      });
    });

  const confirmDelete = (r: AssessmentRow) =>
    modal.confirm({
      title: `删除“${r.enterpriseName}”${r.year}年的双强评价？`,
      content: '删除后可通过“撤销”恢复。',
      okText: '删除',
      okType: 'danger',
      cancelText: '取消',
      onOk: async () => {
        try {
          await call('assessments:delete', { id: r.id });
          void message.success(`已删除“${r.enterpriseName}”${r.year}年的双强评价`);
          onChanged();
          onClose();
        } catch (e) {
          showError(e);
        }
      },
    });

  const requestClose = useDiscardGuard({
    what: '这份双强评价',
    hasChanges: () => !readOnly && form.isFieldsTouched(),
    saving,
    onClose,
  });
  useSaveShortcut(() => void save(), { enabled: !readOnly });

  const footer = readOnly ? (
    <Flex justify="end">
      <Button onClick={onClose}>关闭</Button>
    </Flex>
  ) : (
    <FormDrawerFooter
      testId="assessment"
      problem={problem}
      onCancel={requestClose}
      onSave={() => void save()}
      saving={saving}
    />
  );
  const extra = row && !readOnly && (
    <Button danger icon={<DeleteOutlined />} onClick={() => confirmDelete(row)} data-testid="assessment-delete">
      删除
    </Button>
  );

  return (
    <Drawer
      open
      onClose={requestClose}
      size="min(760px, 100vw)"
      title={row ? `${row.enterpriseName} ${row.year}年双强评价` : '新增双强评价'}
      extra={extra}
      footer={footer}
    >
      <div onKeyDown={enterMovesToNextField}>
        <Form
          form={form}
          name="assessment"
          layout="vertical"
          disabled={readOnly}
          initialValues={row ? valuesOf(row) : blankValues(year)}
          validateTrigger={['onChange', 'onBlur']}
          data-testid="assessment-form"
        >
          <Row gutter={16}>
            <Col span={13}>
              <Form.Item required label="企业" name="enterpriseId" rules={rule('enterpriseId')}>
                <EnterpriseSelect
                  known={row ? [{ id: row.enterpriseId, name: row.enterpriseName }] : undefined}
                  autoFocus={!row && !readOnly}
                  onChange={prefill}
                  data-testid="assessment-enterprise"
                />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item required label="年度" name="year" rules={rule('year')}>
                <InputNumber precision={0} style={{ width: '100%' }} data-testid="assessment-year" />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item label="评价日期" name="assessedOn" rules={rule('assessedOn')}>
                <DateInput placeholder="可不填" data-testid="assessment-assessed-on" />
              </Form.Item>
            </Col>
          </Row>
          <Divider titlePlacement="start" plain>
            七项标准得分（可保留一位小数）
          </Divider>
          <Row gutter={16}>
            {STANDARD_IDS.map((s) => (
              <Col span={8} key={s}>
                <Form.Item label={`${STANDARDS[s].label}（满分${STANDARDS[s].max}）`} name={s} rules={scoreRule(s)}>
                  <InputNumber
                    min={0}
                    step={1}
                    placeholder="0"
                    suffix={`/ ${STANDARDS[s].max}`}
                    style={{ width: '100%' }}
                    data-testid={`assessment-score-${s}`}
                  />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Divider titlePlacement="start" plain>
            硬性指标
          </Divider>
          <Row gutter={16}>
            {HARD_IDS.map((h) => (
              <Col span={12} key={h}>
                <Form.Item name={h} valuePropName="checked" style={{ marginBottom: 8 }}>
                  <Checkbox data-testid={`assessment-hard-${h}`}>{HARD_INDICATORS[h]}</Checkbox>
                </Form.Item>
              </Col>
            ))}
          </Row>
          {prefilled && (
            <Typography.Paragraph type="secondary" data-testid="assessment-prefilled">
              前三项已按台账中的组织设置、活动场所和党建经费预填，请核对。
            </Typography.Paragraph>
          )}
          <Flex
            align="center"
            gap={12}
            wrap
            style={{ background: 'rgba(0,0,0,0.03)', padding: '8px 12px', borderRadius: 6, marginBottom: 16 }}
            data-testid="assessment-result"
          >
            <span>
              总分 <strong data-testid="assessment-total">{result.total}</strong>
            </span>
            <span>
              等次{' '}
              {result.grade ? (
                <GradeTag grade={result.grade} />
              ) : (
                <Typography.Text type="danger">先改正得分</Typography.Text>
              )}
            </span>
            <Typography.Text type="secondary">{GRADE_RULE}</Typography.Text>
          </Flex>
          <Form.Item label="备注" name="note" rules={rule('note')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Form>
      </div>
    </Drawer>
  );
}
