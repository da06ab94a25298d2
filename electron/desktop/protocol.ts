import { readFile, rm, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { protocol, type Session } from 'electron';
import { downloadPath, downloadType } from '../core/app/outputs';

/**
 * The renderer is served from app://yiqiyice/ rather than file://: a real origin lets the CSP say 'self', keeps
 * the page from reading arbitrary local files, and lets main recognise its own page by URL.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'yiqiyice';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Ant Design writes its styles at run time (CSS-in-JS), which needs inline styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  // The print preview shows the PDF the core made, fetched and handed to an <iframe> as a blob: URL.
  'frame-src blob:',
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Must run before the app is ready: Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // corsEnabled stays off: it would let other origins read app:// responses, not restrict them.
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    },
  ]);
}

export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    // URL.origin is "null" for schemes Node does not know, so compare the parts.
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * The file an app:// URL names inside the renderer folder, or null when it names anything else. Paths without
 * an extension are client-side routes and get index.html. Decoding happens before the containment check, so
 * %2e%2e, %2f and (on Windows) backslashes cannot step outside the folder.
 */
export function rendererFileFor(root: string, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  if (path === '/' || path === '' || extname(path) === '') path = '/index.html';
  const base = resolve(root);
  const file = resolve(base, '.' + path);
  const rel = relative(base, file);
  if (rel === '' || isAbsolute(rel) || rel.split(sep)[0] === '..') return null;
  return file;
}

const DOWNLOAD_PREFIX = '/api/download/';

/**
 * Serves the built renderer on the session's app:// handler, with the CSP on every response, and hands over a
 * finished print or export once (POST /api/download/<id>, as the browser shell does) so the renderer can preview a
 * PDF. Only the app's own pages reach app://; the id is never a path.
 */
export function serveRenderer(session: Session, root: string, dataDir: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const { pathname } = new URL(request.url);
    if (request.method === 'POST' && pathname.startsWith(DOWNLOAD_PREFIX)) {
      return handOver(downloadPath(dataDir, decodeURIComponent(pathname.slice(DOWNLOAD_PREFIX.length))));
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, '不支持的请求');
    const file = rendererFileFor(root, request.url);
    const type = file ? TYPES[extname(file).toLowerCase()] : undefined;
    if (!file || !type) return respond(404, '未找到');
    try {
      if (!(await stat(file)).isFile()) return respond(404, '未找到');
      const body = await readFile(file);
      return new Response(
        request.method === 'HEAD' ? null : new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
        {
          status: 200,
          headers: headers(type),
        },
      );
    } catch {
      return respond(404, '未找到');
    }
  });
}

async function handOver(path: string | null): Promise<Response> {
  if (!path) return respond(404, '文件不存在或已下载，请重新导出');
  let body: Buffer;
  try {
    body = await readFile(path);
    await rm(path, { force: true });
  } catch {
    return respond(404, '文件不存在或已下载，请重新导出');
  }
  return new Response(new Uint8Array(body.buffer, body.byteOffset, body.byteLength), {
    status: 200,
    headers: { ...headers(downloadType(path)), 'cache-control': 'no-store' },
  });
}

function headers(type: string): Record<string, string> {
  return {
    'content-type': type,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    // The files change only with a new installation; a stale cache after an upgrade would mix versions.
    'cache-control': 'no-cache',
  };
}

function respond(status: number, text: string): Response {
  return new Response(text, { status, headers: headers('text/plain; charset=utf-8') });
}
