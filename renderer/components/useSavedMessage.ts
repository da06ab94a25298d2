import { App } from 'antd';
import { useCallback } from 'react';

/**
 * Says `saved` (已保存…), followed by what the core asks the clerk to check (请留意：…). Those notes do not stop the
 * save, so this is the one place they are read: the message then stays longer.
 */
export function useSavedMessage(): (saved: string, warnings: readonly { message: string }[]) => void {
  const { message } = App.useApp();
  return useCallback(
    (saved, warnings) => {
      const notes = warnings.map((w) => w.message).join('；');
      void message.success(notes ? `${saved}。请留意：${notes}` : saved, notes ? 6 : 2);
    },
    [message],
  );
}
