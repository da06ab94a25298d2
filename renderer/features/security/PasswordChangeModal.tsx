import { Alert, Form, Input, Modal, Typography, type FormRule } from 'antd';
import { useState } from 'react';
import { newPassword, type PasswordChange } from '../../../shared/ipc/encryption';
import { PASSWORD_WARNING } from '../../../shared/ipc/lock';
import { call } from '../../api/client';
import { messageOf, showCoreErrorOnField } from '../../components/formErrors';

export type PasswordAction = 'set' | 'change' | 'remove';

interface Values {
  old?: string;
  password?: string;
  confirm?: string;
}

const TITLES: Record<PasswordAction, string> = { set: '设置密码', change: '修改密码', remove: '取消密码' };
const RULES_TEXT = '至少 8 个字符，不能全是数字（请加入字母或符号）。';

/** The contract's own rules for a new password, checked as the clerk types (an empty box is `required`'s). */
const newPasswordRule: FormRule = {
  validator: async (_rule, value: unknown) => {
    if (typeof value !== 'string' || value === '') return;
    const checked = newPassword.safeParse(value);
    if (!checked.success) throw new Error(checked.error.issues[0]?.message ?? '新密码不符合要求');
  },
};

/**
 * Which box a core refusal belongs beside: the request's field → this form's. 取消密码 asks for the current password
 * in the box named `old` here, which the core calls `password`.
 */
const FORM_FIELD: Record<PasswordAction, Readonly<Record<string, keyof Values>>> = {
  set: { password: 'password', confirm: 'confirm' },
  change: { old: 'old', password: 'password', confirm: 'confirm' },
  remove: { password: 'old' },
};

function send(action: PasswordAction, v: Values): Promise<PasswordChange> {
  if (action === 'set') return call('ledgers:setPassword', { password: v.password ?? '', confirm: v.confirm ?? '' });
  if (action === 'remove') return call('ledgers:removePassword', { password: v.old ?? '' });
  return call('ledgers:changePassword', { old: v.old ?? '', password: v.password ?? '', confirm: v.confirm ?? '' });
}

/** 设置密码 / 修改密码 / 取消密码: the core's field errors (old / password / confirm) go beside their field. */
export function PasswordChangeModal({
  action,
  onDone,
  onCancel,
}: {
  action: PasswordAction;
  onDone: (change: PasswordChange) => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await send(action, v));
    } catch (e) {
      const onField = showCoreErrorOnField(form, e, (f) => (f === undefined ? null : (FORM_FIELD[action][f] ?? null)));
      if (!onField) setError(messageOf(e, '操作失败，请重试'));
    } finally {
      setBusy(false);
    }
  };

  const newFields = action !== 'remove';
  return (
    <Modal
      open
      title={TITLES[action]}
      okText={action === 'remove' ? '取消密码' : '确定'}
      cancelText="关闭"
      okButtonProps={{ danger: action === 'remove', ...({ 'data-testid': 'password-change-ok' } as object) }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      maskClosable={false}
      destroyOnHidden
    >
      {newFields && (
        <Alert
          type="error"
          showIcon
          title={PASSWORD_WARNING}
          style={{ marginBottom: 16 }}
          data-testid="password-warning"
        />
      )}
      {action === 'remove' && (
        <Alert
          type="warning"
          showIcon
          title="取消密码后，台账文件不再受保护：任何拿到文件的人都能打开并查看其中的个人信息。"
          style={{ marginBottom: 16 }}
        />
      )}
      <Typography.Paragraph type="secondary">改动前会自动备份台账。</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        {action !== 'set' && (
          <Form.Item
            name="old"
            label={action === 'change' ? '原密码或恢复密钥' : '当前密码或恢复密钥'}
            rules={[{ required: true, message: '请填写当前密码' }]}
          >
            <Input.Password autoFocus autoComplete="off" data-testid="password-old" />
          </Form.Item>
        )}
        {newFields && (
          <>
            <Form.Item
              name="password"
              label="新密码"
              extra={RULES_TEXT}
              rules={[{ required: true, message: '请填写新密码' }, newPasswordRule]}
            >
              <Input.Password autoFocus={action === 'set'} autoComplete="new-password" data-testid="password-new" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label="确认新密码"
              dependencies={['password']}
              rules={[
                { required: true, message: '请再次输入新密码' },
                ({ getFieldValue }) => ({
                  validator: (_, value) =>
                    !value || value === getFieldValue('password')
                      ? Promise.resolve()
                      : Promise.reject(new Error('两次输入的新密码不一致')),
                }),
              ]}
            >
              <Input.Password
                autoComplete="new-password"
                data-testid="password-confirm"
                onPressEnter={() => form.submit()}
              />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
