import { Alert, Form, Input, Modal, type ButtonProps } from 'antd';
import { useState } from 'react';
import { messageOf } from '../../components/formErrors';

/** 撤回 an issued document: the reason is required and kept in the register beside the number, which stays taken. */
export function WithdrawModal({
  open,
  number,
  onCancel,
  onWithdraw,
}: {
  open: boolean;
  number: string | null;
  onCancel: () => void;
  onWithdraw: (reason: string) => Promise<void>;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={open}
      title={`撤回公文${number ? ` ${number}` : ''}`}
      okText="撤回"
      okButtonProps={{ danger: true, loading: busy, 'data-testid': 'doc-withdraw-ok' } as ButtonProps}
      cancelText="取消"
      onCancel={onCancel}
      destroyOnHidden
      onOk={async () => {
        const { reason } = await form.validateFields();
        setBusy(true);
        setProblem(null);
        try {
          await onWithdraw(reason.trim());
        } catch (e) {
          setProblem(messageOf(e, '撤回失败，请重试'));
        } finally {
          setBusy(false);
        }
      }}
      data-testid="doc-withdraw-modal"
    >
      <Alert
        type="info"
        showIcon
        title="撤回后该发文字号仍保留在发文登记中（显示为“已撤回”），不会再分配给其他公文。"
        style={{ marginBottom: 12 }}
      />
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          label="撤回原因"
          name="reason"
          rules={[{ required: true, whitespace: true, message: '请填写撤回原因' }, { max: 200 }]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={200} data-testid="doc-withdraw-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
