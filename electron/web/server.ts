import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { CoreClient } from '../core/host/coreClient';
import { checkApiRequest, checkHost, checkPeer, type Guard, type Refusal } from './security';
import { serveStatic } from './static';
import { downloadPath } from '../core/app/outputs';
import {
  countyUploadPath,
  countyUploadsDir,
  receiveLedgerUpload,
  receiveSpreadsheetUpload,
  UploadError,
} from './upload';
import { sendDownload } from './static';

/**
 * An attachment travels as base64 inside the JSON of attachments:add: a 5 MB scan is about 6.7 MB of text, so
 * the limit leaves room for that and no more. The core checks the real size and refuses beyond 5 MB.
 */
const JSON_BODY_LIMIT = 8 * 1024 * 1024;

export interface WebShellOptions {
  core: CoreClient;
  /** The built renderer (out/renderer). */
  staticDir: string;
  dataDir: string;
  /** Where a ledger uploaded by 打开台账文件 is kept: a fresh name in the core's ledgers folder. */
  freshLedgerPath: (base: string) => string;
  port?: number;
}

export interface WebShell {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** The browser shell: the contract as POST /api/<channel> on 127.0.0.1, plus the built renderer. */
export async function startWebShell(options: WebShellOptions): Promise<WebShell> {
  // Townships' files read for 全县汇总 last time: no county view outlives the program, so none is still wanted.
  rmSync(countyUploadsDir(join(options.dataDir, 'uploads')), { recursive: true, force: true });
  const token = randomBytes(24).toString('base64url');
  const guard: Guard = { port: 0, token };
  const server = createServer((req, res) => {
    handle(req, res, guard, options).catch((e: unknown) => {
      console.error('[web] request failed:', e);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: '程序内部错误' } });
      else res.destroy();
    });
  });
  server.requestTimeout = 0; // uploads of large ledgers may take a while on slow disks
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  guard.port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${guard.port}/#token=${token}`,
    port: guard.port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  guard: Guard,
  options: WebShellOptions,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (!url.pathname.startsWith('/api/')) {
    const refused = checkPeer(req) ?? checkHost(req, guard);
    if (refused) return refuse(res, refused);
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, { status: 405, message: '不支持的请求方式' });
    return serveStatic(options.staticDir, url.pathname, res);
  }
  if (req.method !== 'POST') return refuse(res, { status: 405, message: '不支持的请求方式' });
  const refused = checkApiRequest(req, guard);
  if (refused) return refuse(res, refused);

  // 打开台账文件 keeps the copy among this PC's ledgers; 全县汇总 reads a township's file and keeps it apart.
  if (url.pathname === '/api/upload/ledger' || url.pathname === '/api/upload/county') {
    const uploads = join(options.dataDir, 'uploads');
    const place =
      url.pathname === '/api/upload/county'
        ? (base: string) => countyUploadPath(uploads, base)
        : options.freshLedgerPath;
    try {
      const path = await receiveLedgerUpload(req, uploads, place);
      return sendJson(res, 200, { ok: true, value: { fileRef: await options.core.grant(path, 'open') } });
    } catch (e) {
      if (e instanceof UploadError)
        return sendJson(res, e.status, { ok: false, error: { code: 'FILE', message: e.message } });
      throw e;
    }
  }

  if (url.pathname === '/api/upload/spreadsheet') {
    try {
      const path = await receiveSpreadsheetUpload(req, join(options.dataDir, 'uploads'));
      return sendJson(res, 200, { ok: true, value: { fileRef: await options.core.grant(path, 'import') } });
    } catch (e) {
      if (e instanceof UploadError)
        return sendJson(res, e.status, { ok: false, error: { code: 'FILE', message: e.message } });
      throw e;
    }
  }

  if (url.pathname.startsWith('/api/download/')) {
    const path = downloadPath(options.dataDir, url.pathname.slice('/api/download/'.length));
    if (!path) return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '文件不存在或已下载' } });
    return sendDownload(path, res);
  }

  const channel = url.pathname.slice('/api/'.length);
  let payload: unknown;
  try {
    payload = JSON.parse(await readBody(req, JSON_BODY_LIMIT));
  } catch (e) {
    if (e instanceof UploadError)
      return sendJson(res, e.status, { ok: false, error: { code: 'VALIDATION', message: e.message } });
    return sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: '请求内容不是有效的 JSON' } });
  }
  sendJson(res, 200, await options.core.invoke(channel, payload));
}

/**
 * The body as text, refused beyond `limit` bytes. Past the limit the rest is read and dropped rather than the
 * request destroyed: destroying it reset the connection, so the caller never saw the 413 and its message.
 */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let size = 0;
    const collect = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      chunks = [];
      req.off('data', collect);
      req.resume();
      reject(new UploadError(413, '请求内容过大'));
    };
    req.on('data', collect);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function refuse(res: ServerResponse, refusal: NonNullable<Refusal>): void {
  sendJson(res, refusal.status, { ok: false, error: { code: 'FORBIDDEN', message: refusal.message } });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(JSON.stringify(body));
}
