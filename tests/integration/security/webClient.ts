import { request } from 'node:http';
import type { Readable } from 'node:stream';

export interface Reply {
  status: number;
  /** The response's content-type. */
  type: string;
  body: Buffer;
  /** The request's own error, if sending failed after the server had answered (e.g. the server hung up on it). */
  sendError?: string;
}

export interface Sent {
  method?: string;
  headers?: Record<string, string>;
  /** A string or buffer, or a stream for bodies that must never be held in memory. */
  body?: string | Buffer | Readable;
  host?: string;
}

/**
 * One raw HTTP request to the browser shell with exactly the headers given (none added), answered with the
 * status and body. An error while sending does not fail the call when the server has already answered: refusing
 * a too-large upload means the server may stop reading it.
 */
export function send(port: number, path: string, sent: Sent = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    let sendError: string | undefined;
    let answered = false;
    const req = request(
      { host: sent.host ?? '127.0.0.1', port, path, method: sent.method ?? 'POST', headers: sent.headers ?? {} },
      (res) => {
        answered = true;
        const type = res.headers['content-type'] ?? '';
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type, body: Buffer.concat(chunks), sendError }));
        res.on('error', (e) =>
          resolve({ status: res.statusCode ?? 0, type, body: Buffer.concat(chunks), sendError: e.message }),
        );
      },
    );
    req.on('error', (e) => {
      sendError = e.message;
      if (!answered) reject(e);
    });
    const body = sent.body;
    if (body === undefined || typeof body === 'string' || Buffer.isBuffer(body)) req.end(body);
    else {
      body.on('error', (e) => req.destroy(e));
      body.pipe(req);
    }
  });
}

export function jsonOf(reply: Reply): { ok: boolean; value?: unknown; error?: { code: string; message: string } } {
  return JSON.parse(reply.body.toString('utf8')) as { ok: boolean; error?: { code: string; message: string } };
}
