import type { JobProgress } from '../../../shared/ipc/jobs';
import { AppError } from '../errors';

/** What a long job sees: report how far it is, and learn whether the clerk asked it to stop. */
export interface JobHandle {
  report(phase: string, done: number, total?: number | null): void;
  readonly cancelled: boolean;
  /** Throws the CANCELLED error the clerk sees ("已取消，台账未改动") when a stop was asked for. */
  checkpoint(): void;
}

/** A job nobody watches (the command line, tests): reports go nowhere, it is never cancelled. */
export const UNWATCHED: JobHandle = {
  report() {},
  cancelled: false,
  checkpoint() {},
};

/**
 * The jobs running in this core, by the id their caller chose. jobs:progress and jobs:cancel read and flag these
 * while the job's own request is still running, so a job must yield to the event loop now and then (see
 * `breathe`) for those requests to be answered.
 */
export class JobRegistry {
  private readonly jobs = new Map<string, JobProgress>();

  /** Runs `work` as the job `id` (or unwatched when no id was given); the entry goes when the work ends. */
  async run<T>(id: string | undefined, work: (job: JobHandle) => Promise<T> | T): Promise<T> {
    if (id === undefined) return work(UNWATCHED);
    if (this.jobs.has(id)) throw new AppError('CONFLICT', '同一任务已在进行中');
    const state: JobProgress = { phase: '正在准备…', done: 0, total: null, cancelled: false };
    this.jobs.set(id, state);
    const handle: JobHandle = {
      report(phase, done, total = null) {
        state.phase = phase;
        state.done = done;
        state.total = total;
      },
      get cancelled() {
        return state.cancelled;
      },
      checkpoint() {
        if (state.cancelled) throw new AppError('CANCELLED', '已取消，台账未作任何改动');
      },
    };
    try {
      return await work(handle);
    } finally {
      this.jobs.delete(id);
    }
  }

  /** Whether a watched job (an import, an export, a print run) is under way: locking must wait for it. */
  get busy(): boolean {
    return this.jobs.size > 0;
  }

  progress(id: string): JobProgress | null {
    const s = this.jobs.get(id);
    return s ? { ...s } : null;
  }

  cancel(id: string): void {
    const s = this.jobs.get(id);
    if (s) s.cancelled = true;
  }
}

/** Lets queued messages (progress questions, a cancel) be handled between two chunks of a long job. */
export function breathe(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
