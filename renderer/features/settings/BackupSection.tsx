import { CloudUploadOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Flex, InputNumber, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { BackupItem, BackupSettingsView } from '../../../shared/ipc/backups';
import type { OpenLedger } from '../../../shared/ipc/ledgers';
import { call, pickBackupFolder } from '../../api/client';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useRestore } from './useRestore';
import { useLedgerRequest } from '../../app/commands/ledgerRequests';
import { BackupFolderField } from './BackupFolderField';

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * 备份与恢复: the open ledger's backups (made automatically before imports and migrations and daily, or by 立即备份),
 * each restorable; the folder they live in (outside the program's own folder, changed only through the desktop
 * folder dialog — the browser shell shows it) and how many are kept.
 */
export function BackupSection({ onRestored }: { onRestored: (ledger: OpenLedger) => void }) {
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [items, setItems] = useState<BackupItem[] | null>(null);
  const [settings, setSettings] = useState<BackupSettingsView | null>(null);
  const [keep, setKeep] = useState<{ keepToday: number | null; maxTotal: number | null }>({
    keepToday: null,
    maxTotal: null,
  });
  const [busy, setBusy] = useState(false);
  const { restore, restoring } = useRestore(onRestored);

  const load = useCallback(() => {
    call('backups:list', {}).then(setItems, showError);
  }, [showError]);
  const shown = useCallback((s: BackupSettingsView) => {
    setSettings(s);
    setKeep({ keepToday: s.keepToday, maxTotal: s.maxTotal });
  }, []);
  useEffect(load, [load]);
  useEffect(() => {
    call('backups:settings', {}).then(shown, showError);
  }, [shown, showError]);

  useLedgerRequest('backupNow', () => void backupNow());

  async function backupNow() {
    setBusy(true);
    try {
      const made = await call('backups:create', {});
      void message.success(`已备份：${made.name}`);
      load();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  }

  async function save(folderRef?: string) {
    if (keep.keepToday === null || keep.maxTotal === null) {
      void message.error('请填写当天保留份数和最多保留份数');
      return;
    }
    try {
      shown(
        await call('backups:saveSettings', {
          keepToday: keep.keepToday,
          maxTotal: keep.maxTotal,
          ...(folderRef ? { folderRef } : {}),
        }),
      );
      void message.success('备份设置已保存');
      load();
    } catch (e) {
      showError(e);
    }
  }

  async function changeFolder() {
    try {
      const ref = await pickBackupFolder();
      if (ref) await save(ref);
    } catch (e) {
      showError(e);
    }
  }

  return (
    <div data-testid="backup-section">
      <Typography.Paragraph type="secondary">
        每次导入前、台账升级前和每天第一次打开时会自动备份；也可以随时立即备份。备份经过校验后才保存，
        恢复前会先把当前台账再备份一份，所以恢复本身也可以撤回。
      </Typography.Paragraph>
      {settings && (
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
          <Descriptions.Item label="备份文件夹">
            <BackupFolderField folder={settings.folder} onChange={() => void changeFolder()} testId="backup-folder" />
          </Descriptions.Item>
          <Descriptions.Item label="保留份数">
            <Space wrap>
              <span>当天最新</span>
              <InputNumber
                aria-label="当天保留份数"
                min={1}
                precision={0}
                value={keep.keepToday}
                onChange={(v) => setKeep((k) => ({ ...k, keepToday: v }))}
                style={{ width: 72 }}
              />
              <span>份，以前每天 1 份，最多共</span>
              <InputNumber
                aria-label="最多保留份数"
                min={1}
                precision={0}
                value={keep.maxTotal}
                onChange={(v) => setKeep((k) => ({ ...k, maxTotal: v }))}
                style={{ width: 72 }}
              />
              <span>份</span>
              <Button
                size="small"
                onClick={() => void save()}
                disabled={keep.keepToday === settings.keepToday && keep.maxTotal === settings.maxTotal}
              >
                保存
              </Button>
            </Space>
          </Descriptions.Item>
        </Descriptions>
      )}
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>本台账的备份</Typography.Text>
        <Button
          type="primary"
          icon={<CloudUploadOutlined />}
          loading={busy}
          onClick={() => void backupNow()}
          data-testid="backup-now"
        >
          立即备份
        </Button>
      </Flex>
      <Table<BackupItem>
        data-testid="backup-list"
        size="small"
        rowKey="name"
        loading={items === null}
        dataSource={items ?? []}
        pagination={false}
        locale={{ emptyText: '还没有备份' }}
        columns={[
          { title: '备份时间', dataIndex: 'takenAt', width: 180 },
          { title: '原因', dataIndex: 'reasonLabel', width: 100 },
          { title: '大小', dataIndex: 'size', width: 100, render: (v: number) => size(v) },
          { title: '文件名', dataIndex: 'name', ellipsis: true },
          {
            title: '',
            key: 'restore',
            width: 90,
            render: (_: unknown, item) => (
              <Button
                size="small"
                loading={restoring === item.name}
                onClick={() => restore(item.name, item.takenAt)}
                data-testid="backup-restore"
              >
                恢复
              </Button>
            ),
          },
        ]}
      />
    </div>
  );
}
