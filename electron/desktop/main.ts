import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { app, dialog, session, type BrowserWindow } from 'electron';
import { defaultDataDir } from '../core/app/dataDir';
import { workerCore, type CoreClient } from '../core/host/coreClient';
import { DESKTOP_EVENTS } from '../../shared/ipc/desktopBridge';
import { registerIpc } from './ipc';
import { installAppMenu } from './menu';
import { grantLedger, isLedgerPath, ledgerPathFromArgv, StartLedger } from './openedLedgers';
import { electronRenderer } from './printToPdf';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow, hardenSession, hardenWebContents } from './window';

/**
 * Composition root of the desktop shell: decides folders, starts the core on its own thread, wires protocol,
 * IPC and window together, and closes the core before the process ends. Behaviour lives in the other files.
 */

// Bundled layout: out/desktop/main.js beside out/preload/ and out/renderer/.
const here = import.meta.dirname;
const PRELOAD = join(here, '..', 'preload', 'preload.cjs');
const RENDERER_ROOT = join(here, '..', 'renderer');

/** How long quitting waits for the core to finish the running request and close the ledger. */
const CORE_CLOSE_TIMEOUT_MS = 10_000;

// The same folder the browser shell and the command line use (YIQIYICE_DATA_DIR first), so all three see the
// same ledgers and recent list. Chromium's profile and the single-instance lock follow it: a portable or test
// install writes nowhere else, and two installs with different folders do not block each other.
// resolve(): Electron refuses a relative userData path, and YIQIYICE_DATA_DIR may be one.
const dataDir = resolve(defaultDataDir());
app.setPath('userData', dataDir);

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // Two processes would fight over the same ledger file and recent list; the first instance takes over.
  app.quit();
} else {
  start();
}

function start(): void {
  let win: BrowserWindow | null = null;
  let core: CoreClient | null = null;
  let coreClosed = false;
  // Double-clicking a .yqyc file starts the program with its path (Windows, Linux); the page asks for it once loaded.
  const startLedger = new StartLedger();
  startLedger.set(ledgerPathFromArgv(process.argv, process.cwd()));

  /** A ledger opened from outside while running: handed to the page at once, or kept for when it asks. */
  const ledgerArrived = (path: string) => {
    const target = win;
    // A page still loading has not subscribed yet; it asks with takeOpenedLedger once it has.
    if (!core || !target || target.isDestroyed() || target.webContents.isLoading()) {
      startLedger.set(path);
      return;
    }
    const client = core;
    void grantLedger(client, path)
      .then((file) => {
        if (!target.isDestroyed()) target.webContents.send(DESKTOP_EVENTS.ledgerFile, file);
      })
      .catch((e: unknown) => console.error('[desktop] 无法打开台账文件', e));
  };

  // A second start (another double-click) ends itself at once; this copy takes over its file.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (win && !win.isDestroyed()) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
    const path = ledgerPathFromArgv(argv, workingDirectory);
    if (path) ledgerArrived(path);
  });

  // macOS passes a double-clicked file this way, also before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (isLedgerPath(path)) ledgerArrived(path);
  });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  // One window, one ledger: closing it ends the program on every platform, which is what a clerk expects.
  app.on('window-all-closed', () => app.quit());

  app.on('will-quit', (event) => {
    if (coreClosed || !core) return;
    event.preventDefault();
    const closing = core.close().catch((e: unknown) => console.error('[desktop] 关闭后台服务出错', e));
    // SQLite rolls back an unfinished transaction on the next open, so giving up on a stuck core loses only
    // that one operation; never quitting would be worse.
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, CORE_CLOSE_TIMEOUT_MS).unref());
    void Promise.race([closing, timeout]).finally(() => {
      coreClosed = true;
      app.quit();
    });
  });

  void app.whenReady().then(() => {
    if (!existsSync(join(RENDERER_ROOT, 'index.html'))) {
      dialog.showErrorBox('程序文件不完整', `找不到界面文件（${RENDERER_ROOT}）。请重新安装本程序。`);
      app.quit();
      return;
    }
    useElectronSqliteBuild();
    // The worker prints through Electron (printToPDF in a hidden window) rather than a browser of its own.
    core = workerCore({ dataDir }, electronRenderer());
    const ses = session.defaultSession;
    hardenSession(ses);
    serveRenderer(ses, RENDERER_ROOT, dataDir);
    const menu = installAppMenu(() => win, !app.isPackaged);
    registerIpc(core, () => win, { dataDir, menu, startLedger });

    const open = () => {
      // A new window starts with no ledger open, so its menu starts greyed out too (macOS reopens via activate).
      menu.setLedgerOpen(false);
      win = createMainWindow({ preload: PRELOAD, devTools: !app.isPackaged, dataDir });
      win.on('closed', () => {
        win = null;
      });
    };
    open();
    app.on('activate', () => {
      if (!win) open();
    });
  });
}

/**
 * better-sqlite3's addon is compiled for one ABI. The copy under node_modules is built for Node (the tests and
 * the other shells need that), and an installer built offline cannot rebuild it for Electron (npmRebuild is off).
 * So an Electron build of the addon, when one is shipped in native/electron/, is handed to the core through the
 * variable core/db/open.ts reads. Set before the worker starts, because a worker copies the environment then.
 */
function useElectronSqliteBuild(): void {
  if (process.env.YIQIYICE_ELECTRON_SQLITE_BINDING) return;
  // Packaged: copied to resources/ by extraResources (an addon inside app.asar could not be loaded).
  const base = app.isPackaged ? process.resourcesPath : app.getAppPath();
  const candidate = join(base, 'native', 'electron', 'better_sqlite3.node');
  if (existsSync(candidate)) process.env.YIQIYICE_ELECTRON_SQLITE_BINDING = candidate;
}
