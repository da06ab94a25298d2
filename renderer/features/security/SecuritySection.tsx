import { App, Alert, Button, Descriptions, Form, InputNumber, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { PasswordChange } from '../../../shared/ipc/encryption';
import type { OpenLedger } from '../../../shared/ipc/ledgers';
import { IDLE_MINUTES_MAX } from '../../../shared/domain/pcSettings';
import type { LockSettings } from '../../../shared/ipc/lock';
import { call } from '../../api/client';
import { messageOf, showCoreErrorOnField } from '../../components/formErrors';
import { useErrorMessage } from '../../components/useErrorMessage';
import { PasswordChangeModal, type PasswordAction } from './PasswordChangeModal';
import { RecoveryKeyModal } from './RecoveryKeyModal';
import type { RecoveryKeyInfo } from './RecoverySheet';
import { notifySecurityChange } from './securityEvents';

/**
 * 台账设置 → 密码与锁定: whether this ledger is encrypted, 设置/修改/取消密码, and this PC's automatic lock.
 */
export function SecuritySection() {
  const [ledger, setLedger] = useState<OpenLedger | null>(null);
  const [action, setAction] = useState<PasswordAction | null>(null);
  const [issued, setIssued] = useState<{ info: RecoveryKeyInfo; backup: string } | null>(null);
  const { message } = App.useApp();
  const showError = useErrorMessage();

  const reload = useCallback(() => {
    call('ledgers:current', {}).then(setLedger, showError);
  }, [showError]);
  useEffect(reload, [reload]);

  const done = (change: PasswordChange) => {
    setAction(null);
    setLedger(change.opened);
    notifySecurityChange({ encryptionChanged: true });
    if (change.recoveryKey) {
      const { township } = change.opened.settings;
      setIssued({
        info: { recoveryKey: change.recoveryKey, township, fileName: change.opened.fileName },
        backup: change.backup.name,
      });
    } else void message.success(`已取消密码；改动前的台账已备份为“${change.backup.name}”`);
  };

  if (!ledger) return <Spin />;
  const blocked = ledger.readOnly ? '台账以只读方式打开，不能更改密码' : null;
  return (
    <div data-testid="security-section" style={{ maxWidth: 720 }}>
      <Descriptions column={1} bordered size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label="台账密码">
          {ledger.encrypted ? (
            <Tag color="green" data-testid="encryption-state">
              已加密（设有密码）
            </Tag>
          ) : (
            <Tag data-testid="encryption-state">未加密</Tag>
          )}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary">
        设置密码后，台账文件和此后的备份都会加密，没有密码或恢复密钥就无法打开。设置或修改密码时会生成恢复密钥，请打印后与电脑分开保管。
      </Typography.Paragraph>
      {blocked && <Alert type="warning" showIcon title={blocked} style={{ marginBottom: 16 }} />}
      <Space style={{ marginBottom: 24 }}>
        {ledger.encrypted ? (
          <>
            <Button onClick={() => setAction('change')} disabled={!!blocked}>
              修改密码
            </Button>
            <Button danger onClick={() => setAction('remove')} disabled={!!blocked}>
              取消密码
            </Button>
          </>
        ) : (
          <Button type="primary" onClick={() => setAction('set')} disabled={!!blocked}>
            设置密码
          </Button>
        )}
      </Space>
      <Typography.Title level={5}>自动锁定</Typography.Title>
      {ledger.encrypted ? (
        <IdleLockSetting />
      ) : (
        <Typography.Paragraph type="secondary" data-testid="lock-needs-password">
          锁定需要台账密码：设置密码后，可以随时点页面顶部的“锁定”（或按 Ctrl+L），离开电脑一段时间也会自动锁定。
        </Typography.Paragraph>
      )}
      {action && <PasswordChangeModal action={action} onDone={done} onCancel={() => setAction(null)} />}
      {issued && <RecoveryKeyModal info={issued.info} backupName={issued.backup} onClose={() => setIssued(null)} />}
    </div>
  );
}

/** This PC's idle time before the automatic lock (app settings, not the ledger's). */
function IdleLockSetting() {
  const [form] = Form.useForm<LockSettings>();
  const [loaded, setLoaded] = useState(false);
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();

  useEffect(() => {
    call('lock:getSettings', {}).then(
      (s) => {
        form.setFieldsValue(s);
        setLoaded(true);
      },
      (e: unknown) => void message.error(messageOf(e, '读取锁定设置失败')),
    );
  }, [form, message]);

  const save = async (v: LockSettings) => {
    setSaving(true);
    try {
      const saved = await call('lock:saveSettings', { idleMinutes: v.idleMinutes });
      notifySecurityChange({ lockSettings: saved });
      void message.success(
        saved.idleMinutes === 0 ? '已设置为不自动锁定' : `已保存：${saved.idleMinutes} 分钟无操作后自动锁定`,
      );
    } catch (e) {
      if (!showCoreErrorOnField(form, e, (f) => (f === 'idleMinutes' ? f : null)))
        void message.error(messageOf(e, '保存失败，请重试'));
    } finally {
      setSaving(false);
    }
  };

  if (!loaded) return <Spin />;
  return (
    <Form form={form} layout="inline" onFinish={save}>
      <Form.Item
        name="idleMinutes"
        label="无操作多少分钟后自动锁定"
        extra="0 表示不自动锁定；本设置只对这台电脑有效。"
        rules={[
          { required: true, message: '请填写自动锁定时间' },
          { type: 'integer', min: 0, max: IDLE_MINUTES_MAX, message: `请填写 0～${IDLE_MINUTES_MAX} 之间的整数分钟` },
        ]}
      >
        <InputNumber addonAfter="分钟" style={{ width: 160 }} data-testid="idle-minutes" />
      </Form.Item>
      <Form.Item>
        <Button htmlType="submit" loading={saving}>
          保存
        </Button>
      </Form.Item>
    </Form>
  );
}
