import { LockOutlined } from '@ant-design/icons';
import { Button, Form, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { OpenLedger } from '../../../shared/ipc/ledgers';
import { ApiError, call } from '../../api/client';
import { messageOf } from '../../components/formErrors';
import { SecretField } from './SecretField';

/**
 * The full-window cover of a locked ledger. It lies over the app instead of replacing it, so the screens beneath
 * (a half-filled form included) are as they were after 解锁. Only the password or the recovery key gets past it.
 */
export function LockScreen({
  township,
  fileName,
  onUnlocked,
  onClose,
}: {
  township: string;
  fileName: string;
  onUnlocked: (ledger: OpenLedger) => void;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ password: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Drawers and modals live in their own containers beside the app, outside its inert layout: everything in the
  // page but this cover is made inert while it is up, so Tab cannot reach a field of an open form behind it.
  const [host] = useState(() => document.createElement('div'));
  useEffect(() => {
    document.body.append(host);
    const others = [...document.body.children].filter(
      (el): el is HTMLElement => el instanceof HTMLElement && el !== host && !el.inert,
    );
    for (const el of others) el.inert = true;
    return () => {
      for (const el of others) el.inert = false;
      host.remove();
    };
  }, [host]);

  const unlock = async ({ password }: { password: string }) => {
    setBusy(true);
    try {
      onUnlocked(await call('ledgers:unlock', { password }));
    } catch (e) {
      setError(e instanceof ApiError && e.code === 'PASSWORD' ? '密码不正确' : messageOf(e, '解锁失败，请重试'));
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };

  return createPortal(
    <div
      role="dialog"
      aria-modal="true"
      aria-label="台账已锁定"
      data-testid="lock-screen"
      style={{
        position: 'fixed',
        inset: 0,
        zIndex: 3000,
        background: '#f5f5f5',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
      }}
    >
      <div style={{ width: 380, background: '#fff', padding: 32, borderRadius: 8, boxShadow: '0 2px 12px #0002' }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          <LockOutlined /> 台账已锁定
        </Typography.Title>
        <Typography.Paragraph>
          {township}（{fileName}）
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">请输入密码解锁；忘记密码时，也可以输入恢复密钥。</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={unlock} onValuesChange={() => setError(null)}>
          <SecretField error={error} testId="unlock-password" />
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="unlock-submit">
            解 锁
          </Button>
          <Button type="link" block onClick={onClose} style={{ marginTop: 8 }}>
            关闭台账，回到开始页面
          </Button>
        </Form>
      </div>
    </div>,
    host,
  );
}
