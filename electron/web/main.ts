import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDataDir, freshLedgerPath, ledgersDirOf } from '../core/app/dataDir';
import { workerCore } from '../core/host/coreClient';
import { startWebShell } from './server';

/** The built renderer: beside this bundle (out/node → out/renderer) or, from sources, in out/renderer. */
function findStaticDir(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', 'renderer'), join(here, '..', '..', 'out', 'renderer')];
  return candidates.find((d) => existsSync(join(d, 'index.html'))) ?? null;
}

/** Opens the address in the clerk's browser where there is a desktop to show it on. */
function openBrowser(url: string): void {
  const hasDisplay =
    process.platform === 'win32' ||
    process.platform === 'darwin' ||
    !!process.env.DISPLAY ||
    !!process.env.WAYLAND_DISPLAY;
  if (!hasDisplay) return;
  const [cmd, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, 'no-open': { type: 'boolean' } },
    strict: true,
  });
  const staticDir = findStaticDir();
  if (!staticDir) {
    process.stderr.write('错误：界面文件尚未构建，请先运行 npm run build\n');
    process.exitCode = 1;
    return;
  }
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const ledgersDir = ledgersDirOf(dataDir);
  const core = workerCore({ dataDir });
  const shell = await startWebShell({
    core,
    staticDir,
    dataDir,
    freshLedgerPath: (base) => freshLedgerPath(ledgersDir, base),
    port: values.port ? Number(values.port) : 0,
  });
  // The first line is read by scripts and tests; keep its form.
  process.stdout.write(`浏览器方式已启动：${shell.url}\n`);
  process.stdout.write(
    `数据文件夹：${dataDir}\n请在 Chromium、Chrome 或 Edge 中打开上面的地址。关闭本窗口（或按 Ctrl+C）即退出。\n`,
  );
  if (!values['no-open']) openBrowser(shell.url);

  const stop = async () => {
    await shell.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`错误：浏览器方式启动失败：${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
