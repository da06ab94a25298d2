import { SHARE_ENV, Worker } from 'node:worker_threads';
import type { Result } from '../../../shared/ipc';
import type { GrantPurpose } from '../app/fileGrants';
import {
  isRenderRequest,
  type FromWorker,
  type HostRenderer,
  type RenderReply,
  type RenderRequest,
  type ToWorker,
  type Unnumbered,
  type WorkerData,
} from './protocol';

/** How a shell talks to the core, whether the core runs on a worker thread or in the same thread. */
export interface CoreClient {
  invoke(channel: string, payload: unknown): Promise<Result<unknown>>;
  /** Vouches for a file the shell obtained (dialog, upload, argument); returns the reference to pass in a request. */
  grant(path: string, purpose: GrantPurpose): Promise<string>;
  close(): Promise<void>;
}

/**
 * The worker's script sits beside the bundle that started it (out/node/core-worker.js, out/desktop/core-worker.js);
 * when running from TypeScript sources (tests, `npm run cli`) it is coreWorker.dev.mjs, which registers tsx inside
 * the worker and loads the .ts file (Node 20 ignores `--import tsx` in a worker's execArgv for the worker's modules).
 */
function workerEntry(): { url: URL; execArgv?: string[] } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return { url: new URL('./coreWorker.dev.mjs', here) };
  return { url: new URL('./core-worker.js', here) };
}

/**
 * The core thread's heap ceiling. Not a tight fit — an import of 50,000 rows keeps under 100 MB alive — but V8
 * grows a heap with no stated ceiling (a quarter of RAM) far ahead of need: the same import peaked at 420 MB of
 * memory without one and under 300 MB with this one, at the same speed. Room is left for in-memory work such as
 * filling a county template of several thousand rows.
 */
export const CORE_HEAP_MB = 1536;

/**
 * For the desktop and browser shells: the core on its own thread. With `renderer` (the desktop shell), the worker
 * prints through it instead of starting a browser of its own.
 */
export function workerCore(options: WorkerData, renderer?: HostRenderer): CoreClient {
  const entry = workerEntry();
  const worker = new Worker(entry.url, {
    workerData: { ...options, printer: renderer ? 'host' : (options.printer ?? 'chromium') },
    execArgv: entry.execArgv,
    resourceLimits: { maxOldGenerationSizeMb: CORE_HEAP_MB },
    // The command line's --browser is handed to the core through YIQIYICE_BROWSER after the worker has started.
    env: SHARE_ENV,
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (m: FromWorker) => void; reject: (e: Error) => void }>();
  let failure: Error | null = null;

  worker.on('message', (msg: FromWorker) => {
    if (isRenderRequest(msg)) {
      void render(renderer, msg).then((reply) => worker.postMessage(reply));
      return;
    }
    const p = pending.get(msg.id);
    pending.delete(msg.id);
    p?.resolve(msg);
  });
  const failAll = (e: Error) => {
    failure = e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`core worker exited (${code})`)));

  const send = (msg: Unnumbered<ToWorker>): Promise<FromWorker> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...msg, id });
    });
  };

  return {
    async invoke(channel, payload) {
      try {
        const msg = await send({ type: 'invoke', channel, payload });
        return 'result' in msg ? msg.result : { ok: false, error: { code: 'INTERNAL', message: '程序内部错误' } };
      } catch {
        return {
          ok: false,
          error: { code: 'INTERNAL', message: '后台服务已停止，请重新启动程序。已保存的数据不受影响。' },
        };
      }
    },
    async grant(path, purpose) {
      const msg = await send({ type: 'grant', path, purpose });
      if (!('ref' in msg)) throw new Error('grant failed');
      return msg.ref;
    },
    async close() {
      if (!failure) await send({ type: 'shutdown' }).catch(() => undefined);
      await worker.terminate();
    },
  };
}

async function render(renderer: HostRenderer | undefined, msg: RenderRequest): Promise<RenderReply> {
  if (!renderer) return { type: 'rendered', render: msg.render, ok: false, message: '本程序的打印组件未启动' };
  try {
    if (msg.op === 'pdf') return { type: 'rendered', render: msg.render, ok: true, pdf: await renderer.pdf(msg.html) };
    return { type: 'rendered', render: msg.render, ok: true, fonts: await renderer.fonts() };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { type: 'rendered', render: msg.render, ok: false, message: `打印失败：${message}` };
  }
}
