import { App } from 'antd';
import { useCallback } from 'react';
import { messageOf } from './formErrors';

/** Shows a failed call's Chinese message; anything unexpected gets a generic one rather than a stack. */
export function useErrorMessage(): (e: unknown) => void {
  const { message } = App.useApp();
  return useCallback(
    (e: unknown) => {
      void message.error(messageOf(e, '操作失败，请重试'));
    },
    [message],
  );
}
