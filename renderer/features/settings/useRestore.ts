import { App } from 'antd';
import { useCallback, useState } from 'react';
import type { OpenLedger } from '../../../shared/ipc/ledgers';
import { call } from '../../api/client';
import { useErrorMessage } from '../../components/useErrorMessage';
import { usePasswordRetry } from '../security/usePasswordRetry';

/**
 * 恢复 a backup over the open ledger, after a confirm that says what happens to the current data: it is backed up
 * first, so the restore itself can be taken back by restoring that copy. Used by 备份与恢复 and by the
 * damaged-ledger banner; `onRestored` receives the ledger as reopened from the restored copy.
 */
export function useRestore(onRestored: (ledger: OpenLedger) => void) {
  const { modal, message } = App.useApp();
  const showError = useErrorMessage();
  // A backup taken under an earlier password asks for that one (or its recovery key).
  const withPassword = usePasswordRetry();
  const [restoring, setRestoring] = useState<string | null>(null);

  const restore = useCallback(
    (name: string, takenAt: string) => {
      modal.confirm({
        title: `恢复到 ${takenAt} 的备份？`,
        content:
          '当前台账的内容将被这份备份替换。恢复前会先把当前台账备份一份（“恢复前”），如果恢复错了，可以再从那份备份恢复回来。',
        okText: '恢复',
        cancelText: '取消',
        okButtonProps: { 'data-testid': 'restore-confirm' },
        onOk: async () => {
          setRestoring(name);
          try {
            const result = await withPassword((password) => call('backups:restore', { name, password }));
            if (!result) return;
            const before = result.safetyBackup
              ? `恢复前的台账已备份为“${result.safetyBackup.name}”`
              : result.rawCopy
                ? `恢复前的台账文件已原样复制为“${result.rawCopy}”`
                : '';
            void message.success(`已恢复到 ${takenAt} 的备份${before ? `；${before}` : ''}`);
            onRestored(result.opened);
          } catch (e) {
            showError(e);
          } finally {
            setRestoring(null);
          }
        },
      });
    },
    [modal, message, showError, onRestored, withPassword],
  );

  return { restore, restoring };
}
