import { existsSync } from 'node:fs';
import { findBrowsers } from '../../electron/core/print/engine/discovery';

/**
 * The browser the end-to-end tests drive: YIQIYICE_BROWSER when set (and present), else the first Chromium-family
 * browser the product's own discovery finds — the one it would print with.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.YIQIYICE_BROWSER) return existsSync(env.YIQIYICE_BROWSER) ? env.YIQIYICE_BROWSER : null;
  return findBrowsers()[0]?.path ?? null;
}

/** The product's own launch flags (engineering.md §6), so tests start Chromium as the print engine does. */
export { CHROMIUM_ARGS } from '../../electron/core/print/engine/chromiumEngine';

export const NO_BROWSER_MESSAGE =
  '未找到 Chromium 系浏览器，端到端测试无法运行。请安装：sudo apt-get install -y chromium（或设置环境变量 YIQIYICE_BROWSER 指向 Chrome/Edge 的可执行文件）。';
