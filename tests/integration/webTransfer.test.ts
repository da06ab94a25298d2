import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CoreContext } from '../../electron/core/app/context';
import { downloadsDirOf, outputFor } from '../../electron/core/app/outputs';
import { inProcessCore } from '../../electron/core/host/inProcessCore';
import { createSampleAt } from '../../electron/core/services/sample';
import type { WebShell } from '../../electron/web/server';
import { useTempDir } from './helpers';
import { inProcessWebShell } from './webShellInProcess';

/** The browser shell's file doors for Excel: spreadsheets come in as uploads, finished workbooks go out once. */
const tmp = useTempDir();

async function shell(): Promise<WebShell> {
  const dataDir = tmp.dir();
  const core = inProcessCore({ dataDir });
  const web = await inProcessWebShell(core, dataDir);
  tmp.onCleanup(async () => {
    await web.close();
    await core.close();
  });
  return web;
}

interface Reply {
  status: number;
  body: Buffer;
}

function post(
  web: WebShell,
  path: string,
  body: Buffer | string,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const origin = `http://127.0.0.1:${web.port}`;
  return new Promise((resolve, reject) => {
    const req = request(
      `${origin}${path}`,
      { method: 'POST', headers: { origin, 'x-yqyc-token': web.token, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const json = (r: Reply) => JSON.parse(r.body.toString('utf8')) as { ok: boolean; value?: { fileRef: string } };

describe('spreadsheet upload', () => {
  test('keeps the clerk’s file name in its own folder under the data folder and returns a reference', async () => {
    const web = await shell();
    const reply = await post(web, '/api/upload/spreadsheet', 'a,b\n1,2\n', {
      'x-file-name': encodeURIComponent('..\\..\\长乐镇台账.csv'),
    });
    expect(reply.status).toBe(200);
    expect(json(reply).value?.fileRef).toMatch(/^[\w-]{20,}$/);
    const uploads = join(tmp.dir(), 'uploads');
    const [folder] = readdirSync(uploads);
    expect(readdirSync(join(uploads, folder!))).toEqual(['长乐镇台账.csv']);
    expect(readFileSync(join(uploads, folder!, '长乐镇台账.csv'), 'utf8')).toBe('a,b\n1,2\n');
  });

  test('is refused without the token, and when empty', async () => {
    const web = await shell();
    const noToken = await post(web, '/api/upload/spreadsheet', 'x', { 'x-yqyc-token': 'wrong' });
    expect(noToken.status).toBe(401);
    const empty = await post(web, '/api/upload/spreadsheet', '');
    expect(empty.status).toBe(400);
    expect(JSON.parse(empty.body.toString()).error.message).toBe('上传的文件是空的');
    expect(existsSync(join(tmp.dir(), 'uploads')) ? readdirSync(join(tmp.dir(), 'uploads')) : []).toEqual([]);
  });
});

describe('township ledger upload for 全县汇总', () => {
  test('keeps the copy apart from this PC’s ledgers, opens it read-only, and a restart clears it', async () => {
    const source = join(tmp.dir(), 'from-township');
    const sourceCtx = new CoreContext({ dataDir: join(source, 'data') });
    createSampleAt(sourceCtx, join(source, '甘霖镇.yqyc'), { enterprises: 12, seed: 3 });
    sourceCtx.close();
    const bytes = readFileSync(join(source, '甘霖镇.yqyc'));

    const web = await shell();
    const reply = await post(web, '/api/upload/county', bytes, { 'x-file-name': encodeURIComponent('甘霖镇.yqyc') });
    expect(reply.status).toBe(200);
    const fileRef = json(reply).value!.fileRef;
    const ledgers = join(tmp.dir(), 'ledgers');
    expect(existsSync(ledgers) ? readdirSync(ledgers) : []).toEqual([]);
    const county = join(tmp.dir(), 'uploads', 'county');
    const [folder] = readdirSync(county);
    expect(readdirSync(join(county, folder!))).toEqual(['甘霖镇.yqyc']);

    const opened = await post(web, '/api/county:open', JSON.stringify({ fileRefs: [fileRef] }), {
      'content-type': 'application/json',
    });
    const view = JSON.parse(opened.body.toString('utf8')) as { ok: boolean; value: { townships: unknown[] } };
    expect(view.ok).toBe(true);
    expect(view.value.townships).toHaveLength(1);
    await post(web, '/api/county:close', '{}', { 'content-type': 'application/json' });

    // 打开台账文件 still keeps its copy among the ledgers.
    const own = await post(web, '/api/upload/ledger', bytes, { 'x-file-name': encodeURIComponent('甘霖镇.yqyc') });
    expect(own.status).toBe(200);
    expect(readdirSync(ledgers)).toEqual(['甘霖镇.yqyc']);

    await shell();
    expect(existsSync(county)).toBe(false);
    expect(readdirSync(ledgers)).toEqual(['甘霖镇.yqyc']);
  });
});

describe('download of a finished export', () => {
  test('is handed over once and then removed; ids that are not ours are 404', async () => {
    const web = await shell();
    // What an export does: write under a temporary name, then finish.
    const ctx = new CoreContext({ dataDir: tmp.dir() });
    const out = outputFor(ctx, undefined);
    writeFileSync(out.tempPath, 'PK-fake-workbook');
    const id = out.finish()!;
    expect(id).toMatch(/^[\w-]{24}$/);

    const first = await post(web, `/api/download/${id}`, '');
    expect(first.status).toBe(200);
    expect(first.body.toString()).toBe('PK-fake-workbook');
    expect(readdirSync(downloadsDirOf(tmp.dir()))).toEqual([]);

    expect((await post(web, `/api/download/${id}`, '')).status).toBe(404);
    for (const bad of ['..%2F..%2Fledgers%2Fx', 'short', `${id}/../x`])
      expect((await post(web, `/api/download/${bad}`, '')).status).toBe(404);
    expect((await post(web, `/api/download/${id}`, '', { 'x-yqyc-token': 'wrong' })).status).toBe(401);
  });

  test('an abandoned export leaves nothing behind', () => {
    const ctx = new CoreContext({ dataDir: tmp.dir() });
    const out = outputFor(ctx, undefined);
    writeFileSync(out.tempPath, 'half');
    out.abandon();
    expect(readdirSync(downloadsDirOf(tmp.dir()))).toEqual([]);
  });
});
