import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobProgress } from '../../shared/ipc/jobs';
import { call } from '../api/client';

/** How often a running job is asked how far it is: often enough for a moving bar, rare enough to cost nothing. */
const POLL_MS = 300;

/** A job id the core accepts (letters and digits, 8–64): a random UUID without its dashes. */
export function newJobId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID().replaceAll('-', '');
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface Job {
  /** A request is running under a job id. */
  running: boolean;
  /** The last answer of jobs:progress while running (null before the first, or between phases). */
  progress: JobProgress | null;
  /** The clerk asked the running job to stop. */
  cancelling: boolean;
  /** Runs `work` with a fresh job id and asks how far it is every 300 ms until it settles. */
  run<T>(work: (jobId: string) => Promise<T>): Promise<T>;
  cancel(): void;
}

/**
 * A long request (import, preview, big export) watched while it runs: the core answers jobs:progress and
 * jobs:cancel beside the running request. Polling stops when the request settles or the screen goes away.
 */
export function useJob(): Job {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const current = useRef<string | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      current.current = null;
    };
  }, []);

  const run = useCallback(async <T>(work: (jobId: string) => Promise<T>): Promise<T> => {
    const id = newJobId();
    current.current = id;
    setRunning(true);
    setCancelling(false);
    setProgress(null);
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The next question is asked only after the last was answered, so a busy core never gets a queue of them.
    const poll = () => {
      timer = setTimeout(() => {
        call('jobs:progress', { jobId: id }).then(
          (p) => {
            if (current.current !== id) return;
            if (p) setProgress(p);
            poll();
          },
          () => current.current === id && poll(),
        );
      }, POLL_MS);
    };
    poll();
    try {
      return await work(id);
    } finally {
      clearTimeout(timer);
      if (current.current === id) {
        current.current = null;
        if (mounted.current) {
          setRunning(false);
          setCancelling(false);
          setProgress(null);
        }
      }
    }
  }, []);

  const cancel = useCallback(() => {
    const id = current.current;
    if (!id) return;
    setCancelling(true);
    // A job that ended in the meantime has nothing to stop; its own answer says how it ended.
    call('jobs:cancel', { jobId: id }).catch(() => undefined);
  }, []);

  return { running, progress, cancelling, run, cancel };
}
