import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from './security/webClient';

/**
 * `npm run portable`: the browser shell as a folder with its own Node, started by start.sh. Built from the real
 * out/ (npm test builds first) into a temporary folder, then started from a different working folder with a PATH
 * that has no Node, to show it needs nothing installed.
 */
let dir: string;
let pkg: string;
let child: ChildProcess | null = null;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yqyc-portable-'));
  pkg = join(dir, '一企一策便携版');
  const built = spawnSync(process.execPath, ['scripts/build-portable.mjs', '--out', pkg], { encoding: 'utf8' });
  expect(built.stderr).toBe('');
  expect(built.status).toBe(0);
  expect(built.stdout).toContain(`便携版已生成：${pkg}`);
}, 180_000);

afterAll(() => {
  child?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

describe('portable package of the browser shell', () => {
  it('carries Node, the built app, the start scripts and only run-time packages', () => {
    for (const f of ['node/node', 'start.sh', '启动.bat', '使用说明.txt', 'app/package.json', 'app/out/node/web.js']) {
      expect(existsSync(join(pkg, f)), f).toBe(true);
    }
    expect(existsSync(join(pkg, 'app/out/renderer/index.html'))).toBe(true);
    expect(existsSync(join(pkg, 'app/out/renderer/guide/index.html'))).toBe(true);
    const version = spawnSync(join(pkg, 'node/node'), ['--version'], { encoding: 'utf8' }).stdout.trim();
    expect(version).toBe(process.version);

    const modules = readdirSync(join(pkg, 'app/node_modules'));
    for (const runtime of ['better-sqlite3-multiple-ciphers', 'exceljs', 'zod', 'playwright-core']) {
      expect(modules).toContain(runtime);
    }
    // The renderer's packages are bundled into out/renderer; the tools never run here.
    for (const dev of ['react', 'antd', 'electron', 'vite', 'vitest', 'typescript', 'marked']) {
      expect(modules).not.toContain(dev);
    }
    // The SQLite addon without its C sources and object files (about 30 MB the clerk never needs).
    const sqlite = join(pkg, 'app/node_modules/better-sqlite3-multiple-ciphers');
    expect(existsSync(join(sqlite, 'build/Release/better_sqlite3.node'))).toBe(true);
    expect(existsSync(join(sqlite, 'deps'))).toBe(false);
    expect(existsSync(join(sqlite, 'build/Release/obj'))).toBe(false);

    const bat = readFileSync(join(pkg, '启动.bat'), 'utf8');
    expect(bat).toContain('"%~dp0node\\node.exe" "%~dp0app\\out\\node\\web.js" %*');
    expect(bat).toContain('\r\n');
  });

  it('starts from start.sh with no Node on the PATH, keeps data in its 数据 folder, and answers the app', async () => {
    mkdirSync(join(pkg, '数据'));
    const elsewhere = mkdtempSync(join(tmpdir(), 'yqyc-portable-cwd-'));
    child = spawn(join(pkg, 'start.sh'), ['--no-open'], {
      cwd: elsewhere,
      env: { PATH: '/usr/bin:/bin', HOME: elsewhere, YIQIYICE_BROWSER: '/usr/bin/chromium' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = await new Promise<string>((resolve, reject) => {
      let text = '';
      child!.stdout!.on('data', (d: Buffer) => {
        text += d.toString();
        if (text.includes('数据文件夹：')) resolve(text);
      });
      child!.stderr!.on('data', (d: Buffer) => (text += d.toString()));
      child!.on('exit', (code) => reject(new Error(`start.sh 退出（${code}）：${text}`)));
    });
    const url = new URL(/(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(out)![1]!);
    expect(out).toContain(`数据文件夹：${join(pkg, '数据')}`);

    const port = Number(url.port);
    const page = await send(port, '/', { method: 'GET', headers: { host: url.host } });
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('<div id="root">');

    const origin = `http://${url.host}`;
    const headers = {
      host: url.host,
      origin,
      'x-yqyc-token': url.hash.replace('#token=', ''),
      'content-type': 'application/json',
    };
    // The core runs (a worker thread in the carried Node, with the SQLite addon): it makes the sample ledger.
    const made = await send(port, '/api/ledgers:createSample', { headers, body: JSON.stringify({ enterprises: 30 }) });
    expect(made.status).toBe(200);
    const result = JSON.parse(made.body.toString()) as { ok: boolean; value?: { township: string } };
    expect(result.ok).toBe(true);
    expect(readdirSync(join(pkg, '数据', 'ledgers')).some((f) => f.endsWith('.yqyc'))).toBe(true);
    rmSync(elsewhere, { recursive: true, force: true });
  }, 120_000);
});
