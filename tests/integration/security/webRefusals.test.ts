import { readdirSync, statSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { describe, expect, test } from 'vitest';
import { inProcessCore } from '../../../electron/core/host/inProcessCore';
import { checkPeer } from '../../../electron/web/security';
import type { WebShell } from '../../../electron/web/server';
import { inProcessWebShell } from '../webShellInProcess';
import { SPREADSHEET_UPLOAD_LIMIT } from '../../../electron/web/upload';
import { useTempDir } from '../helpers';
import { jsonOf, send, type Reply } from './webClient';

/**
 * The browser shell's refusals, over real HTTP to the real server (electron/web/server.ts, the module the built
 * out/node/web.js runs, started in-process over a fresh data folder as webTransfer.test.ts does): whoever is not
 * the page this process served is turned away with a Chinese reason, and nothing reaches the data folder.
 */
const tmp = useTempDir('yiqiyice-web-refusals-');
const CHINESE = /[\u4e00-\u9fff]/;

interface Shell {
  web: WebShell;
  dataDir: string;
  origin: string;
  /** The headers the shell's own page sends. */
  good: Record<string, string>;
}

async function shell(): Promise<Shell> {
  const dataDir = join(tmp.dir(), 'data');
  const core = inProcessCore({ dataDir });
  const web = await inProcessWebShell(core, dataDir);
  tmp.onCleanup(async () => {
    await web.close();
    await core.close();
  });
  const origin = `http://127.0.0.1:${web.port}`;
  return { web, dataDir, origin, good: { origin, 'x-yqyc-token': web.token, 'content-type': 'application/json' } };
}

/** Every file under `dir`, relative, sorted: what a refused request must not have added to. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

function expectRefused(reply: Reply, status: number, message: RegExp): void {
  expect(reply.status).toBe(status);
  const body = jsonOf(reply);
  expect(body.ok).toBe(false);
  expect(body.error?.message).toMatch(CHINESE);
  expect(body.error?.message).toMatch(message);
}

const ledgersCurrent = '/api/ledgers:current';

describe('who may call the browser shell', () => {
  test('the shell’s own page is answered (the baseline every refusal below departs from)', async () => {
    const s = await shell();
    const reply = await send(s.web.port, ledgersCurrent, { headers: s.good, body: '{}' });
    expect(reply.status).toBe(200);
    expect(jsonOf(reply)).toEqual({ ok: true, value: null });
  });

  test('no token: 401 with a Chinese reason', async () => {
    const s = await shell();
    const { 'x-yqyc-token': _token, ...noToken } = s.good;
    const reply = await send(s.web.port, ledgersCurrent, { headers: noToken, body: '{}' });
    expectRefused(reply, 401, /访问凭证无效/);
    expect(jsonOf(reply).error?.code).toBe('FORBIDDEN');
  });

  test('a wrong token, also one of the right length: 401', async () => {
    const s = await shell();
    for (const token of ['wrong', 'x'.repeat(s.web.token.length), `${s.web.token}x`]) {
      const reply = await send(s.web.port, ledgersCurrent, {
        headers: { ...s.good, 'x-yqyc-token': token },
        body: '{}',
      });
      expectRefused(reply, 401, /访问凭证无效/);
    }
  });

  test('a foreign Origin, or none, is refused even with the right token: 403', async () => {
    const s = await shell();
    for (const origin of [
      'http://evil.example',
      'null',
      `http://127.0.0.1:${s.web.port + 1}`,
      `https://127.0.0.1:${s.web.port}`,
    ]) {
      const reply = await send(s.web.port, ledgersCurrent, { headers: { ...s.good, origin }, body: '{}' });
      expectRefused(reply, 403, /拒绝来自其他网页的请求/);
    }
    const { origin: _o, ...noOrigin } = s.good;
    expectRefused(await send(s.web.port, ledgersCurrent, { headers: noOrigin, body: '{}' }), 403, /其他网页/);
  });

  test('a foreign Host (DNS rebinding: evil.example resolving to 127.0.0.1) is refused: 421', async () => {
    const s = await shell();
    for (const host of ['evil.example', `evil.example:${s.web.port}`, `127.0.0.1.evil.example:${s.web.port}`]) {
      const api = await send(s.web.port, ledgersCurrent, { headers: { ...s.good, host }, body: '{}' });
      expectRefused(api, 421, /访问地址不正确/);
      // The page itself too: a rebinding page must not even get the renderer (and the token in its address).
      expectRefused(await send(s.web.port, '/', { method: 'GET', headers: { host } }), 421, /访问地址不正确/);
    }
  });

  test('only loopback: the server listens on 127.0.0.1 alone, and a non-loopback peer is refused', async () => {
    const s = await shell();
    // 127.0.0.2 is this machine too, but not the address bound: a listener on 0.0.0.0 would answer there.
    const others = [
      '127.0.0.2',
      ...Object.values(networkInterfaces())
        .flat()
        .filter((a) => a && a.family === 'IPv4' && !a.internal)
        .map((a) => a!.address),
    ];
    for (const host of others) {
      await expect(send(s.web.port, ledgersCurrent, { host, headers: s.good, body: '{}' })).rejects.toThrow(
        /ECONNREFUSED/,
      );
    }
    // And should a socket ever come from elsewhere, the first check refuses it.
    const fromAfar = (address: string) => ({ socket: { remoteAddress: address } }) as unknown as IncomingMessage;
    for (const address of ['10.0.0.5', '192.168.1.20', '::ffff:10.0.0.5', 'fe80::1', ''])
      expect(checkPeer(fromAfar(address))).toEqual({ status: 403, message: '只接受本机访问' });
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) expect(checkPeer(fromAfar(address))).toBeNull();
  });
});

describe('what a caller may send', () => {
  test('a GET (or PUT, DELETE) to an /api channel is refused: 405', async () => {
    const s = await shell();
    for (const method of ['GET', 'PUT', 'DELETE'])
      expectRefused(await send(s.web.port, ledgersCurrent, { method, headers: s.good }), 405, /不支持的请求方式/);
  });

  test('an unknown channel is refused as UNKNOWN_CHANNEL, before any handler', async () => {
    const s = await shell();
    for (const path of ['/api/ledgers:drop', '/api/__proto__', '/api/constructor', '/api/', '/api/toString']) {
      const reply = await send(s.web.port, path, { headers: s.good, body: '{}' });
      expect(jsonOf(reply)).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: '不支持的操作' } });
    }
  });

  test('a JSON body over the 8 MB limit: 413, and the shell still answers', async () => {
    const s = await shell();
    const big = Readable.from(
      (function* () {
        yield Buffer.from('{"x":"');
        for (let i = 0; i < 9; i++) yield Buffer.alloc(1024 * 1024, 0x61);
        yield Buffer.from('"}');
      })(),
    );
    expectRefused(await send(s.web.port, ledgersCurrent, { headers: s.good, body: big }), 413, /请求内容过大/);
    const declared = await send(s.web.port, ledgersCurrent, {
      headers: { ...s.good, 'content-length': String(9 * 1024 * 1024) },
      body: Readable.from([Buffer.alloc(9 * 1024 * 1024, 0x20)]),
    });
    expectRefused(declared, 413, /请求内容过大/);
    expect((await send(s.web.port, ledgersCurrent, { headers: s.good, body: '{}' })).status).toBe(200);
  });

  test('malformed JSON is refused as VALIDATION: 400', async () => {
    const s = await shell();
    for (const body of ['', '{', 'undefined', '{"a":1}}', '['.repeat(100_000)]) {
      const reply = await send(s.web.port, ledgersCurrent, { headers: s.good, body });
      expectRefused(reply, 400, /不是有效的 JSON/);
      expect(jsonOf(reply).error?.code).toBe('VALIDATION');
    }
  });
});

describe('uploads and downloads stay inside the data folder', () => {
  test('a spreadsheet over 100 MB, streamed without a length: 413, and nothing is kept', async () => {
    const s = await shell();
    const before = filesUnder(s.dataDir);
    const chunk = Buffer.alloc(1024 * 1024, 0x41);
    const chunks = SPREADSHEET_UPLOAD_LIMIT / chunk.length + 2;
    // A generator yields the same megabyte again and again: the 102 MB never exist in this process at once.
    const body = Readable.from(
      (function* () {
        for (let i = 0; i < chunks; i++) yield chunk;
      })(),
    );
    const reply = await send(s.web.port, '/api/upload/spreadsheet', {
      headers: { ...s.good, 'content-type': 'application/octet-stream', 'x-file-name': 'big.xlsx' },
      body,
    });
    expectRefused(reply, 413, /超过 100 MB/);
    expect(filesUnder(s.dataDir)).toEqual(before);
    expect((await send(s.web.port, ledgersCurrent, { headers: s.good, body: '{}' })).status).toBe(200);
  });

  test('an upload that declares more than 100 MB is refused before a byte is stored', async () => {
    const s = await shell();
    const before = filesUnder(s.dataDir);
    const reply = await send(s.web.port, '/api/upload/spreadsheet', {
      headers: { ...s.good, 'x-file-name': 'big.xlsx', 'content-length': String(SPREADSHEET_UPLOAD_LIMIT + 1) },
      body: Readable.from([Buffer.alloc(64 * 1024)]),
    });
    expectRefused(reply, 413, /超过 100 MB/);
    expect(filesUnder(s.dataDir)).toEqual(before);
  });

  test('file names that try a path never write outside the uploads folder', async () => {
    const s = await shell();
    const outside = () => readdirSync(tmp.dir()).sort();
    const before = outside();
    const names = [
      '../../escape.csv',
      '..\\..\\escape.csv',
      '/etc/cron.d/escape.csv',
      'C:\\Windows\\escape.csv',
      '\\\\server\\share\\escape.csv',
      'a\u0000b.csv',
      '..',
      '.',
      '',
      '%2e%2e%2fescape.csv',
      `${'长'.repeat(300)}.csv`,
    ];
    for (const name of names) {
      const reply = await send(s.web.port, '/api/upload/spreadsheet', {
        headers: { ...s.good, 'content-type': 'text/csv', 'x-file-name': encodeURIComponent(name) },
        body: 'a,b\n1,2\n',
      });
      expect(reply.status, name).toBe(200);
    }
    // Ledger uploads too: a non-ledger under a path-like name is refused and removed.
    const ledger = await send(s.web.port, '/api/upload/ledger', {
      headers: { ...s.good, 'x-file-name': encodeURIComponent('../../../evil.yqyc') },
      body: 'not a ledger',
    });
    expectRefused(ledger, 415, /不是“一企一策”台账文件/);

    expect(outside()).toEqual(before);
    const stored = filesUnder(s.dataDir);
    expect(stored).toHaveLength(names.length);
    for (const file of stored) {
      const parts = file.split(sep);
      // uploads/sheet-<random>/<name>: exactly one folder per upload, the name a plain file name.
      expect(parts).toHaveLength(3);
      expect(parts[0]).toBe('uploads');
      expect(parts[1]).toMatch(/^sheet-[0-9a-f]{16}$/);
      expect(parts[2]).not.toMatch(/[\\/\u0000]|^\.\.?$/);
    }
  });

  test('a download id that is a path, or names a file in the data folder, is 404', async () => {
    const s = await shell();
    const upload = await send(s.web.port, '/api/upload/spreadsheet', {
      headers: { ...s.good, 'x-file-name': 'secret.csv' },
      body: 'a\n',
    });
    expect(upload.status).toBe(200);
    const [sheetDir] = readdirSync(join(s.dataDir, 'uploads'));
    for (const id of [
      '..%2F..%2Fetc%2Fpasswd',
      '%2Fetc%2Fpasswd',
      `..%2Fuploads%2F${sheetDir}%2Fsecret.csv`,
      'uploads',
      '%00',
      'a'.repeat(24) + '%2F..',
    ]) {
      const reply = await send(s.web.port, `/api/download/${id}`, { headers: s.good });
      expectRefused(reply, 404, /文件不存在或已下载/);
    }
  });
});
