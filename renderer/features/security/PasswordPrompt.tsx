import { Form, Modal, Typography } from 'antd';
import { createContext, useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../../api/client';
import { SecretField } from './SecretField';

/** Calls `attempt` without a password, and again with the one the clerk types while the core answers PASSWORD. */
export type WithPassword = <T>(attempt: (password?: string) => Promise<T>) => Promise<T | null>;

export const PasswordRetryContext = createContext<WithPassword | null>(null);

interface Pending {
  /** The core's reason (台账已加密… or, for a backup, which password it wants). */
  reason: string;
  attempt: (password: string) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (e: unknown) => void;
}

const isPasswordRefusal = (e: unknown): e is ApiError => e instanceof ApiError && e.code === 'PASSWORD';

/**
 * The one password dialog of the app: every opener of an encrypted ledger (recent list, 打开台账文件…, 复制到本机,
 * 恢复 of an encrypted backup) goes through it via usePasswordRetry. A wrong password is said beside the field
 * and the same call is tried again; 取消 settles with null and leaves everything as it was.
 */
export function PasswordPromptProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<Pending | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ password: string }>();
  const current = useRef<Pending | null>(null);

  const withPassword = useCallback<WithPassword>(async <T,>(attempt: (password?: string) => Promise<T>) => {
    let reason: string;
    try {
      return await attempt();
    } catch (e) {
      if (!isPasswordRefusal(e)) throw e;
      reason = e.message;
    }
    return new Promise<T | null>((resolve, reject) => {
      const next: Pending = { reason, attempt, resolve: resolve as (v: unknown) => void, reject };
      current.current = next;
      setError(null);
      setPending(next);
    });
  }, []);

  const close = () => {
    current.current = null;
    setPending(null);
    setError(null);
    form.resetFields();
  };

  const submit = async ({ password }: { password: string }) => {
    const p = current.current;
    if (!p) return;
    setBusy(true);
    try {
      const value = await p.attempt(password);
      close();
      p.resolve(value);
    } catch (e) {
      if (isPasswordRefusal(e)) {
        setError('密码不正确');
        form.setFieldValue('password', '');
      } else {
        close();
        p.reject(e);
      }
    } finally {
      setBusy(false);
    }
  };

  const cancel = () => {
    const p = current.current;
    close();
    p?.resolve(null);
  };

  const value = useMemo(() => withPassword, [withPassword]);
  return (
    <PasswordRetryContext.Provider value={value}>
      {children}
      <Modal
        open={pending !== null}
        title="请输入台账密码"
        okText="打开"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={cancel}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'password-submit' } as Record<string, string>}
      >
        <Typography.Paragraph>
          {pending?.reason.replace(/[。.]?$/, '。')}忘记密码时，也可以输入打印的恢复密钥。
        </Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit} onValuesChange={() => setError(null)}>
          <SecretField error={error} testId="password-input" onEnter={() => form.submit()} />
        </Form>
      </Modal>
    </PasswordRetryContext.Provider>
  );
}
