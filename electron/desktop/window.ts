import { BrowserWindow, screen, type Session, type WebContents } from 'electron';
import { APP_ENTRY_URL, isAppUrl } from './protocol';
import { placeWindow, readWindowState, trackWindowState } from './windowState';

export const WINDOW_TITLE = '「一企一策」非公企业党建台账';

/** Fits a 1366×768 office screen with a taskbar, the smallest display the screens are laid out for. */
export const MIN_WIDTH = 1024;
export const MIN_HEIGHT = 640;

export interface MainWindowOptions {
  preload: string;
  /** DevTools stay available while developing; an installed copy has no use for them and they widen the surface. */
  devTools: boolean;
  /** Where window-state.json is kept: the window reopens where the clerk left it. */
  dataDir: string;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const work = screen.getPrimaryDisplay().workAreaSize;
  const place = placeWindow(
    readWindowState(options.dataDir),
    screen.getAllDisplays().map((d) => d.workArea),
    {
      minWidth: MIN_WIDTH,
      minHeight: MIN_HEIGHT,
      defaultWidth: Math.max(MIN_WIDTH, Math.min(1440, work.width)),
      defaultHeight: Math.max(MIN_HEIGHT, Math.min(900, work.height)),
    },
  );
  const win = new BrowserWindow({
    title: WINDOW_TITLE,
    ...place.bounds,
    center: place.bounds.x === undefined,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    // Shown on ready-to-show so the clerk never sees an empty white frame while the bundle loads.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // Electron's built-in PDF viewer (the print preview) is its only plugin; nothing else can load as one.
      plugins: true,
      devTools: options.devTools,
    },
  });
  // The page's <title> must not replace the product name in the taskbar.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => {
    if (place.maximized) win.maximize();
    win.show();
  });
  trackWindowState(win, options.dataDir);
  void win.loadURL(APP_ENTRY_URL).catch((e: unknown) => console.error('[desktop] 界面加载失败', e));
  return win;
}

/**
 * Applied to every webContents the app ever creates (main window, a later print window): the app is offline and
 * single-page, so any navigation away from app://, any popup and any <webview> can only be an attack or a bug.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * The ledger holds personal data about party members. The page needs no camera, location, notifications or
 * devices, and nothing it shows comes from the network, so every permission is refused and every non-app request
 * is cancelled — a second wall behind the CSP. The one exception is writing text to the clipboard from our own
 * page: copying a credit code or a document number is ordinary clerk work and reveals nothing.
 */
export function hardenSession(session: Session): void {
  const allowed = (permission: string, origin: string | undefined) =>
    permission === 'clipboard-sanitized-write' && origin !== undefined && isAppUrl(origin);

  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(allowed(permission, details.requestingUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => allowed(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*', 'file:///*'] },
    (_details, callback) => callback({ cancel: true }),
  );
}
