import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { PASSWORD_WARNING } from '../../../shared/ipc/lock';
import { RecoverySheet, type RecoveryKeyInfo } from './RecoverySheet';

/**
 * The recovery key, shown this once: it cannot be closed until the clerk ticks that it was printed or copied down —
 * there is no other way to see this key again.
 */
export function RecoveryKeyModal({
  info,
  backupName,
  onClose,
}: {
  info: RecoveryKeyInfo;
  backupName: string;
  onClose: () => void;
}) {
  const [kept, setKept] = useState(false);
  return (
    <Modal
      open
      title="请打印恢复密钥"
      closable={false}
      maskClosable={false}
      keyboard={false}
      width={640}
      footer={
        <Space>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-recovery-key">
            打印恢复密钥
          </Button>
          <Button type="primary" disabled={!kept} onClick={onClose} data-testid="recovery-key-done">
            完成
          </Button>
        </Space>
      }
    >
      <Alert type="error" showIcon title={PASSWORD_WARNING} style={{ marginBottom: 16 }} />
      <Typography.Paragraph>恢复密钥（只显示这一次）：</Typography.Paragraph>
      <Typography.Paragraph
        copyable={false}
        data-testid="recovery-key"
        style={{ fontFamily: 'monospace', fontSize: 20, fontWeight: 'bold', textAlign: 'center', wordSpacing: 8 }}
      >
        {info.recoveryKey.split('-').join(' ')}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        忘记密码时，可用恢复密钥代替密码打开台账。改动前的台账已备份为“{backupName}”。
      </Typography.Paragraph>
      <Checkbox checked={kept} onChange={(e) => setKept(e.target.checked)} data-testid="recovery-key-kept">
        我已打印或抄下恢复密钥
      </Checkbox>
      <RecoverySheet {...info} />
    </Modal>
  );
}
