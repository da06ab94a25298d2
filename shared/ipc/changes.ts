import { z } from '../zod';
import { channel } from './channel';

/** A step the clerk can take back: one user action, however many records it touched. */
export interface UndoableStep {
  batchId: number;
  action: string;
  at: string;
  actor: string;
  /** How many records it touched. */
  records: number;
}

export const changeChannels = {
  /** The step 撤销 would take back, or null when there is none. */
  'changes:lastUndoable': channel<UndoableStep | null>()(z.object({}).strict()),
  /**
   * Takes back the newest step not yet taken back; the undo is itself a recorded step. `redoable` is what 重做
   * would now bring back, so the screen's buttons and shortcuts are right at once.
   */
  'changes:undo': channel<{ undone: UndoableStep; next: UndoableStep | null; redoable: UndoableStep | null }>()(
    z.object({ batchId: z.number().int().positive() }).strict(),
    { batchId: '撤销的步骤' },
  ),
  /** The step 重做 would bring back (batchId names its undo), or null — a new change ends the redo chain. */
  'changes:lastRedoable': channel<UndoableStep | null>()(z.object({}).strict()),
  /**
   * Brings back the most recently undone step; the redo is a recorded step and can be undone again. `next` is the
   * following redoable step, `undoable` what 撤销 would now take back (this step).
   */
  'changes:redo': channel<{ redone: UndoableStep; next: UndoableStep | null; undoable: UndoableStep | null }>()(
    z.object({ batchId: z.number().int().positive() }).strict(),
    { batchId: '重做的步骤' },
  ),
};
