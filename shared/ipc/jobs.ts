import { z } from '../zod';
import { channel } from './channel';

/**
 * A long piece of work (an import, a big export) is named by an id the caller makes up and passes in its request;
 * while that request runs, these two channels ask how far it is and stop it. They are answered at once, even
 * while the core is busy with the job.
 */
export const jobId = z.string('任务编号无效').regex(/^[A-Za-z0-9_-]{8,64}$/, '任务编号无效');

export interface JobProgress {
  /** What it is doing, in Chinese: 正在读取…, 正在检查…, 正在写入…. */
  phase: string;
  done: number;
  /** Null while the total is not known yet (a streamed file). */
  total: number | null;
  cancelled: boolean;
}

export const jobChannels = {
  /** Null when no job of that id is running (not started yet, or finished). */
  'jobs:progress': channel<JobProgress | null>()(z.object({ jobId }).strict(), { jobId: '任务编号' }),
  /** Asks the job to stop; it stops at its next step and leaves the ledger as it was. */
  'jobs:cancel': channel<null>()(z.object({ jobId }).strict(), { jobId: '任务编号' }),
};
