import { parentPort, workerData } from 'node:worker_threads';
import { CoreContext } from '../app/context';
import { invoke } from '../invoke';
import { HostEngine } from '../print/engine/hostEngine';
import { reopenLastLedger } from '../services/reopen';
import { isJobChannel, type FromWorker, type ToWorker, type WorkerData } from './protocol';

/**
 * The core's own thread: it owns the ledger's one writer connection, so the desktop main process and the
 * browser shell's HTTP loop never wait on SQLite. Requests run one at a time, in arrival order.
 */
const port = parentPort;
if (!port) throw new Error('coreWorker must run as a worker thread');

const data = workerData as WorkerData;
// Under the desktop shell, printing is the host's: Electron renders and the worker only sends the HTML.
const hostEngine = data.printer === 'host' ? new HostEngine((request) => port.postMessage(request)) : undefined;
const ctx = new CoreContext({ ...data, hostEngine, remembersLastOpen: true });
// First in the queue: the screens' first questions find the last ledger already open (or locked, with a password).
let queue = Promise.resolve().then(() => reopenLastLedger(ctx));

port.on('message', (msg: ToWorker) => {
  // The host's answer to a print request arrives while that request's job is still running in the queue.
  if (msg.type === 'rendered') {
    hostEngine?.answer(msg);
    return;
  }
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
        await ctx.shutdown();
        reply = { id: msg.id, done: true };
        break;
    }
    port.postMessage(reply);
  });
});
