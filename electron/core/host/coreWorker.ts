import { parentPort, workerData } from 'node:worker_threads';
import { CoreContext } from '../app/context';
import { invoke } from '../invoke';
import { isJobChannel, type FromWorker, type ToWorker, type WorkerData } from './protocol';

/**
 * The core's own thread: it owns the ledger's one writer connection, so the desktop main process and the
 * browser shell's HTTP loop never wait on SQLite. Requests run one at a time, in arrival order.
 */
const port = parentPort;
if (!port) throw new Error('coreWorker must run as a worker thread');

const ctx = new CoreContext(workerData as WorkerData);
let queue = Promise.resolve();

port.on('message', (msg: ToWorker) => {
  // A question about a running job, or a stop, must not wait behind the job itself.
  if (msg.type === 'invoke' && isJobChannel(msg.channel)) {
    void invoke(ctx, msg.channel, msg.payload).then((result) => port.postMessage({ id: msg.id, result }));
    return;
  }
  queue = queue.then(async () => {
    let reply: FromWorker;
    switch (msg.type) {
      case 'invoke':
        reply = { id: msg.id, result: await invoke(ctx, msg.channel, msg.payload) };
        break;
      case 'grant':
        reply = { id: msg.id, ref: ctx.files.grant(msg.path, msg.purpose) };
        break;
      case 'shutdown':
        ctx.close();
        reply = { id: msg.id, done: true };
        break;
    }
    port.postMessage(reply);
  });
});
