import { EventEmitter } from 'node:events';

/**
 * A small stand-in for the `electron` module, so the real desktop main process (out/desktop/main.js) can run under
 * Node where the Electron binary cannot be downloaded. It implements only what main asks for and records every
 * request — windows and their options, handlers, schemes, dialogs — for the checks in electronChecks.ts to inspect.
 * It lives on globalThis, so the module main imports (see ELECTRON_SHIM) and the checks see the same objects.
 */

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent(): FakeEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  processId: number;
  routingId: number;
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl?: string },
) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string) => boolean;
type RequestListener = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;
type WindowOpenHandler = (details: { url: string }) => { action: string };

let nextId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame: FakeFrame = { url: '', parent: null, processId: this.id, routingId: 1 };
  windowOpenHandler: WindowOpenHandler | null = null;
  private destroyed = false;
  /** What the print window asks Chromium over the DevTools protocol; font checks get an empty answer. */
  readonly debugger = {
    attach: () => undefined,
    detach: () => undefined,
    sendCommand: async (method: string): Promise<unknown> => {
      if (method === 'DOM.getDocument') return { root: { nodeId: 1 } };
      if (method === 'DOM.querySelector') return { nodeId: 2 };
      if (method === 'CSS.getPlatformFontsForNode') return { fonts: [] };
      return {};
    },
  };
  /** Every message main sent to this page, in order. */
  readonly sent: { channel: string; args: unknown[] }[] = [];
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  isLoading(): boolean {
    return false;
  }
  async loadURL(url: string): Promise<void> {
    this.mainFrame.url = url;
  }
  /** The print page's "ready" probe: the page counts as laid out at once. */
  async executeJavaScript(): Promise<unknown> {
    return true;
  }
  async printToPDF(): Promise<Buffer> {
    return Buffer.from('%PDF-1.4\n%%EOF\n');
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

export class FakeSession {
  readonly permissionRequestHandlers: PermissionRequestHandler[] = [];
  readonly permissionCheckHandlers: PermissionCheckHandler[] = [];
  readonly devicePermissionHandlers: (() => boolean)[] = [];
  readonly requestListeners: { filter: { urls: string[] } | null; listener: RequestListener }[] = [];
  readonly protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  constructor(readonly partition: string) {}
  readonly webRequest = {
    onBeforeRequest: (filterOrListener: { urls: string[] } | RequestListener, maybe?: RequestListener) => {
      if (typeof filterOrListener === 'function')
        this.requestListeners.push({ filter: null, listener: filterOrListener });
      else if (maybe) this.requestListeners.push({ filter: filterOrListener, listener: maybe });
    },
  };
  readonly protocol = {
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
      this.protocolHandlers.set(scheme, handler);
    },
  };
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandlers.push(handler);
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandlers.push(handler);
  }
  setDevicePermissionHandler(handler: () => boolean): void {
    this.devicePermissionHandlers.push(handler);
  }
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Electron's MenuItem as far as main uses it: built from a template, found by id, clicked by the checks. */
export class FakeMenuItem {
  readonly id?: string;
  readonly label?: string;
  readonly role?: string;
  readonly type: string;
  readonly accelerator?: string;
  enabled: boolean;
  readonly click?: (...args: unknown[]) => void;
  readonly submenu?: FakeMenu;
  constructor(template: Record<string, unknown>) {
    this.id = template.id as string | undefined;
    this.label = template.label as string | undefined;
    this.role = template.role as string | undefined;
    this.accelerator = template.accelerator as string | undefined;
    this.enabled = template.enabled !== false;
    this.click = template.click as ((...args: unknown[]) => void) | undefined;
    const sub = template.submenu;
    this.submenu = Array.isArray(sub) ? FakeMenu.buildFromTemplate(sub as Record<string, unknown>[]) : undefined;
    this.type = (template.type as string | undefined) ?? (this.submenu ? 'submenu' : 'normal');
  }
}

export class FakeMenu {
  constructor(readonly items: FakeMenuItem[]) {}
  static buildFromTemplate(template: Record<string, unknown>[]): FakeMenu {
    return new FakeMenu(template.map((t) => new FakeMenuItem(t)));
  }
  getMenuItemById(id: string): FakeMenuItem | null {
    for (const item of this.items) {
      if (item.id === id) return item;
      const inner = item.submenu?.getMenuItemById(id);
      if (inner) return inner;
    }
    return null;
  }
}

export interface WindowOptions {
  webPreferences?: Record<string, unknown> & { session?: FakeSession };
  [key: string]: unknown;
}

/** Everything main asked of Electron, in the order it asked. */
export interface Recorded {
  calls: string[];
  privilegedSchemes: { scheme: string; privileges: Record<string, unknown> }[];
  /** Whether each scheme registration happened before the app was ready (Chromium's rule). */
  schemesRegisteredBeforeReady: boolean | null;
  windows: FakeBrowserWindow[];
  ipcHandlers: Map<string, ((event: unknown, payload: unknown) => Promise<unknown>)[]>;
  sessions: Map<string, FakeSession>;
  errorBoxes: { title: string; content: string }[];
  openedExternally: string[];
  /** Paths the next native save dialogs "choose", in order; with none left a dialog is cancelled. */
  saveAnswers: string[];
  /** Every native open or save dialog main showed, with its options (title, defaultPath …). */
  dialogs: { kind: 'open' | 'save'; options: Record<string, unknown> }[];
  /** Paths the next native open dialogs "choose" (files or folders), in order. */
  openAnswers: string[];
  /** The menus main installed, the newest last. */
  applicationMenus: (FakeMenu | null)[];
  /** The work areas of the attached displays, the primary first; the checks change them between windows. */
  displays: Rect[];
}

export interface StandIn {
  electron: Record<string, unknown>;
  recorded: Recorded;
  app: FakeApp;
  /** Lets app.whenReady() resolve, as Electron does once Chromium has started. */
  makeReady(): void;
}

export class FakeApp extends EventEmitter {
  isPackaged = true;
  ready = false;
  readonly paths = new Map<string, string>();
  quitCalls = 0;
  readyPromise: Promise<void>;
  resolveReady!: () => void;
  constructor(private readonly appPath: string) {
    super();
    this.readyPromise = new Promise((resolve) => (this.resolveReady = resolve));
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  isReady(): boolean {
    return this.ready;
  }
  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }
  getPath(name: string): string {
    return this.paths.get(name) ?? '/tmp';
  }
  getAppPath(): string {
    return this.appPath;
  }
  requestSingleInstanceLock(): boolean {
    return true;
  }
  quit(): void {
    this.quitCalls++;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  private destroyed = false;
  private maximized = false;
  bounds: Rect;
  constructor(readonly options: WindowOptions) {
    super();
    const state = standIn();
    // Without x and y Electron centres the window on the primary display.
    const primary = state.recorded.displays[0] ?? { x: 0, y: 0, width: 1366, height: 728 };
    const width = typeof options.width === 'number' ? options.width : 800;
    const height = typeof options.height === 'number' ? options.height : 600;
    this.bounds = {
      x: typeof options.x === 'number' ? options.x : primary.x + Math.round((primary.width - width) / 2),
      y: typeof options.y === 'number' ? options.y : primary.y + Math.round((primary.height - height) / 2),
      width,
      height,
    };
    state.recorded.windows.push(this);
    // Electron announces every new webContents on app; main hardens them there.
    state.app.emit('web-contents-created', fakeEvent(), this.webContents);
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
  show(): void {}
  getBounds(): Rect {
    return { ...this.bounds };
  }
  getNormalBounds(): Rect {
    return { ...this.bounds };
  }
  /** The clerk dragging the window: Electron reports it with 'move' (and 'resize' for a new size). */
  setBounds(bounds: Rect): void {
    this.bounds = { ...bounds };
    this.emit('move');
    this.emit('resize');
  }
  maximize(): void {
    this.maximized = true;
    this.emit('maximize');
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  /** The clerk closing the window: 'close' (still usable), then gone, then 'closed'. */
  close(): void {
    this.emit('close', fakeEvent());
    this.destroy();
    this.emit('closed');
  }
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.webContents.destroy();
  }
}

const KEY = Symbol.for('yiqiyice.electronStandIn');

/** A display as Electron describes it; the task bar is already outside the work area. */
function display(workArea: Rect) {
  return {
    bounds: { ...workArea, height: workArea.height + 40 },
    workArea: { ...workArea },
    workAreaSize: { width: workArea.width, height: workArea.height },
  };
}

/** The one stand-in of this process, made on first use. */
export function standIn(appPath = process.cwd()): StandIn {
  const g = globalThis as Record<symbol, StandIn | undefined>;
  const existing = g[KEY];
  if (existing) return existing;
  const app = new FakeApp(appPath);
  const recorded: Recorded = {
    calls: [],
    privilegedSchemes: [],
    schemesRegisteredBeforeReady: null,
    windows: [],
    ipcHandlers: new Map(),
    sessions: new Map(),
    errorBoxes: [],
    openedExternally: [],
    saveAnswers: [],
    openAnswers: [],
    dialogs: [],
    applicationMenus: [],
    displays: [{ x: 0, y: 0, width: 1366, height: 728 }],
  };
  const sessionFor = (partition: string) => {
    let s = recorded.sessions.get(partition);
    if (!s) recorded.sessions.set(partition, (s = new FakeSession(partition)));
    return s;
  };
  const noChoice = { canceled: true, filePaths: [] as string[], filePath: undefined };
  const electron: Record<string, unknown> = {
    app,
    BrowserWindow: FakeBrowserWindow,
    screen: {
      getPrimaryDisplay: () => display(recorded.displays[0] ?? { x: 0, y: 0, width: 1366, height: 728 }),
      getAllDisplays: () => recorded.displays.map(display),
    },
    session: {
      get defaultSession() {
        return sessionFor('');
      },
      fromPartition: (partition: string) => sessionFor(partition),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: { scheme: string; privileges: Record<string, unknown> }[]) => {
        recorded.privilegedSchemes.push(...schemes);
        recorded.schemesRegisteredBeforeReady = (recorded.schemesRegisteredBeforeReady ?? true) && !app.ready;
      },
    },
    ipcMain: {
      handle: (channel: string, fn: (event: unknown, payload: unknown) => Promise<unknown>) => {
        recorded.ipcHandlers.set(channel, [...(recorded.ipcHandlers.get(channel) ?? []), fn]);
      },
      removeHandler: (channel: string) => recorded.ipcHandlers.delete(channel),
      on: (channel: string) => recorded.calls.push(`ipcMain.on ${channel}`),
    },
    dialog: {
      showErrorBox: (title: string, content: string) => recorded.errorBoxes.push({ title, content }),
      showOpenDialog: async (_win: unknown, options: Record<string, unknown>) => {
        recorded.dialogs.push({ kind: 'open', options });
        const path = recorded.openAnswers.shift();
        return path ? { canceled: false, filePaths: [path] } : noChoice;
      },
      showSaveDialog: async (_win: unknown, options: Record<string, unknown>) => {
        recorded.dialogs.push({ kind: 'save', options });
        const filePath = recorded.saveAnswers.shift();
        return filePath ? { canceled: false, filePath } : noChoice;
      },
      showMessageBox: async () => ({ response: 0 }),
    },
    shell: {
      openExternal: async (url: string) => {
        recorded.openedExternally.push(url);
      },
    },
    Menu: {
      buildFromTemplate: (template: Record<string, unknown>[]) => FakeMenu.buildFromTemplate(template),
      setApplicationMenu: (menu: FakeMenu | null) => {
        recorded.calls.push('Menu.setApplicationMenu');
        recorded.applicationMenus.push(menu);
      },
      getApplicationMenu: () => recorded.applicationMenus.at(-1) ?? null,
    },
  };
  const made: StandIn = {
    electron,
    recorded,
    app,
    makeReady: () => {
      app.ready = true;
      app.resolveReady();
    },
  };
  g[KEY] = made;
  return made;
}

/**
 * ES module source that stands where `electron` is imported: it re-exports the stand-in from globalThis, so it
 * needs no path to this TypeScript file and loads as plain JavaScript from a data: URL.
 */
export const ELECTRON_SHIM = [
  `const e = globalThis[Symbol.for('yiqiyice.electronStandIn')].electron;`,
  ...['app', 'BrowserWindow', 'screen', 'session', 'protocol', 'ipcMain', 'dialog', 'shell', 'Menu'].map(
    (name) => `export const ${name} = e.${name};`,
  ),
  'export default e;',
].join('\n');
