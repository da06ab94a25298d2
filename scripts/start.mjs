// `npm start`: builds what is missing, starts the desktop shell (Electron), and when Electron cannot start here —
// no binary (offline installs, 信创 CPUs without Electron builds), or no display — falls back to the browser
// shell with a clear message and its address.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function ensureBuilt(outputs, script) {
  if (outputs.every((f) => existsSync(f))) return true;
  console.log(`正在构建（${script}）…`);
  return spawnSync(npm, ['run', script], { stdio: 'inherit', shell: process.platform === 'win32' }).status === 0;
}

function electronBinary() {
  // Read what the electron package would run, without requiring it: requiring it starts a download, which on
  // an offline intranet fails slowly or hangs.
  let dir;
  try {
    dir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(dir, 'dist');
  const binary = join(dist, relative);
  return existsSync(binary) ? binary : null;
}

function hasDisplay() {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function startBrowserShell(reason) {
  console.log(
    `\n未能启动桌面程序：${reason}\n现改用浏览器方式运行：程序在本机后台运行，界面在浏览器（Chromium、Chrome 或 Edge）中打开。\n`,
  );
  if (!ensureBuilt(['out/node/web.js', 'out/renderer/index.html'], 'build:web')) process.exit(1);
  const child = spawn(process.execPath, ['out/node/web.js', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

const electron = electronBinary();
if (!electron) {
  startBrowserShell(
    '本机没有可用的 Electron 运行环境（安装时无法下载，或本机 CPU 没有对应版本；联网时可运行 npx install-electron 补装）',
  );
} else if (!hasDisplay()) {
  startBrowserShell('当前没有图形界面（未设置 DISPLAY）');
} else {
  if (!ensureBuilt(['out/desktop/main.js', 'out/preload/preload.cjs', 'out/renderer/index.html'], 'build'))
    process.exit(1);
  const started = Date.now();
  const child = spawn(electron, ['.'], { stdio: 'inherit' });
  child.on('error', (e) => startBrowserShell(`Electron 无法运行（${e.message}）`));
  child.on('exit', (code) => {
    // A crash within seconds of starting means Electron cannot run on this machine, not that the clerk quit.
    if (code !== 0 && Date.now() - started < 5000) startBrowserShell(`Electron 启动后立即退出（代码 ${code}）`);
    else process.exit(code ?? 0);
  });
}
