import { FolderOpenOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Flex, Tag, Typography } from 'antd';
import type { PrefsView } from '../../../shared/ipc/prefs';
import { call, canPickBackupFolder, pickBackupFolder, pickExportFolder } from '../../api/client';
import { useErrorMessage } from '../../components/useErrorMessage';
import { BackupFolderField } from '../settings/BackupFolderField';
import type { SavePrefs } from './PreferencesDrawer';

/**
 * 文件夹: where backups go and where the desktop's save dialogs start. Only a native folder dialog can change either
 * (the screen never types a path); the browser shell shows the backup folder and saves exports as downloads.
 */
export function FoldersSection({
  view,
  save,
  onBackupFolder,
}: {
  view: PrefsView;
  save: SavePrefs;
  onBackupFolder: (folder: string) => void;
}) {
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const desktop = canPickBackupFolder();

  // The same flow as 备份与恢复's 更改…: the keep numbers go along unchanged.
  const changeBackupFolder = async () => {
    try {
      const folderRef = await pickBackupFolder();
      if (!folderRef) return;
      const { keepToday, maxTotal } = await call('backups:settings', {});
      const saved = await call('backups:saveSettings', { keepToday, maxTotal, folderRef });
      onBackupFolder(saved.folder);
      void message.success('备份文件夹已更改');
    } catch (e) {
      showError(e);
    }
  };

  const changeExportFolder = async (clear: boolean) => {
    try {
      const folderRef = clear ? null : await pickExportFolder();
      if (!clear && !folderRef) return;
      await save({ exportFolder: folderRef ? { folderRef } : null });
      void message.success(clear ? '导出文件夹已恢复为系统默认位置' : '导出文件夹已更改');
    } catch (e) {
      showError(e);
    }
  };

  return (
    <section data-testid="prefs-folders">
      <Typography.Title level={5}>文件夹</Typography.Title>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="备份文件夹">
          <BackupFolderField
            folder={view.backupFolder}
            onChange={() => void changeBackupFolder()}
            testId="prefs-backup-folder"
          />
        </Descriptions.Item>
        <Descriptions.Item label="导出文件夹">
          {desktop ? (
            <Flex gap={8} align="center" wrap data-testid="prefs-export-folder">
              {view.exportFolder ? (
                <>
                  <Typography.Text copyable>{view.exportFolder.path}</Typography.Text>
                  {!view.exportFolder.exists && (
                    <Tag color="orange" title="文件夹已被移走或U盘未插入，导出时从系统默认位置开始">
                      文件夹不存在
                    </Tag>
                  )}
                </>
              ) : (
                <Typography.Text type="secondary">系统默认位置（“文档”文件夹）</Typography.Text>
              )}
              <Button size="small" icon={<FolderOpenOutlined />} onClick={() => void changeExportFolder(false)}>
                更改…
              </Button>
              {view.exportFolder && (
                <Button size="small" icon={<UndoOutlined />} onClick={() => void changeExportFolder(true)}>
                  恢复默认
                </Button>
              )}
            </Flex>
          ) : (
            <Typography.Text type="secondary" data-testid="prefs-export-folder">
              浏览器版导出的文件保存在浏览器的下载文件夹（可在浏览器的设置中更改）。
            </Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        导出文件夹是导出、保存公文时“另存为”对话框最先打开的位置，每次仍可另选。
      </Typography.Paragraph>
    </section>
  );
}
