import { App } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '../api/client';
import { messageOf } from './formErrors';

/**
 * Shows a failed call's Chinese message; anything unexpected gets a generic one rather than a stack. LOCKED is left
 * to the lock screen, which every LOCKED answer brings up (a screen refreshing under it would otherwise toast).
 */
export function useErrorMessage(): (e: unknown) => void {
  const { message } = App.useApp();
  return useCallback(
    (e: unknown) => {
      if (e instanceof ApiError && e.code === 'LOCKED') return;
      void message.error(messageOf(e, '操作失败，请重试'));
    },
    [message],
  );
}
