import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The browser shell listens on loopback only, yet any web page the clerk visits can aim requests at it:
 * the Host check stops DNS rebinding, the Origin check stops cross-site posts, the per-start token stops
 * everything that did not get the address from this process.
 */
export interface Guard {
  port: number;
  token: string;
}

export type Refusal = { status: number; message: string } | null;

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function allowedOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

export function checkPeer(req: IncomingMessage): Refusal {
  return LOOPBACK.has(req.socket.remoteAddress ?? '') ? null : { status: 403, message: '只接受本机访问' };
}

export function checkHost(req: IncomingMessage, guard: Guard): Refusal {
  const host = req.headers.host ?? '';
  return host === `127.0.0.1:${guard.port}` || host === `localhost:${guard.port}`
    ? null
    : { status: 421, message: '访问地址不正确，请使用程序给出的地址' };
}

export function checkOrigin(req: IncomingMessage, guard: Guard): Refusal {
  const origin = req.headers.origin;
  return typeof origin === 'string' && allowedOrigins(guard.port).includes(origin)
    ? null
    : { status: 403, message: '拒绝来自其他网页的请求' };
}

export function checkToken(req: IncomingMessage, guard: Guard): Refusal {
  const given = Buffer.from(String(req.headers['x-yqyc-token'] ?? ''));
  const want = Buffer.from(guard.token);
  return given.length === want.length && timingSafeEqual(given, want)
    ? null
    : { status: 401, message: '访问凭证无效，请使用程序启动时给出的地址重新打开' };
}

/** All checks an API call must pass, first refusal wins. */
export function checkApiRequest(req: IncomingMessage, guard: Guard): Refusal {
  return checkPeer(req) ?? checkHost(req, guard) ?? checkOrigin(req, guard) ?? checkToken(req, guard);
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Ant Design injects its styles at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // The print preview shows the PDF the core made, fetched and handed to an <iframe> as a blob: URL.
  'frame-src blob:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
