import { statSync } from 'node:fs';
import { basename, delimiter, join } from 'node:path';
import { AppError } from '../../errors';

/** A Chromium-family browser the print engine can drive headless. */
export interface BrowserFound {
  name: string;
  path: string;
}

interface Candidate {
  name: string;
  /** Absolute paths to try, in order. */
  paths: string[];
}

const LINUX_NAMES: [string, string][] = [
  ['chromium', 'Chromium'],
  ['chromium-browser', 'Chromium'],
  ['google-chrome', 'Google Chrome'],
  ['google-chrome-stable', 'Google Chrome'],
  ['microsoft-edge', 'Microsoft Edge'],
  ['microsoft-edge-stable', 'Microsoft Edge'],
];

function onPath(command: string, env: NodeJS.ProcessEnv): string[] {
  return (env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir !== '')
    .map((dir) => join(dir, command));
}

function linuxCandidates(env: NodeJS.ProcessEnv): Candidate[] {
  const list: Candidate[] = LINUX_NAMES.map(([command, name]) => ({
    name,
    paths: [...onPath(command, env), `/usr/bin/${command}`, `/snap/bin/${command}`],
  }));
  list.push({ name: 'Google Chrome', paths: ['/opt/google/chrome/chrome'] });
  list.push({ name: 'Microsoft Edge', paths: ['/opt/microsoft/msedge/msedge'] });
  // 统信UOS and deepin ship a Chromium-based browser under this plain name.
  list.push({ name: '统信浏览器', paths: ['/usr/bin/browser', '/opt/apps/org.deepin.browser/files/browser'] });
  return list;
}

function windowsCandidates(env: NodeJS.ProcessEnv): Candidate[] {
  const roots = [env.ProgramFiles, env['ProgramFiles(x86)'], env.LOCALAPPDATA].filter((r): r is string => !!r);
  return [
    { name: 'Microsoft Edge', paths: roots.map((r) => join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe')) },
    { name: 'Google Chrome', paths: roots.map((r) => join(r, 'Google', 'Chrome', 'Application', 'chrome.exe')) },
  ];
}

function macCandidates(): Candidate[] {
  const app = (bundle: string, binary: string) => `/Applications/${bundle}.app/Contents/MacOS/${binary}`;
  return [
    { name: 'Google Chrome', paths: [app('Google Chrome', 'Google Chrome')] },
    { name: 'Microsoft Edge', paths: [app('Microsoft Edge', 'Microsoft Edge')] },
    { name: 'Chromium', paths: [app('Chromium', 'Chromium')] },
  ];
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Every Chromium-family browser installed here, best first, each path once. */
export function findBrowsers(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): BrowserFound[] {
  const candidates =
    platform === 'win32' ? windowsCandidates(env) : platform === 'darwin' ? macCandidates() : linuxCandidates(env);
  const found: BrowserFound[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    const path = c.paths.find(isFile);
    if (path && !seen.has(path)) {
      seen.add(path);
      found.push({ name: c.name, path });
    }
  }
  return found;
}

/** What the refusal names: where the program looked and how to point it at a browser. */
function lookedFor(platform: NodeJS.Platform): string {
  if (platform === 'win32') return 'Microsoft Edge、Google Chrome（Program Files 与用户目录）';
  if (platform === 'darwin') return 'Google Chrome、Microsoft Edge、Chromium（“应用程序”文件夹）';
  return 'chromium、chromium-browser、google-chrome、microsoft-edge、统信浏览器（/usr/bin/browser）';
}

export function noBrowserError(platform: NodeJS.Platform = process.platform): AppError {
  return new AppError(
    'NOT_FOUND',
    `未找到可用于打印的 Chromium 系浏览器（已查找：${lookedFor(platform)}）。请安装其中一种（如 sudo apt-get install -y chromium），` +
      '或用环境变量 YIQIYICE_BROWSER（命令行也可用 --browser）指明浏览器程序的位置。',
  );
}

/** A browser named explicitly (command line, environment): it must exist, or the clerk hears which path failed. */
export function explicitBrowser(path: string): BrowserFound {
  if (!isFile(path)) {
    throw new AppError(
      'NOT_FOUND',
      `指定的浏览器“${path}”不存在或不是程序文件，请检查 --browser 参数或环境变量 YIQIYICE_BROWSER`,
      'browser',
    );
  }
  return { name: nameOf(path), path };
}

function nameOf(path: string): string {
  const file = basename(path).toLowerCase();
  if (file.includes('edge')) return 'Microsoft Edge';
  if (file.includes('chrome') && !file.includes('chromium')) return 'Google Chrome';
  if (file === 'browser') return '统信浏览器';
  return file.includes('chromium') ? 'Chromium' : basename(path);
}

export interface BrowserPick {
  /** The browser printing will use, or null when none was found. */
  current: BrowserFound | null;
  found: BrowserFound[];
  /** The clerk's saved choice when it is still installed. */
  chosen: string | null;
}

/**
 * Which browser prints: an explicit path (YIQIYICE_BROWSER or --browser) wins; then the clerk's saved choice when it
 * is still one of those found; then the first found.
 */
export function pickBrowser(saved: string | null, env: NodeJS.ProcessEnv = process.env): BrowserPick {
  const found = findBrowsers(env);
  const chosen = saved !== null && found.some((b) => b.path === saved) ? saved : null;
  const explicit = env.YIQIYICE_BROWSER?.trim();
  if (explicit) return { current: explicitBrowser(explicit), found, chosen };
  const current = found.find((b) => b.path === chosen) ?? found[0] ?? null;
  return { current, found, chosen };
}
