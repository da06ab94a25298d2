import { App, Form, Input, type FormRule } from 'antd';
import { localDate } from '../../../shared/domain/enterpriseRules';
import type { AssignmentRow } from '../../../shared/domain/party';
import { assignmentInput } from '../../../shared/ipc/people';
import { call } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { schemaRule } from '../../components/schemaRule';
import { ItemModal } from '../settings/ItemModal';
import { EnterpriseSelect } from './EnterpriseSelect';

interface AssignmentValues {
  enterpriseId?: number;
  startedOn?: string;
  endedOn?: string | null;
  note?: string;
}

/** What the dialog is for: a new assignment, correcting one, or ending a current one (only 结束日期 asked). */
export type AssignmentEdit =
  { kind: 'new' } | { kind: 'edit'; row: AssignmentRow } | { kind: 'end'; row: AssignmentRow };

const rule = (field: keyof AssignmentValues) => schemaRule(assignmentInput, field);

/** The same check the core makes, so the clerk sees it beside 结束日期 before saving. */
const notBeforeStart =
  (startedOn: () => string | undefined): FormRule =>
  () => ({
    validator: async (_rule, endedOn: string | null | undefined) => {
      const start = startedOn();
      if (endedOn && start && endedOn < start) throw new Error('结束日期不能早于派驻日期');
    },
  });

/** 派驻到企业 / 修改派驻 / 结束派驻 for one instructor. */
export function AssignmentModal({
  instructorId,
  instructorName,
  edit,
  onSaved,
  onCancel,
}: {
  instructorId: number;
  instructorName: string;
  edit: AssignmentEdit;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<AssignmentValues>();
  const row = edit.kind === 'new' ? null : edit.row;
  const today = localDate(new Date());

  const save = async (v: AssignmentValues) => {
    await call('assignments:save', {
      id: row?.id,
      instructorId,
      enterpriseId: v.enterpriseId ?? row?.enterpriseId ?? 0,
      startedOn: v.startedOn ?? row?.startedOn ?? '',
      endedOn: v.endedOn ?? null,
      note: v.note ?? row?.note ?? '',
    });
    void message.success(edit.kind === 'end' ? `已结束在“${row?.enterpriseName}”的派驻` : '已保存派驻记录');
    onSaved();
  };

  const startedOn = () => (edit.kind === 'end' ? edit.row.startedOn : form.getFieldValue('startedOn'));
  const title =
    edit.kind === 'new'
      ? `派驻${instructorName}到企业`
      : edit.kind === 'end'
        ? `结束在“${edit.row.enterpriseName}”的派驻`
        : `修改派驻：${edit.row.enterpriseName}`;

  return (
    <ItemModal<AssignmentValues>
      title={title}
      testId="assignment-form"
      form={form}
      initialValues={
        row
          ? {
              enterpriseId: row.enterpriseId,
              startedOn: row.startedOn,
              endedOn: edit.kind === 'end' ? today : row.endedOn,
              note: row.note,
            }
          : { startedOn: today, endedOn: null, note: '' }
      }
      onSubmit={save}
      onCancel={onCancel}
    >
      {edit.kind !== 'end' && (
        <>
          <Form.Item required label="企业" name="enterpriseId" rules={[rule('enterpriseId')]}>
            <EnterpriseSelect
              autoFocus={edit.kind === 'new'}
              known={row ? [{ id: row.enterpriseId, name: row.enterpriseName }] : []}
              data-testid="assignment-enterprise"
            />
          </Form.Item>
          <Form.Item
            required
            label="派驻日期"
            name="startedOn"
            rules={[rule('startedOn')]}
            extra="该企业原有在任指导员的，其派驻在这一天结束。"
          >
            <DateInput />
          </Form.Item>
        </>
      )}
      {edit.kind === 'end' && <p>派驻日期：{edit.row.startedOn}</p>}
      <Form.Item
        label="结束日期"
        name="endedOn"
        required={edit.kind === 'end'}
        dependencies={['startedOn']}
        rules={[
          rule('endedOn'),
          notBeforeStart(startedOn),
          ...(edit.kind === 'end' ? [{ required: true, message: '请填写结束日期' }] : []),
        ]}
      >
        <DateInput placeholder={edit.kind === 'end' ? undefined : '在任可不填'} autoFocus={edit.kind === 'end'} />
      </Form.Item>
      {edit.kind !== 'end' && (
        <Form.Item label="备注" name="note" rules={[rule('note')]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      )}
    </ItemModal>
  );
}
