import { existsSync } from 'node:fs';

/** The Chromium-family browsers the end-to-end tests (and later printing) can drive, in order of preference. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/opt/google/chrome/chrome',
];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.YIQIYICE_BROWSER) return existsSync(env.YIQIYICE_BROWSER) ? env.YIQIYICE_BROWSER : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const NO_BROWSER_MESSAGE =
  '未找到 Chromium 系浏览器，端到端测试无法运行。请安装：sudo apt-get install -y chromium（或设置环境变量 YIQIYICE_BROWSER 指向 Chrome/Edge 的可执行文件）。';
