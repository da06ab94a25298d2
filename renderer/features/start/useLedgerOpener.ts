import { App } from 'antd';
import { useState } from 'react';
import type { OpenLedger } from '../../../shared/ipc/ledgers';
import { ApiError, call, pickLedgerFile } from '../../api/client';
import { useErrorMessage } from '../../components/useErrorMessage';
import { usePasswordRetry } from '../security/usePasswordRetry';

/** Opens a ledger; called again with the password when the core asks for one. */
export type Opener = (password?: string) => Promise<OpenLedger>;

/**
 * How a ledger is opened, wherever the clerk starts from (the start screen, the menu, a file double-clicked or
 * dropped on the desktop window): the password is asked for when needed, and a refused location offers the copy.
 */
export function useLedgerOpener(onOpened: (l: OpenLedger) => void) {
  const [busy, setBusy] = useState<string | null>(null);
  const showError = useErrorMessage();
  const { modal } = App.useApp();
  // An encrypted ledger is asked for its password (or recovery key) and the same call is made again with it.
  const withPassword = usePasswordRetry();

  /**
   * A ledger on a network share or in a cloud-sync folder is refused (SQLite's locking cannot be trusted there):
   * the reason is shown with the offer to copy it into the local ledgers folder; the original stays as it is.
   */
  const offerCopy = (reason: string, copy: Opener) =>
    modal.confirm({
      title: '不能在此位置直接打开台账',
      content: `${reason} 可以把台账复制到本机的台账文件夹后打开，原文件保持不变。`,
      okText: '复制到本机并打开',
      cancelText: '取消',
      okButtonProps: { 'data-testid': 'copy-to-local' },
      onOk: async () => {
        try {
          const opened = await withPassword(copy);
          if (opened) onOpened(opened);
        } catch (e) {
          showError(e);
        }
      },
    });

  const run = async (key: string, open: Opener, copy?: Opener) => {
    setBusy(key);
    try {
      const opened = await withPassword(open);
      if (opened) onOpened(opened);
    } catch (e) {
      if (copy && e instanceof ApiError && e.code === 'UNSAFE_LOCATION') offerCopy(e.message, copy);
      else showError(e);
    } finally {
      setBusy(null);
    }
  };

  /** A file the core has granted (chosen, dropped, or double-clicked). */
  const openFileRef = (fileRef: string) =>
    // The reference stays valid after a refusal, so 复制到本机 can use it.
    run(
      'file',
      (password) => call('ledgers:openFile', { fileRef, password }),
      (password) => call('ledgers:copyToLocal', { fileRef, password }),
    );

  /** 打开台账文件…: the shell's file chooser, then the file as above. */
  const openFile = async () => {
    const fileRef = await pickLedgerFile().catch((e: unknown) => {
      showError(e);
      return null;
    });
    if (fileRef) await openFileRef(fileRef);
  };

  const openSample = () => run('sample', () => call('ledgers:createSample', {}));

  return { busy, run, openFile, openFileRef, openSample };
}
