import { createReadStream, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { downloadType } from '../core/app/outputs';
import { CONTENT_SECURITY_POLICY } from './security';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** Serves the built renderer; anything outside its folder, or unknown, is a 404. */
export function serveStatic(root: string, urlPath: string, res: ServerResponse): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    decoded = '';
  }
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = normalize(join(root, relative));
  const type = TYPES[extname(file)];
  if (!file.startsWith(root + sep) || !type || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('未找到');
    return;
  }
  const headers: Record<string, string> = {
    'content-type': type,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable',
  };
  if (type.startsWith('text/html')) {
    headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
    headers['x-frame-options'] = 'DENY';
  }
  res.writeHead(200, headers);
  createReadStream(file).pipe(res);
}

/**
 * Hands a finished export to the browser once and removes it: it may hold personal data, and the clerk now has
 * their own copy. Read whole first (a county's ledger is tens of MB) so the file is gone before the reply ends,
 * on Windows too, where an open file cannot be removed.
 */
export function sendDownload(path: string, res: ServerResponse): void {
  let content: Buffer;
  try {
    content = readFileSync(path);
    rmSync(path, { force: true });
  } catch {
    res
      .writeHead(404, { 'content-type': 'application/json; charset=utf-8' })
      .end(JSON.stringify({ ok: false, error: { code: 'NOT_FOUND', message: '文件不存在或已下载，请重新导出' } }));
    return;
  }
  res.writeHead(200, {
    'content-type': downloadType(path),
    'content-length': String(content.length),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(content);
}
