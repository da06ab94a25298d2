import { z } from 'zod';
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
  /** Takes back the newest step not yet taken back; the undo is itself a recorded step. */
  'changes:undo': channel<{ undone: UndoableStep; next: UndoableStep | null }>()(
    z.object({ batchId: z.number().int().positive() }).strict(),
    { batchId: '撤销的步骤' },
  ),
};
