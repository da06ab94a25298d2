import { Form, Input } from 'antd';

/**
 * The one box where a clerk types an encrypted ledger's password or its printed recovery key (opening, unlocking):
 * the core's refusal ("密码不正确") shows beside it, and typing again clears it.
 */
export function SecretField({
  error,
  testId,
  onEnter,
}: {
  error: string | null;
  testId: string;
  onEnter?: () => void;
}) {
  return (
    <Form.Item
      name="password"
      label="密码或恢复密钥"
      rules={[{ required: true, message: '请输入密码' }]}
      validateStatus={error ? 'error' : undefined}
      help={error ?? undefined}
    >
      <Input.Password autoFocus autoComplete="off" data-testid={testId} onPressEnter={onEnter} />
    </Form.Item>
  );
}
