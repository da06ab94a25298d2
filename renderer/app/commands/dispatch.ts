import { App } from 'antd';
import { useCallback } from 'react';
import { menuEntry, type MenuCommand } from '../../../shared/menu/appMenu';
import { runMenuCommand } from './registry';

/** Why a command did nothing, in the clerk's words: most often there is no ledger open for it to act on. */
export function whyNotRun(command: MenuCommand, ledgerOpen: boolean): string {
  const { entry } = menuEntry(command);
  const label = entry.label.replace(/…$/, '');
  if (entry.needsLedger && !ledgerOpen) return `请先打开台账，再使用“${label}”`;
  return `“${label}”在当前页面不能使用`;
}

/** Runs a menu command from either shell's menu or a shortcut; when no screen can, says why instead. */
export function useMenuDispatch(ledgerOpen: boolean): (command: MenuCommand) => void {
  const { message } = App.useApp();
  return useCallback(
    (command: MenuCommand) => {
      if (!runMenuCommand(command)) void message.warning(whyNotRun(command, ledgerOpen));
    },
    [ledgerOpen, message],
  );
}
