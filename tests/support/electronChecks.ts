import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';

import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The desktop shell's security checks, run against the real bundled main process (out/desktop/main.js, so
 * `npm run build` first) with the `electron` module replaced by the stand-in. electronegativity is not installed
 * and looks versions up online, so these checks are the project's own version of its rules. Each run happens in a
 * child process: main starts the core worker and keeps module state, and nothing of that should leak into the
 * caller (a vitest worker or `npm run safety`).
 */

export interface ElectronCheck {
  id: string;
  ok: boolean;
  detail: string;
}

/** Every check, in report order, with what it asserts. */
export const ELECTRON_CHECKS: readonly { id: string; title: string }[] = [
  { id: 'scheme.privileged', title: 'app:// is registered as standard and secure, without CSP bypass or CORS' },
  { id: 'scheme.beforeReady', title: 'the scheme is registered before the app is ready' },
  { id: 'window.entryUrl', title: 'the main window loads app://yiqiyice/index.html' },
  { id: 'window.contextIsolation', title: 'every window has contextIsolation' },
  { id: 'window.sandbox', title: 'every window is sandboxed' },
  { id: 'window.nodeIntegration', title: 'no window has Node integration (page, workers, sub-frames)' },
  { id: 'window.webSecurity', title: 'every window keeps webSecurity and refuses insecure content' },
  { id: 'window.webviewTag', title: 'no window allows <webview>' },
  { id: 'window.preload', title: 'only the app window has a preload, the bundled sandbox-safe one' },
  { id: 'window.devTools', title: 'an installed copy has no DevTools' },
  { id: 'printWindow.noPreload', title: 'the print window has no preload and no DevTools' },
  { id: 'printWindow.session', title: 'the print window uses its own hardened in-memory session' },
  { id: 'preload.exposure', title: 'the preload exposes only the bridge functions, never ipcRenderer' },
  { id: 'csp.defaultSrc', title: "CSP default-src 'self'" },
  { id: 'csp.scriptSrc', title: "CSP script-src 'self' without unsafe-eval or unsafe-inline" },
  { id: 'csp.objectSrc', title: "CSP object-src 'none'" },
  { id: 'csp.frameAncestors', title: "CSP frame-ancestors 'none'" },
  { id: 'csp.baseUri', title: "CSP base-uri 'none'" },
  { id: 'csp.frameSrc', title: 'CSP frame-src only blob:' },
  { id: 'csp.everyResponse', title: 'every app:// response carries the CSP and nosniff' },
  { id: 'navigation.willNavigate', title: 'navigation away from app:// is prevented' },
  { id: 'navigation.willRedirect', title: 'redirects away from app:// are prevented' },
  { id: 'navigation.webview', title: 'attaching a <webview> is prevented' },
  { id: 'navigation.windowOpen', title: 'every window denies new windows' },
  { id: 'permissions.request', title: 'permission requests are denied' },
  { id: 'permissions.check', title: 'permission checks are denied' },
  { id: 'permissions.device', title: 'device permissions are denied' },
  { id: 'network.blocked', title: 'requests to the network and file:// are cancelled' },
  { id: 'ipc.channels', title: 'exactly one ipcMain.handle per contract and desktop-only channel, nothing else' },
  { id: 'ipc.trustedSender', title: "the app's own top frame reaches the core" },
  { id: 'ipc.dialogLedger', title: 'a ledger chosen in the native dialog is created by the core (addon loads)' },
  { id: 'ipc.senderCheck', title: 'foreign pages, sub-frames and other webContents are refused' },
  { id: 'ipc.schema', title: 'malformed payloads are refused with the validation error and change nothing' },
  { id: 'protocol.traversal', title: 'app:// refuses path traversal, plain and encoded' },
  { id: 'protocol.unknownType', title: 'app:// refuses files of unknown types' },
  { id: 'protocol.methods', title: 'app:// refuses methods other than GET and HEAD' },
  { id: 'protocol.foreignHost', title: 'app:// serves only the yiqiyice host' },
  { id: 'protocol.download', title: '/api/download/<id> hands a valid id over once, and nothing else' },
  { id: 'fuses.runAsNode', title: 'fuse RunAsNode off' },
  { id: 'fuses.nodeOptions', title: 'fuse NODE_OPTIONS off' },
  { id: 'fuses.inspect', title: 'fuse --inspect arguments off' },
  { id: 'fuses.asarOnly', title: 'fuse only load app from asar' },
  { id: 'fuses.asarIntegrity', title: 'fuse embedded asar integrity validation' },
  { id: 'quit.closesCore', title: 'quitting waits for the core to close, then quits' },
  // Issue 12: the desktop shell's integration.
  {
    id: 'preload.events',
    title: 'menu and file events reach the page validated, without the IPC event; unsubscribe works',
  },
  { id: 'preload.drop', title: 'the preload sends a dropped path only for a real File' },
  { id: 'menu.groups', title: 'the native menu has the seven Chinese groups in order, with access keys' },
  {
    id: 'menu.needsLedger',
    title: 'ledger commands are greyed out until setMenuState({ ledgerOpen: true }); bad states refused',
  },
  { id: 'menu.commands', title: 'clicking every menu command sends exactly its id to the page' },
  { id: 'menu.roles', title: 'role items are roles with the Chinese labels and accelerators, without a click' },
  { id: 'menu.noDevToolsPackaged', title: 'an installed copy has no DevTools in the menu' },
  {
    id: 'ipc.desktopSenderCheck',
    title: 'setMenuState, openDroppedLedger, takeOpenedLedger, pickExportFolder refuse foreign callers',
  },
  { id: 'openFile.noStartFile', title: 'takeOpenedLedger answers null when the program was started without a file' },
  { id: 'drop.ledgerOnly', title: 'a dropped path is granted only for an absolute, existing .yqyc file, and opens' },
  { id: 'ipc.exportFolder', title: 'pickExportFolder grants the chosen folder; exports start there while it exists' },
  {
    id: 'openFile.secondInstance',
    title: 'a second start with a .yqyc sends the page a working grant; other arguments are ignored',
  },
  { id: 'windowState.savedOnClose', title: 'the window place is saved after moving and on close (window-state.json)' },
  { id: 'menu.devToolsInDevelopment', title: 'a development start keeps DevTools in the 视图 menu' },
  { id: 'openFile.startArgv', title: 'a .yqyc on the command line is handed over once as a working grant, then null' },
  { id: 'windowState.restored', title: 'the next start opens the window where it was closed' },
  { id: 'menu.closedWindow', title: 'a menu click without a window sends nothing and does not throw' },
  {
    id: 'windowState.offScreenDefaults',
    title: 'a saved place off every display, or too small, gives the default window',
  },
  { id: 'windowState.damagedDefaults', title: 'a damaged window-state.json gives the default window' },
];

const HERE = fileURLToPath(import.meta.url);
export const ROOT = resolve(HERE, '..', '..', '..');
export const MARK = 'ELECTRON_CHECKS ';
/** The checks themselves run in this file's sibling, in a child process. */
const CHILD = join(HERE, '..', 'electronChecksChild.ts');

/**
 * Runs every check in a child process and returns one result per id of ELECTRON_CHECKS (a check that could not
 * run is reported failed, with the reason). `root` is the folder holding out/ and node_modules: the project, or
 * an installer's app.asar extracted, to show the packed app runs from what it carries.
 */
export function runElectronChecks(root = ROOT): ElectronCheck[] {
  const dataDir = mkdtempSync(join(tmpdir(), 'yqyc-electron-'));
  try {
    // Two starts in one data folder: the second sees what the first left (the window's place, a ledger file).
    const found: ElectronCheck[] = [];
    const why: string[] = [];
    for (const phase of ['first', 'restart']) {
      // cwd stays the project (where tsx is installed) even when root is an unpacked installer's app folder.
      const child = spawnSync(process.execPath, ['--import', 'tsx', CHILD, root, phase], {
        cwd: ROOT,
        env: { ...process.env, YIQIYICE_DATA_DIR: dataDir, YIQIYICE_BACKUP_DIR: join(dataDir, 'backups') },
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
      });
      const line = child.stdout.split('\n').find((l) => l.startsWith(MARK));
      const results = line ? (JSON.parse(line.slice(MARK.length)) as ElectronCheck[]) : [];
      found.push(...results);
      const crash = results.find((c) => c.id === 'child');
      if (crash) why.push(`检查中断（${phase}）：${crash.detail}`);
      else if (!line) why.push(`检查进程失败（${phase}，退出码 ${child.status}）：${child.stderr.slice(-2000)}`);
    }
    const detail = why.join('\n') || '未运行';
    return ELECTRON_CHECKS.map(({ id }) => found.find((c) => c.id === id) ?? { id, ok: false, detail });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The bundles the desktop checks and the installer read; all come from `npm run build`. */
const OUTPUTS = [
  'out/desktop/main.js',
  'out/desktop/core-worker.js',
  'out/preload/preload.cjs',
  'out/renderer/index.html',
];
const SOURCES = [
  'electron',
  'shared',
  'renderer',
  'package.json',
  'electron.vite.config.ts',
  'vite.renderer.config.ts',
];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return path.endsWith('.tsbuildinfo') ? 0 : s.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), 0);
}

/**
 * Runs `npm run build` unless every bundle is newer than every source: the checks must see the current code, and
 * rebuilding out/ while another suite serves it (the browser shell tests) is best avoided when nothing changed.
 */
export function ensureBuilt(root = ROOT): void {
  const built = OUTPUTS.map((o) => (existsSync(join(root, o)) ? statSync(join(root, o)).mtimeMs : 0));
  const source = Math.max(...SOURCES.map((s) => newest(join(root, s))));
  if (built.every((t) => t > source)) return;
  const run = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`npm run build 失败：\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`);
}
