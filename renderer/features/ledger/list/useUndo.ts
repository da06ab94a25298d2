import { App } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { UndoableStep } from '../../../../shared/ipc/changes';
import { call } from '../../../api/client';
import { useErrorMessage } from '../../../components/useErrorMessage';

export interface Undo {
  step: UndoableStep | null;
  busy: boolean;
  undo(): void;
}

/**
 * The step 撤销 would take back, asked again whenever the data's generation moves on (any change made on this
 * screen), and the action that takes it back.
 */
export function useUndo(generation: number, enabled: boolean, onChanged: () => void): Undo {
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [step, setStep] = useState<UndoableStep | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    call('changes:lastUndoable', {}).then((s) => live && setStep(s), showError);
    return () => {
      live = false;
    };
  }, [generation, enabled, showError]);

  const undo = useCallback(() => {
    if (!step || busy) return;
    setBusy(true);
    call('changes:undo', { batchId: step.batchId })
      .then(({ undone, next }) => {
        void message.success(`已撤销：${undone.action}`);
        setStep(next);
        onChanged();
      }, showError)
      .finally(() => setBusy(false));
  }, [step, busy, message, showError, onChanged]);

  return { step: enabled ? step : null, busy, undo };
}
