import { App } from 'antd';
import { useEffect, useEffectEvent } from 'react';
import { grantDroppedLedger } from '../../api/client';
import { useErrorMessage } from '../../components/useErrorMessage';

const LEDGER_FILE = /\.yqyc$/i;

// The start file is handed over once per program start; asked once per page, however often the hook mounts.
let startFileAsked = false;

/**
 * Ledger files that arrive without the clerk choosing 打开台账: the file the desktop program was started with
 * (double-click, 打开方式), one double-clicked while it runs, and one dropped on the window in either shell.
 * Each is opened as 打开台账文件 opens it.
 */
export function useLedgerFiles(openFileRef: (fileRef: string) => Promise<void>): void {
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const open = useEffectEvent((fileRef: string) => void openFileRef(fileRef));
  const dropped = useEffectEvent(async (file: File) => {
    if (!LEDGER_FILE.test(file.name)) {
      void message.warning(`“${file.name}”不是台账文件（.yqyc），未打开`);
      return;
    }
    try {
      const fileRef = await grantDroppedLedger(file);
      if (fileRef) open(fileRef);
      else void message.warning(`“${file.name}”不能打开：只能打开本机磁盘上的台账文件`);
    } catch (e) {
      showError(e);
    }
  });

  useEffect(() => {
    const bridge = window.yqyc;
    if (!bridge) return;
    if (!startFileAsked) {
      startFileAsked = true;
      bridge.takeOpenedLedger().then((file) => file && open(file.fileRef), showError);
    }
    return bridge.onLedgerFile((file) => open(file.fileRef));
  }, [showError]);

  useEffect(() => {
    // Without this the browser would show the dropped file in place of the program.
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      // An upload area (附件) took the file itself.
      if (e.defaultPrevented || !e.dataTransfer) return;
      const file = e.dataTransfer.files[0];
      if (!file) return;
      e.preventDefault();
      void dropped(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
}
