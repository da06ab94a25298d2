import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';

import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { CHANNELS } from '../../shared/ipc';
import { DESKTOP_CHANNEL_PREFIX, DESKTOP_EVENTS, DESKTOP_ONLY_CHANNELS } from '../../shared/ipc/desktopBridge';
import { downloadsDirOf } from '../../electron/core/app/outputs';
import {
  ELECTRON_SHIM,
  FakeWebContents,
  fakeEvent,
  standIn,
  type FakeBrowserWindow,
  type FakeFrame,
  type FakeSession,
} from './electronStandIn';

import { MARK, ROOT, type ElectronCheck } from './electronChecks';
import {
  desktopSenderChecks,
  devToolsCheck,
  dropChecks,
  exportFolderChecks,
  ledgerOf,
  menuChecks,
  secondInstanceChecks,
  startFileChecks,
  windowRestoreChecks,
  windowSaveCheck,
} from './electronDesktopChecks';

/**
 * The child process of runElectronChecks (electronChecks.ts): loads the bundled desktop main with the `electron`
 * stand-in, drives it, and prints one line of results. Never imported; run as
 * `node --import tsx <this> <root> <first|restart>`: the restart runs in the same data folder after the first.
 */

const results: ElectronCheck[] = [];

function check(id: string, ok: boolean, detail: string): void {
  results.push({ id, ok, detail });
}

async function settle(until: () => boolean, rounds = 6000): Promise<boolean> {
  for (let i = 0; i < rounds && !until(); i++) await new Promise((r) => setTimeout(r, 5));
  return until();
}

async function child(root: string, phase: string): Promise<void> {
  const dataDir = process.env.YIQIYICE_DATA_DIR ?? '';
  const fake = standIn(root);
  if (phase === 'restart') {
    // A development start (DevTools in the menu) by a double-click on the ledger the first start made: the
    // command line as Chromium passes it, with a switch of its own before the file.
    fake.app.isPackaged = false;
    process.argv = [process.argv[0] ?? 'electron', '.', '--no-sandbox', ledgerOf(dataDir)];
  }
  // What process.resourcesPath is in an installed copy; main looks for the Electron build of the addon there.
  (process as { resourcesPath?: string }).resourcesPath = join(dataDir, 'resources');
  const hook = `
    const shim = ${JSON.stringify('data:text/javascript,' + encodeURIComponent(ELECTRON_SHIM))};
    export async function resolve(specifier, context, next) {
      return specifier === 'electron' ? { url: shim, shortCircuit: true } : next(specifier, context);
    }`;
  register('data:text/javascript,' + encodeURIComponent(hook));

  await import(pathToFileURL(join(root, 'out', 'desktop', 'main.js')).href);
  if (phase === 'restart') return restart(fake, dataDir);
  check(
    'scheme.privileged',
    fake.recorded.privilegedSchemes.length === 1 &&
      fake.recorded.privilegedSchemes.every(
        ({ scheme, privileges: p }) =>
          scheme === 'app' && p.standard === true && p.secure === true && !p.bypassCSP && !p.corsEnabled,
      ),
    JSON.stringify(fake.recorded.privilegedSchemes),
  );
  check('scheme.beforeReady', fake.recorded.schemesRegisteredBeforeReady === true, '');

  fake.makeReady();
  const started = await settle(() => fake.recorded.windows.length > 0 || fake.recorded.errorBoxes.length > 0);
  const main = fake.recorded.windows[0];
  if (!started || !main) {
    check('window.entryUrl', false, `主窗口未创建：${JSON.stringify(fake.recorded.errorBoxes)}`);
    return;
  }
  const mainWc = main.webContents;
  check('window.entryUrl', mainWc.mainFrame.url === 'app://yiqiyice/index.html', mainWc.mainFrame.url);

  const ses = fake.recorded.sessions.get('') as FakeSession;
  const serve = ses.protocolHandlers.get('app');
  const responses: Response[] = [];
  const fetchApp = async (url: string, method = 'GET') => {
    const res = await (serve as (r: Request) => Promise<Response>)(new Request(url, { method }));
    responses.push(res);
    return { status: res.status, type: res.headers.get('content-type'), body: await res.text(), res };
  };

  // The app window's trusted frame, and the IPC plumbing the checks call through.
  const trusted = { sender: mainWc, senderFrame: mainWc.mainFrame };
  const call = (channel: string, payload: unknown, event: unknown = trusted) => {
    const fn = fake.recorded.ipcHandlers.get(DESKTOP_CHANNEL_PREFIX + channel)?.[0];
    if (!fn) return Promise.reject(new Error(`没有 ${channel} 的处理程序`));
    return fn(event, payload);
  };

  // The print window appears only when the core prints; the font check is the lightest print job.
  await call('print:fonts', undefined).catch(() => undefined);
  const printWin = fake.recorded.windows.find((w) => w !== main);

  windowChecks(main, printWin, root);
  printChecks(printWin, fake.recorded.sessions.get('print-jobs'));
  await preloadCheck(main);
  await cspChecks(fetchApp);
  navigationChecks(main, printWin);
  permissionChecks(ses);
  await ipcChecks(call, mainWc, dataDir);
  await protocolChecks(fetchApp, root, dataDir);
  check(
    'csp.everyResponse',
    responses.length > 10 &&
      responses.every(
        (r) =>
          r.headers.get('content-security-policy') === responses[0]?.headers.get('content-security-policy') &&
          r.headers.get('x-content-type-options') === 'nosniff',
      ),
    `${responses.length} 个响应`,
  );
  fuseChecks();

  await menuChecks(check, call, mainWc);
  await desktopSenderChecks(check, call, mainWc);
  const none = await call('takeOpenedLedger', undefined);
  check('openFile.noStartFile', none === null, JSON.stringify(none));
  await dropChecks(check, call, dataDir, ledgerOf(dataDir));
  await exportFolderChecks(check, call, dataDir);
  await secondInstanceChecks(check, call, mainWc, ledgerOf(dataDir));
  await windowSaveCheck(check, main, dataDir);

  await quitChecks(fake);
}

async function restart(fake: ReturnType<typeof standIn>, dataDir: string): Promise<void> {
  fake.makeReady();
  const started = await settle(() => fake.recorded.windows.length > 0 || fake.recorded.errorBoxes.length > 0);
  const main = fake.recorded.windows[0];
  if (!started || !main) {
    check('windowState.restored', false, `主窗口未创建：${JSON.stringify(fake.recorded.errorBoxes)}`);
    return;
  }
  const trusted = { sender: main.webContents, senderFrame: main.webContents.mainFrame };
  const call = (channel: string, payload: unknown) => {
    const fn = fake.recorded.ipcHandlers.get(DESKTOP_CHANNEL_PREFIX + channel)?.[0];
    return fn ? fn(trusted, payload) : Promise.reject(new Error(`没有 ${channel} 的处理程序`));
  };
  devToolsCheck(check);
  await startFileChecks(check, call);
  await windowRestoreChecks(check, dataDir);
  // Quit so the core closes the ledger before the process ends.
  fake.app.emit('will-quit', fakeEvent());
  await settle(() => fake.app.quitCalls > 0);
}

async function quitChecks(fake: ReturnType<typeof standIn>): Promise<void> {
  // Quitting: main holds the quit until the core has closed, then quits itself.
  const quitsBefore = fake.app.quitCalls;
  const quitEvent = fakeEvent();
  fake.app.emit('will-quit', quitEvent);
  const quit = await settle(() => fake.app.quitCalls > quitsBefore);
  check('quit.closesCore', quitEvent.defaultPrevented && quit, `prevented=${quitEvent.defaultPrevented} quit=${quit}`);
}

function prefsOf(win: FakeBrowserWindow | undefined): Record<string, unknown> {
  return win?.options.webPreferences ?? {};
}

function windowChecks(main: FakeBrowserWindow, printWin: FakeBrowserWindow | undefined, root: string): void {
  const wins = printWin ? [main, printWin] : [main];
  const all = (pred: (p: Record<string, unknown>) => boolean) => wins.every((w) => pred(prefsOf(w)));
  const shown = (key: string) =>
    wins.map((w) => `${w === main ? '主窗口' : '打印窗口'} ${key}=${String(prefsOf(w)[key])}`).join('，');
  check(
    'window.contextIsolation',
    all((p) => p.contextIsolation === true),
    shown('contextIsolation'),
  );
  check(
    'window.sandbox',
    all((p) => p.sandbox === true),
    shown('sandbox'),
  );
  check(
    'window.nodeIntegration',
    all(
      (p) =>
        p.nodeIntegration === false && p.nodeIntegrationInWorker === false && p.nodeIntegrationInSubFrames === false,
    ),
    shown('nodeIntegration'),
  );
  check(
    'window.webSecurity',
    all((p) => p.webSecurity === true && p.allowRunningInsecureContent !== true),
    shown('webSecurity'),
  );
  check(
    'window.webviewTag',
    all((p) => p.webviewTag === false),
    shown('webviewTag'),
  );
  const preload = prefsOf(main).preload;
  check(
    'window.preload',
    typeof preload === 'string' &&
      resolve(preload) === join(root, 'out', 'preload', 'preload.cjs') &&
      existsSync(preload) &&
      standIn().recorded.windows.filter((w) => prefsOf(w).preload !== undefined).length === 1,
    String(preload),
  );
  check(
    'window.devTools',
    prefsOf(main).devTools === false,
    `isPackaged=true devTools=${String(prefsOf(main).devTools)}`,
  );
}

function printChecks(printWin: FakeBrowserWindow | undefined, printSession: FakeSession | undefined): void {
  if (!printWin) {
    check('printWindow.noPreload', false, '打印窗口未创建');
    check('printWindow.session', false, '打印窗口未创建');
    return;
  }
  const p = prefsOf(printWin);
  check(
    'printWindow.noPreload',
    !('preload' in p) && p.devTools === false && printWin.options.show === false,
    `preload=${String(p.preload)} devTools=${String(p.devTools)} show=${String(printWin.options.show)}`,
  );
  const allowsFile = (url: string) => {
    let cancelled = false;
    for (const { filter, listener } of printSession?.requestListeners ?? []) {
      if (filter && !filter.urls.some((u) => url.startsWith(u.split('*')[0] ?? u))) continue;
      listener({ url }, (r) => (cancelled ||= r.cancel === true));
    }
    return !cancelled;
  };
  check(
    'printWindow.session',
    p.session === printSession &&
      printSession !== undefined &&
      printSession.permissionRequestHandlers.length > 0 &&
      !allowsFile('file:///etc/passwd') &&
      !allowsFile('https://example.com/font.woff2'),
    `partition=${printSession?.partition}`,
  );
}

/** Runs the bundled preload against a stand-in contextBridge and ipcRenderer, as a sandboxed preload runs. */
async function preloadCheck(main: FakeBrowserWindow): Promise<void> {
  const file = String(prefsOf(main).preload);
  const exposed: Record<string, unknown> = {};
  const sent: { channel: string; payload: unknown }[] = [];
  const required: string[] = [];
  const listeners = new Map<string, ((event: unknown, value: unknown) => void)[]>();
  const emit = (channel: string, value: unknown) => {
    for (const l of listeners.get(channel) ?? []) l({ sender: 'ipcRenderer', senderFrame: {} }, value);
  };
  try {
    const code = readFileSync(file, 'utf8');
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      ipcRenderer: {
        invoke: async (channel: string, payload: unknown) => (sent.push({ channel, payload }), null),
        on: (channel: string, l: (event: unknown, value: unknown) => void) =>
          listeners.set(channel, [...(listeners.get(channel) ?? []), l]),
        removeListener: (channel: string, l: (event: unknown, value: unknown) => void) =>
          listeners.set(
            channel,
            (listeners.get(channel) ?? []).filter((x) => x !== l),
          ),
      },
      // Electron knows a dropped file's path; the stand-in makes one up from its name.
      webUtils: { getPathForFile: (f: File) => `/dropped/${f.name}` },
    };
    const module = { exports: {} };
    runInNewContext(code, {
      require: (name: string) => (required.push(name), name === 'electron' ? electron : undefined),
      module,
      exports: module.exports,
      Promise,
      File,
    });
    const api = exposed.yqyc as Record<string, unknown> | undefined;
    const keys = Object.keys(api ?? {}).sort();
    const expected = ['invoke', 'onLedgerFile', 'onMenuCommand', ...DESKTOP_ONLY_CHANNELS].sort();
    const invoke = api?.invoke as ((c: string, p?: unknown) => Promise<unknown>) | undefined;
    void invoke?.('fs:readFile', { path: '/etc/passwd' });
    const probed = sent.length;
    check(
      'preload.exposure',
      Object.keys(exposed).join() === 'yqyc' &&
        JSON.stringify(keys) === JSON.stringify(expected) &&
        keys.every((k) => typeof api?.[k] === 'function') &&
        probed === 0 &&
        required.every((r) => r === 'electron'),
      `exposed=${keys.join(',')} required=${required.join(',')} sent=${sent.map((s) => s.channel).join(',')}`,
    );

    // Events: only valid data reaches the page, never the IPC event, and unsubscribing stops them.
    type Subscribe = (l: (...args: unknown[]) => void) => () => void;
    const heard: unknown[][] = [];
    const offMenu = (api?.onMenuCommand as Subscribe)((...args) => heard.push(['menu', ...args]));
    const offFile = (api?.onLedgerFile as Subscribe)((...args) => heard.push(['file', ...args]));
    for (const value of ['help.about', 'fs.delete', 42, null]) emit(DESKTOP_EVENTS.menu, value);
    for (const value of [{ fileRef: 'r1', name: 'a.yqyc', path: '/etc/passwd' }, { fileRef: 7 }, 'r2', null])
      emit(DESKTOP_EVENTS.ledgerFile, value);
    offMenu();
    offFile();
    emit(DESKTOP_EVENTS.menu, 'help.guide');
    emit(DESKTOP_EVENTS.ledgerFile, { fileRef: 'r3' });
    const want = [
      ['menu', 'help.about'],
      ['file', { fileRef: 'r1', name: 'a.yqyc' }],
    ];
    check(
      'preload.events',
      JSON.stringify(heard) === JSON.stringify(want) &&
        [...listeners.values()].every((l) => l.length === 0) &&
        listeners.size === 2,
      `收到=${JSON.stringify(heard)}`,
    );

    // A drop: a real File is resolved to its path and sent; anything else never reaches main.
    const drop = api?.openDroppedLedger as (f: unknown) => Promise<unknown>;
    const before = sent.length;
    const fakes = [{ name: 'x.yqyc', path: '/etc/passwd' }, '/etc/passwd.yqyc', null, undefined];
    const answers = await Promise.all(fakes.map((f) => drop(f)));
    const fakesSent = sent.length - before;
    await drop(new File(['x'], '台账.yqyc'));
    const real = sent.at(-1);
    check(
      'preload.drop',
      answers.every((a) => a === null) &&
        fakesSent === 0 &&
        real?.channel === `${DESKTOP_CHANNEL_PREFIX}openDroppedLedger` &&
        real.payload === '/dropped/台账.yqyc',
      `伪造文件发送=${fakesSent} 真实文件=${JSON.stringify(real)}`,
    );
  } catch (e) {
    for (const id of ['preload.exposure', 'preload.events', 'preload.drop']) {
      if (!results.some((r) => r.id === id)) check(id, false, String(e));
    }
  }
}

type FetchApp = (
  url: string,
  method?: string,
) => Promise<{ status: number; type: string | null; body: string; res: Response }>;

async function cspChecks(fetchApp: FetchApp): Promise<void> {
  const page = await fetchApp('app://yiqiyice/index.html');
  const csp = page.res.headers.get('content-security-policy') ?? '';
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name as string, values]),
  );
  const is = (name: string, ...values: string[]) =>
    JSON.stringify([...(directives.get(name) ?? [])].sort()) === JSON.stringify([...values].sort());
  const said = (name: string) => `${name} ${(directives.get(name) ?? ['（缺少）']).join(' ')}`;
  check('csp.defaultSrc', page.status === 200 && is('default-src', "'self'"), said('default-src'));
  check('csp.scriptSrc', is('script-src', "'self'"), said('script-src'));
  check('csp.objectSrc', is('object-src', "'none'"), said('object-src'));
  check('csp.frameAncestors', is('frame-ancestors', "'none'"), said('frame-ancestors'));
  check('csp.baseUri', is('base-uri', "'none'"), said('base-uri'));
  check('csp.frameSrc', is('frame-src', 'blob:'), said('frame-src'));
}

function navigationChecks(main: FakeBrowserWindow, printWin: FakeBrowserWindow | undefined): void {
  const prevented = (wc: FakeWebContents, event: string, url: string) => {
    const e = fakeEvent();
    wc.emit(event, e, url);
    return e.defaultPrevented;
  };
  const foreign = ['https://example.com/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'app://other/index.html'];
  const wcs = [main.webContents, ...(printWin ? [printWin.webContents] : [])];
  for (const [id, event] of [
    ['navigation.willNavigate', 'will-navigate'],
    ['navigation.willRedirect', 'will-redirect'],
  ] as const) {
    const refused = wcs.every((wc) => foreign.every((url) => prevented(wc, event, url)));
    const ownAllowed = !prevented(main.webContents, event, 'app://yiqiyice/index.html#/enterprises');
    check(id, refused && ownAllowed, `外部地址均被阻止=${refused}，本程序页面可用=${ownAllowed}`);
  }
  check(
    'navigation.webview',
    wcs.every((wc) => prevented(wc, 'will-attach-webview', 'app://yiqiyice/index.html')),
    '',
  );
  const denies = wcs.every((wc) =>
    ['https://example.com/', 'app://yiqiyice/index.html'].every(
      (url) => wc.windowOpenHandler?.({ url }).action === 'deny',
    ),
  );
  check('navigation.windowOpen', denies, `${wcs.length} 个窗口`);
}

function permissionChecks(ses: FakeSession): void {
  const own = 'app://yiqiyice/index.html';
  const asked = ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'midi'];
  const granted: string[] = [];
  for (const handler of ses.permissionRequestHandlers) {
    for (const permission of asked) {
      handler(mainContents(), permission, (ok) => ok && granted.push(permission), { requestingUrl: own });
    }
    handler(mainContents(), 'clipboard-sanitized-write', (ok) => ok && granted.push('clipboard from foreign'), {
      requestingUrl: 'https://example.com/',
    });
  }
  check(
    'permissions.request',
    ses.permissionRequestHandlers.length === 1 && granted.length === 0,
    `granted=${granted.join(',')}（仅允许本程序页面写入剪贴板）`,
  );
  const checked = ses.permissionCheckHandlers.flatMap((h) => [
    ...asked.map((p) => h(mainContents(), p, own)),
    h(mainContents(), 'clipboard-sanitized-write', 'https://x.cn'),
  ]);
  check('permissions.check', ses.permissionCheckHandlers.length === 1 && checked.every((g) => !g), '');
  check(
    'permissions.device',
    ses.devicePermissionHandlers.length === 1 && ses.devicePermissionHandlers.every((h) => h() === false),
    '',
  );
  const cancelled = (url: string) =>
    ses.requestListeners.some(({ filter, listener }) => {
      if (!filter?.urls.some((u) => url.startsWith(u.split('*')[0] ?? u))) return false;
      let c = false;
      listener({ url }, (r) => (c = r.cancel === true));
      return c;
    });
  const urls = [
    'https://example.com/a.js',
    'http://10.0.0.1/',
    'ws://127.0.0.1:9/',
    'wss://x.cn/',
    'file:///etc/passwd',
  ];
  check('network.blocked', urls.every(cancelled), urls.filter((u) => !cancelled(u)).join(','));
}

function mainContents(): FakeWebContents {
  return (standIn().recorded.windows[0] as FakeBrowserWindow).webContents;
}

type Call = (channel: string, payload: unknown, event?: unknown) => Promise<unknown>;

function snapshot(dir: string): string {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else out.push(`${relative(dir, p)}:${s.size}:${s.mtimeMs}`);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort().join('\n');
}

async function ipcChecks(call: Call, mainWc: FakeWebContents, dataDir: string): Promise<void> {
  const handlers = standIn().recorded.ipcHandlers;
  const expected = [...CHANNELS, ...DESKTOP_ONLY_CHANNELS].map((c) => DESKTOP_CHANNEL_PREFIX + c).sort();
  const names = [...handlers.keys()].sort();
  const extra = names.filter((n) => !expected.includes(n));
  const missing = expected.filter((n) => !names.includes(n));
  const doubled = names.filter((n) => (handlers.get(n)?.length ?? 0) !== 1);
  const listeners = standIn().recorded.calls.filter((c) => c.startsWith('ipcMain.on'));
  check(
    'ipc.channels',
    extra.length === 0 && missing.length === 0 && doubled.length === 0 && listeners.length === 0,
    `${names.length} 个通道（契约 ${CHANNELS.length} + 桌面 ${DESKTOP_ONLY_CHANNELS.length}）` +
      ` 多余=${extra.join(',')} 缺少=${missing.join(',')} 重复=${doubled.join(',')} on=${listeners.join(',')}`,
  );

  const own = (await call('ledgers:listRecent', undefined)) as { ok: boolean };
  check('ipc.trustedSender', own.ok === true, JSON.stringify(own));

  // The clerk's path: a save dialog in main, a reference for the page, the core creating the ledger there. This
  // also loads better-sqlite3's addon, so an installer missing it fails here.
  const chosen = join(dataDir, 'picked', '测试台账.yqyc');
  mkdirSync(join(dataDir, 'picked'), { recursive: true });
  standIn().recorded.saveAnswers.push(chosen);
  const picked = (await call('pickLedgerSaveTarget', '测试台账')) as { fileRef?: unknown } | null;
  const created = (await call('ledgers:createSample', { enterprises: 3, target: picked?.fileRef })) as {
    ok: boolean;
    error?: unknown;
  };
  check(
    'ipc.dialogLedger',
    typeof picked?.fileRef === 'string' && !picked.fileRef.includes(dataDir) && created.ok && existsSync(chosen),
    `fileRef=${JSON.stringify(picked?.fileRef)} ${JSON.stringify(created).slice(0, 300)}`,
  );

  const subFrame: FakeFrame = {
    url: 'app://yiqiyice/index.html',
    parent: mainWc.mainFrame,
    processId: mainWc.id,
    routingId: 9,
  };
  const stranger = new FakeWebContents();
  await stranger.loadURL('app://yiqiyice/index.html');
  const foreignEvents = {
    foreignPage: { sender: mainWc, senderFrame: { ...mainWc.mainFrame, url: 'https://example.com/' } },
    subFrame: { sender: mainWc, senderFrame: subFrame },
    otherContents: { sender: stranger, senderFrame: stranger.mainFrame },
    noFrame: { sender: mainWc, senderFrame: null },
  };
  const failures: string[] = [];
  for (const [name, event] of Object.entries(foreignEvents)) {
    const r = (await call('ledgers:listRecent', undefined, event)) as {
      ok: boolean;
      error?: { code: string; message: string };
    };
    if (r.ok || r.error?.code !== 'FORBIDDEN' || r.error.message !== '拒绝来自未授权页面的请求')
      failures.push(`${name}:${JSON.stringify(r)}`);
    const picked = await call('pickLedgerFile', undefined, event).then(
      (v) => `resolved ${JSON.stringify(v)}`,
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    );
    if (picked !== '拒绝来自未授权页面的请求') failures.push(`${name} pickLedgerFile:${picked}`);
  }
  check('ipc.senderCheck', failures.length === 0, failures.join('; ') || '4 种外来调用均被拒绝');

  // Malformed payloads: refused by the contract's schema with a Chinese message, and the data folder (the ledger,
  // its WAL, the recent list) unchanged to the byte count and modification time.
  const before = snapshot(dataDir);
  const malformed: [string, unknown][] = [
    ['ledgers:openFile', { fileRef: 42 }],
    ['ledgers:openFile', { fileRef: 'x', readOnly: 'yes' }],
    ['ledgers:openFile', { fileRef: 'x', path: '/etc/passwd' }],
    ['ledgers:create', 'DROP TABLE enterprises'],
    ['ledgers:check', [null]],
    // Against the ledger just created: writes that would change records if they got past the schema.
    ['enterprises:delete', { id: '1 OR 1=1; DROP TABLE enterprises; --' }],
    ['enterprises:create', { name: 12345 }],
    ['settings:update', { township: { $gt: '' } }],
    ['members:save', null],
  ];
  const wrong: string[] = [];
  for (const [channel, payload] of malformed) {
    const r = (await call(channel, payload)) as { ok: boolean; error?: { code: string; message: string } };
    if (r.ok || r.error?.code !== 'VALIDATION' || !/[\u4e00-\u9fff]/.test(r.error.message)) {
      wrong.push(`${channel}:${JSON.stringify(r)}`);
    }
  }
  const unchanged = snapshot(dataDir) === before;
  check(
    'ipc.schema',
    wrong.length === 0 && unchanged,
    `${malformed.length} 个错误请求；数据文件夹${unchanged ? '未变' : '被改动'} ${wrong.join('; ')}`,
  );
}

async function protocolChecks(fetchApp: FetchApp, root: string, dataDir: string): Promise<void> {
  const outside = [
    '../desktop/main.js',
    '%2e%2e/desktop/main.js',
    '..%2fdesktop%2fmain.js',
    '%2e%2e%2fdesktop%2fmain.js',
  ];
  const traversal = [
    ...outside.map((p) => `app://yiqiyice/${p}`),
    'app://yiqiyice/assets/..%2f..%2fdesktop%2fmain.js',
    'app://yiqiyice/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json',
    'app://yiqiyice/..%5c..%5cpackage.json',
    // Absolute paths to a file of a served type: they must stay inside the renderer folder, and so not be found.
    `app://yiqiyice/${encodeURIComponent(join(root, 'package.json'))}`,
    `app://yiqiyice/${join(root, 'package.json')}`,
    'app://yiqiyice/index.html%00.js',
    'app://yiqiyice/%E0%A4%A',
  ];
  const leaked: string[] = [];
  for (const url of traversal) {
    const r = await fetchApp(url);
    if (r.status !== 404 || r.body !== '未找到') leaked.push(`${url} → ${r.status}`);
  }
  check('protocol.traversal', leaked.length === 0, leaked.join('; ') || `${traversal.length} 个地址均为 404`);

  // A file of a type the app never serves, placed inside the renderer folder for the moment of the check.
  const probe = join(root, 'out', 'renderer', `probe-${process.pid}.sh`);
  writeFileSync(probe, 'echo leaked\n');
  try {
    const r = await fetchApp(`app://yiqiyice/probe-${process.pid}.sh`);
    const js = await fetchApp('app://yiqiyice/index.html');
    check('protocol.unknownType', r.status === 404 && js.status === 200, `.sh → ${r.status}`);
  } finally {
    rmSync(probe, { force: true });
  }

  const methods = await Promise.all(['POST', 'PUT', 'DELETE'].map((m) => fetchApp('app://yiqiyice/index.html', m)));
  check(
    'protocol.methods',
    methods.every((r) => r.status === 405),
    methods.map((r) => r.status).join(','),
  );

  const hosts = await Promise.all(['app://evil/index.html', 'app://yiqiyice.evil/index.html'].map((u) => fetchApp(u)));
  check(
    'protocol.foreignHost',
    hosts.every((r) => r.status === 404),
    hosts.map((r) => r.status).join(','),
  );

  const id = 'AbCdEfGhIjKlMnOpQrStUv_-';
  const dir = downloadsDirOf(dataDir);
  const pdf = '%PDF-1.4 stand-in\n';
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${id}.pdf`), pdf);
  const viaGet = await fetchApp(`app://yiqiyice/api/download/${id}`);
  const stillThere = existsSync(join(dir, `${id}.pdf`));
  const first = await fetchApp(`app://yiqiyice/api/download/${id}`, 'POST');
  const second = await fetchApp(`app://yiqiyice/api/download/${id}`, 'POST');
  const bad = await Promise.all(
    ['..%2f..%2fpackage.json', 'short', `${id}x`, '%2e%2e%2f' + id.slice(3), `${id.slice(0, 23)}.`].map((x) =>
      fetchApp(`app://yiqiyice/api/download/${x}`, 'POST'),
    ),
  );
  const goneMessage = '文件不存在或已下载，请重新导出';
  const ok =
    !viaGet.body.includes('stand-in') &&
    stillThere &&
    first.status === 200 &&
    first.body === pdf &&
    first.type === 'application/pdf' &&
    first.res.headers.get('cache-control') === 'no-store' &&
    second.status === 404 &&
    second.body === goneMessage &&
    bad.every((r) => r.status === 404 && r.body === goneMessage);
  check(
    'protocol.download',
    ok,
    `first=${first.status} second=${second.status} bad=${bad.map((r) => r.status).join(',')} get保留=${stillThere}`,
  );
}

/** The fuses as configured for installers: always the project's electron-builder.yml, whatever root is checked. */
function fuseChecks(): void {
  const yml = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
  const block = /^electronFuses:\n((?:[ \t]+.*\n|[ \t]*#.*\n)+)/m.exec(yml)?.[1] ?? '';
  const fuses = new Map([...block.matchAll(/^\s+(\w+):\s*(true|false)\s*$/gm)].map((m) => [m[1], m[2] === 'true']));
  const want: [string, string, boolean][] = [
    ['fuses.runAsNode', 'runAsNode', false],
    ['fuses.nodeOptions', 'enableNodeOptionsEnvironmentVariable', false],
    ['fuses.inspect', 'enableNodeCliInspectArguments', false],
    ['fuses.asarOnly', 'onlyLoadAppFromAsar', true],
    ['fuses.asarIntegrity', 'enableEmbeddedAsarIntegrityValidation', true],
  ];
  for (const [id, key, value] of want) {
    // Written into the Electron binary only when a real one is packaged; here the configuration is what is checked.
    check(
      id,
      fuses.get(key) === value,
      `electron-builder.yml ${key}: ${String(fuses.get(key))}（需真实 Electron 才会写入）`,
    );
  }
}

{
  const root = resolve(process.argv[2] ?? ROOT);
  const phase = process.argv[3] ?? 'first';
  try {
    await child(root, phase);
  } catch (e) {
    check('child', false, e instanceof Error ? (e.stack ?? e.message) : String(e));
  }
  process.stdout.write(`\n${MARK}${JSON.stringify(results)}\n`);
  process.exit(0);
}
