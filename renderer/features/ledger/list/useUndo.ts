import { App } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { UndoableStep } from '../../../../shared/ipc/changes';
import { call } from '../../../api/client';
import { useErrorMessage } from '../../../components/useErrorMessage';

export interface Undo {
  /** The step 撤销 would take back. */
  step: UndoableStep | null;
  /** The step 重做 would bring back (the most recently undone, while no new change came after it). */
  redoStep: UndoableStep | null;
  busy: boolean;
  undo(): void;
  redo(): void;
}

/**
 * The steps 撤销 and 重做 would act on, asked again whenever the data's generation moves on (any change made on
 * this screen), and the actions. Both are read from the ledger's change log, so they survive a restart.
 */
export function useUndo(generation: number, enabled: boolean, onChanged: () => void): Undo {
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [step, setStep] = useState<UndoableStep | null>(null);
  const [redoStep, setRedoStep] = useState<UndoableStep | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    Promise.all([call('changes:lastUndoable', {}), call('changes:lastRedoable', {})]).then(([u, r]) => {
      if (!live) return;
      setStep(u);
      setRedoStep(r);
    }, showError);
    return () => {
      live = false;
    };
  }, [generation, enabled, showError]);

  const undo = useCallback(() => {
    if (!step || busy) return;
    setBusy(true);
    call('changes:undo', { batchId: step.batchId })
      .then(({ undone, next, redoable }) => {
        void message.success(`已撤销：${undone.action}`);
        setStep(next);
        setRedoStep(redoable);
        onChanged();
      }, showError)
      .finally(() => setBusy(false));
  }, [step, busy, message, showError, onChanged]);

  const redo = useCallback(() => {
    if (!redoStep || busy) return;
    setBusy(true);
    call('changes:redo', { batchId: redoStep.batchId })
      .then(({ redone, next, undoable }) => {
        void message.success(`已重做：${redone.action}`);
        setRedoStep(next);
        setStep(undoable);
        onChanged();
      }, showError)
      .finally(() => setBusy(false));
  }, [redoStep, busy, message, showError, onChanged]);

  return enabled ? { step, redoStep, busy, undo, redo } : { step: null, redoStep: null, busy, undo, redo };
}
