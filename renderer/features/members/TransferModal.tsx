import { Alert, App, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { MemberListRow } from '../../../shared/domain/party';
import { ApiError, call } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { useLedgerNav } from '../ledger/navigation';
import { EnterpriseSelect } from '../people/EnterpriseSelect';
import { today } from '../party-orgs/orgLabels';

interface TransferValues {
  toEnterpriseId?: number | null;
  on?: string | null;
}

type TransferField = keyof TransferValues;

/**
 * 组织关系转接: the member moves to another enterprise, which must keep a roster; both enterprises' counts follow
 * and the move is one entry in the change log.
 */
export function TransferModal({
  member,
  onClose,
  onDone,
}: {
  member: MemberListRow;
  onClose: () => void;
  onDone: () => void;
}) {
  const nav = useLedgerNav();
  const { message } = App.useApp();
  const [form] = Form.useForm<TransferValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (v: TransferValues) => {
    setBusy(true);
    setProblem(null);
    try {
      await call('members:transfer', { id: member.id, toEnterpriseId: v.toEnterpriseId!, on: v.on ?? null });
      void message.success(`已将${member.name}的组织关系转出${member.enterpriseName}`);
      nav.changed();
      onDone();
    } catch (e) {
      const field = e instanceof ApiError ? (e.field as TransferField | undefined) : undefined;
      if (field === 'toEnterpriseId' || field === 'on')
        form.setFields([{ name: field, errors: [(e as ApiError).message] }]);
      else setProblem(e instanceof ApiError ? e.message : '转接失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`组织关系转接：${member.name}`}
      okText="转接"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Typography.Paragraph>从“{member.enterpriseName}”转入：</Typography.Paragraph>
      <Form<TransferValues>
        form={form}
        layout="vertical"
        initialValues={{ on: today() }}
        onFinish={(v) => void submit(v)}
        data-testid="member-transfer-form"
      >
        <Form.Item
          required
          label="转入企业"
          name="toEnterpriseId"
          rules={[{ required: true, message: '请选择转入企业' }]}
          extra="转入企业须已开启党员名册"
        >
          <EnterpriseSelect autoFocus data-testid="member-transfer-target" />
        </Form.Item>
        <Form.Item required label="转接日期" name="on" rules={[{ required: true, message: '请填写转接日期' }]}>
          <DateInput />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
    </Modal>
  );
}
