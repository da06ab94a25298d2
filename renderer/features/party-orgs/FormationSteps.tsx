import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Flex, Form, Input, Row, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { FORMATION_STEPS, type FormationStepKind } from '../../../shared/domain/labels';
import type { FormationStepItem, PartyOrgDetail } from '../../../shared/domain/party';
import { formationStepInput } from '../../../shared/ipc/partyOrgs';
import { ApiError, call } from '../../api/client';
import { Attachments } from '../../components/Attachments';
import { DateInput } from '../../components/DateInput';
import { schemaRule } from '../../components/schemaRule';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useLedgerNav } from '../ledger/navigation';

const KINDS = Object.keys(FORMATION_STEPS) as FormationStepKind[];

interface StepValues {
  doneOn?: string | null;
  docNo?: string;
  note?: string;
}

type StepField = keyof StepValues;
const STEP_FIELDS: StepField[] = ['doneOn', 'docNo', 'note'];
const rule = (field: StepField) => [schemaRule(formationStepInput, field)];

/**
 * 组建步骤 in their order (请示 → 批准 → … → 挂牌): each recorded one with its date, 文号, 说明 and scans, edited
 * in place; those not yet recorded can be filled in as they happen.
 */
export function FormationSteps({ org }: { org: PartyOrgDetail }) {
  const nav = useLedgerNav();
  const [editing, setEditing] = useState<FormationStepKind | null>(null);
  const byKind = new Map(org.steps.map((s) => [s.step, s]));
  const recorded = KINDS.filter((k) => byKind.has(k)).length;

  return (
    <div data-testid="formation-steps">
      <Typography.Paragraph type="secondary">
        已办理 {recorded}/{KINDS.length} 步
      </Typography.Paragraph>
      <Steps
        orientation="vertical"
        size="small"
        current={-1}
        items={KINDS.map((kind) => {
          const step = byKind.get(kind);
          return {
            key: kind,
            status: step ? 'finish' : 'wait',
            title: (
              <span data-testid="formation-step-title" data-step={kind}>
                {FORMATION_STEPS[kind]}
              </span>
            ),
            subTitle: step?.doneOn ?? undefined,
            content: (
              <div data-testid="formation-step" data-step={kind} data-recorded={step ? 'true' : 'false'}>
                {editing === kind ? (
                  <StepEditor orgId={org.id} kind={kind} step={step ?? null} onDone={() => setEditing(null)} />
                ) : step ? (
                  <RecordedStep
                    step={step}
                    readOnly={nav.readOnly}
                    busy={editing !== null}
                    onEdit={() => setEditing(kind)}
                  />
                ) : (
                  !nav.readOnly && (
                    <Button
                      size="small"
                      type="dashed"
                      icon={<PlusOutlined />}
                      disabled={editing !== null}
                      onClick={() => setEditing(kind)}
                      data-testid="formation-step-add"
                    >
                      登记
                    </Button>
                  )
                )}
              </div>
            ),
          };
        })}
      />
    </div>
  );
}

function RecordedStep({
  step,
  readOnly,
  busy,
  onEdit,
}: {
  step: FormationStepItem;
  readOnly: boolean;
  /** Another step is being edited: one at a time. */
  busy: boolean;
  onEdit: () => void;
}) {
  const nav = useLedgerNav();
  const { message, modal } = App.useApp();
  const showError = useErrorMessage();

  const remove = () =>
    modal.confirm({
      title: `删除“${FORMATION_STEPS[step.step]}”这一步的记录？`,
      content: `${step.attachments.length > 0 ? `其${step.attachments.length}个附件一并删除。` : ''}删除后可通过“撤销”恢复。`,
      okText: '删除',
      okType: 'danger',
      cancelText: '取消',
      onOk: async () => {
        try {
          await call('formationSteps:delete', { id: step.id });
          void message.success('已删除');
          nav.changed();
        } catch (e) {
          showError(e);
        }
      },
    });

  return (
    <Flex vertical gap={4} style={{ paddingBottom: 8 }}>
      <Flex gap={16} wrap align="baseline">
        <span>
          <Typography.Text type="secondary">日期 </Typography.Text>
          <span data-testid="formation-step-date">{step.doneOn ?? '未填'}</span>
        </span>
        <span>
          <Typography.Text type="secondary">文号 </Typography.Text>
          <span data-testid="formation-step-docno">{step.docNo || '—'}</span>
        </span>
        {!readOnly && (
          <Space size={0}>
            <Button
              type="link"
              size="small"
              icon={<EditOutlined />}
              disabled={busy}
              onClick={onEdit}
              data-testid="formation-step-edit"
            >
              编辑
            </Button>
            <Button
              type="link"
              size="small"
              danger
              icon={<DeleteOutlined />}
              disabled={busy}
              onClick={remove}
              data-testid="formation-step-delete"
            >
              删除
            </Button>
          </Space>
        )}
      </Flex>
      {step.note && <Typography.Text style={{ whiteSpace: 'pre-line' }}>{step.note}</Typography.Text>}
      <Attachments
        ownerType="formation-step"
        ownerId={step.id}
        attachments={step.attachments}
        readOnly={readOnly}
        onChanged={nav.changed}
      />
    </Flex>
  );
}

function StepEditor({
  orgId,
  kind,
  step,
  onDone,
}: {
  orgId: number;
  kind: FormationStepKind;
  step: FormationStepItem | null;
  onDone: () => void;
}) {
  const nav = useLedgerNav();
  const { message } = App.useApp();
  const [form] = Form.useForm<StepValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const save = async (v: StepValues) => {
    setBusy(true);
    setProblem(null);
    try {
      await call('formationSteps:save', {
        orgId,
        step: kind,
        doneOn: v.doneOn ?? null,
        docNo: v.docNo ?? '',
        note: v.note ?? '',
      });
      void message.success(`已保存“${FORMATION_STEPS[kind]}”`);
      nav.changed();
      onDone();
    } catch (e) {
      const field = e instanceof ApiError ? (e.field as StepField | undefined) : undefined;
      if (field && STEP_FIELDS.includes(field)) form.setFields([{ name: field, errors: [(e as ApiError).message] }]);
      else setProblem(e instanceof ApiError ? e.message : '保存失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<StepValues>
      form={form}
      layout="vertical"
      size="small"
      initialValues={step ? { doneOn: step.doneOn, docNo: step.docNo, note: step.note } : {}}
      onFinish={(v) => void save(v)}
      data-testid="formation-step-form"
      style={{ maxWidth: 640, paddingBottom: 8 }}
    >
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item label="办理日期" name="doneOn" rules={rule('doneOn')}>
            <DateInput autoFocus />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item label="文号" name="docNo" rules={rule('docNo')}>
            <Input placeholder="例如：长委〔2024〕12号" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label="说明" name="note" rules={rule('note')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
        </Col>
      </Row>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 8 }} />}
      <Space>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="formation-step-save">
          保存
        </Button>
        <Button onClick={onDone}>取消</Button>
      </Space>
      {!step && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          保存后可添加扫描件或照片。
        </Typography.Paragraph>
      )}
    </Form>
  );
}
