import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { CoreContext } from '../../electron/core/app/context';
import { ledgersDirOf } from '../../electron/core/app/dataDir';
import { pinyinInitials } from '../../electron/core/search/pinyinKeys';
import { createSampleAt } from '../../electron/core/services/sample';
import { startWebShell, type RunningShell } from '../support/webShell';

export interface BenchLedger {
  dataDir: string;
  /** A fragment of an enterprise's name and the pinyin initials of another's, typed into the search box. */
  nameFragment: string;
  initials: string;
}

/**
 * A sample ledger of `size` enterprises made by the product in the data folder's ledgers folder, by a core as the app
 * makes it: creating it puts it at the top of the recent list, so the start screen lists it, and leaves it the ledger
 * the next start reopens.
 */
export function makeBenchLedger(size: number): BenchLedger {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'yqyc-bench-ui-')), 'data');
  mkdirSync(ledgersDirOf(dataDir), { recursive: true });
  const ctx = new CoreContext({ dataDir, remembersLastOpen: true });
  try {
    createSampleAt(ctx, join(ledgersDirOf(dataDir), '示例台账.yqyc'), { enterprises: size, seed: 11 });
    const { db } = ctx.requireLedger();
    const name = (offset: number) =>
      db.prepare('SELECT name FROM enterprises ORDER BY id LIMIT 1 OFFSET ?').pluck().get(offset) as string;
    // Past the township's prefix, where names differ; the initials of a name far down the list.
    const named = name(Math.floor(size / 3));
    return {
      dataDir,
      nameFragment: named.slice(Math.max(0, named.length - 6), named.length - 3),
      initials: pinyinInitials(name(Math.floor((size * 2) / 3)))
        .split(' ')[0]!
        .slice(0, 4),
    };
  } finally {
    ctx.close();
  }
}

/** The built browser shell, timed from the spawn to the line announcing its address. */
export async function startShellTimed(dataDir: string): Promise<{ shell: RunningShell; upMs: number }> {
  if (!existsSync('out/node/web.js') || !existsSync('out/renderer/index.html')) {
    throw new Error('ui 基准需要先构建浏览器方式：请先运行 npm run build:web（或加 --ui false 跳过界面基准）');
  }
  const start = performance.now();
  const shell = await startWebShell(dataDir);
  return { shell, upMs: performance.now() - start };
}

/**
 * The floor any browser-served app pays: a bare node:http server with one trivial page, started the same way (a
 * fresh node process printing its address when listening).
 */
const BARE_SERVER = `
const http = require('node:http');
const page = '<!doctype html><meta charset="utf-8"><title>bench</title><p id="ready">就绪</p>';
const server = http.createServer((_, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(page); });
server.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port + '/'));
`;

export async function startBareServer(): Promise<{ url: string; upMs: number; stop: () => void }> {
  const start = performance.now();
  const child = spawn(process.execPath, ['-e', BARE_SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bare server exited (${code})`)));
  });
  return { url, upMs: performance.now() - start, stop: () => child.kill('SIGTERM') };
}
