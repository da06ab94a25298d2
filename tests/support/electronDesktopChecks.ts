import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DESKTOP_EVENTS } from '../../shared/ipc/desktopBridge';
import { APP_MENU, menuCommands } from '../../shared/menu/appMenu';
import { saveExportFolder } from '../../electron/core/app/exportFolder';
import {
  FakeWebContents,
  fakeEvent,
  standIn,
  type FakeBrowserWindow,
  type FakeMenu,
  type FakeMenuItem,
  type Rect,
} from './electronStandIn';

/**
 * Issue 12's checks of the desktop shell's integration — the native menu, files opened from outside (command line,
 * a second start, a drop) and the remembered window — run by electronChecksChild.ts against the bundled main.
 */

export type Check = (id: string, ok: boolean, detail: string) => void;
export type Call = (channel: string, payload: unknown, event?: unknown) => Promise<unknown>;

export const WINDOW_STATE = 'window-state.json';
/** Where the first start leaves its window; the restart must open it there. */
export const LAST_BOUNDS: Rect = { x: 90, y: 30, width: 1200, height: 680 };
/** The ledger the first start creates through the save dialog; later checks open it from outside. */
export const ledgerOf = (dataDir: string) => join(dataDir, 'picked', '测试台账.yqyc');
const REFUSED = '拒绝来自未授权页面的请求';

/** The groups a clerk sees, literally: the model could drift, the menu bar must not. */
const GROUP_LABELS = ['文件(&F)', '编辑(&E)', '视图(&V)', '台账(&L)', '报表(&R)', '公文(&D)', '帮助(&H)'];

export function currentMenu(): FakeMenu | null {
  return standIn().recorded.applicationMenus.at(-1) ?? null;
}

function allItems(menu: FakeMenu | null): FakeMenuItem[] {
  return (menu?.items ?? []).flatMap((i) => [i, ...allItems(i.submenu ?? null)]);
}

const needsLedger = new Set(
  APP_MENU.flatMap((g) => g.entries.flatMap((e) => (e.kind === 'command' && e.needsLedger ? [e.command] : []))),
);

function lastSent(wc: FakeWebContents): { channel: string; args: unknown[] } | undefined {
  return wc.sent.at(-1);
}

async function rejection(p: Promise<unknown>): Promise<string> {
  return p.then(
    (v) => `resolved ${JSON.stringify(v)}`,
    (e: unknown) => (e instanceof Error ? e.message : String(e)),
  );
}

/** Menu checks of the packaged start: groups, every command's click, roles, greying out, no DevTools. */
export async function menuChecks(check: Check, call: Call, mainWc: FakeWebContents): Promise<void> {
  const menu = currentMenu();
  const labels = (menu?.items ?? []).map((i) => i.label);
  check('menu.groups', JSON.stringify(labels) === JSON.stringify(GROUP_LABELS), labels.join(' '));

  // Greyed out before the page reports a ledger; refused payloads change nothing.
  const states = (m: FakeMenu | null) => menuCommands().map((c) => ({ c, enabled: m?.getMenuItemById(c)?.enabled }));
  const before = states(currentMenu());
  const badPayloads: unknown[] = [{ ledgerOpen: 'yes' }, { ledgerOpen: true, extra: 1 }, null, true, [true], {}];
  const accepted: string[] = [];
  for (const payload of badPayloads) {
    const r = await rejection(call('setMenuState', payload));
    if (r.startsWith('resolved')) accepted.push(JSON.stringify(payload));
  }
  const afterBad = states(currentMenu());
  await call('setMenuState', { ledgerOpen: true });
  const open = states(currentMenu());
  await call('setMenuState', { ledgerOpen: false });
  const closedAgain = states(currentMenu());
  const greyedRight = (s: typeof before, ledgerOpen: boolean) =>
    s.every(({ c, enabled }) => enabled === (ledgerOpen || !needsLedger.has(c)));
  check(
    'menu.needsLedger',
    needsLedger.size >= 10 &&
      greyedRight(before, false) &&
      greyedRight(afterBad, false) &&
      greyedRight(open, true) &&
      greyedRight(closedAgain, false) &&
      accepted.length === 0,
    `${needsLedger.size} 项需台账；错误状态被接受=${accepted.join(',') || '无'}；` +
      `打开后仍灰=${
        open
          .filter((s) => !s.enabled)
          .map((s) => s.c)
          .join(',') || '无'
      }`,
  );

  // Every command: clicked in the built menu, the page hears exactly that id.
  await call('setMenuState', { ledgerOpen: true });
  const wrong: string[] = [];
  for (const command of menuCommands()) {
    const item = currentMenu()?.getMenuItemById(command);
    const count = mainWc.sent.length;
    item?.click?.(item, undefined, {});
    const sent = lastSent(mainWc);
    if (
      !item ||
      mainWc.sent.length !== count + 1 ||
      sent?.channel !== DESKTOP_EVENTS.menu ||
      JSON.stringify(sent.args) !== JSON.stringify([command])
    ) {
      wrong.push(`${command}:${JSON.stringify(sent)}`);
    }
  }
  check('menu.commands', wrong.length === 0, `${menuCommands().length} 条命令；错误 ${wrong.join('; ')}`);

  const roles = allItems(currentMenu()).filter((i) => i.role);
  const modelRoles = APP_MENU.flatMap((g) => g.entries.flatMap((e) => (e.kind === 'role' ? [e] : [])));
  const badRoles = modelRoles.filter((r) => {
    const item = roles.find((i) => i.role === r.role);
    return !item || item.click || item.label !== r.label || item.accelerator !== r.accelerator;
  });
  check(
    'menu.roles',
    modelRoles.length >= 10 && badRoles.length === 0 && roles.every((i) => !i.click),
    `${roles.length} 个角色项；不符 ${badRoles.map((r) => r.role).join(',')}`,
  );
  check(
    'menu.noDevToolsPackaged',
    allItems(currentMenu()).every((i) => i.role?.toLowerCase() !== 'toggledevtools'),
    allItems(currentMenu())
      .filter((i) => i.role)
      .map((i) => i.role)
      .join(','),
  );
}

/** The desktop-only channels issue 12 added refuse every caller but the app's own top frame. */
export async function desktopSenderChecks(check: Check, call: Call, mainWc: FakeWebContents): Promise<void> {
  const stranger = new FakeWebContents();
  await stranger.loadURL('app://yiqiyice/index.html');
  const events = [
    { sender: mainWc, senderFrame: { ...mainWc.mainFrame, url: 'https://example.com/' } },
    { sender: mainWc, senderFrame: { ...mainWc.mainFrame, parent: mainWc.mainFrame, routingId: 9 } },
    { sender: stranger, senderFrame: stranger.mainFrame },
  ];
  const answers: string[] = [];
  for (const event of events) {
    for (const [channel, payload] of [
      ['setMenuState', { ledgerOpen: true }],
      ['openDroppedLedger', '/tmp/x.yqyc'],
      ['takeOpenedLedger', undefined],
      ['pickExportFolder', undefined],
    ] as const) {
      const r = await rejection(call(channel, payload, event));
      if (r !== REFUSED) answers.push(`${channel}:${r}`);
    }
  }
  check('ipc.desktopSenderCheck', answers.length === 0, answers.join('; ') || '12 次外来调用均被拒绝');
}

/** A drop hands main a path: only an absolute path of an existing regular .yqyc file is granted. */
export async function dropChecks(check: Check, call: Call, dataDir: string, ledger: string): Promise<void> {
  const dir = join(dataDir, 'dropped');
  mkdirSync(join(dir, '文件夹.yqyc'), { recursive: true });
  writeFileSync(join(dir, '说明.txt'), 'x');
  const refused: [string, unknown][] = [
    ['txt', join(dir, '说明.txt')],
    ['missing', join(dir, '不存在.yqyc')],
    ['folder', join(dir, '文件夹.yqyc')],
    ['relative', join('picked', '测试台账.yqyc')],
    ['number', 42],
    ['object', { path: ledger }],
  ];
  const wrong: string[] = [];
  for (const [name, payload] of refused) {
    const r = await call('openDroppedLedger', payload);
    if (r !== null) wrong.push(`${name}:${JSON.stringify(r)}`);
  }
  const granted = (await call('openDroppedLedger', ledger)) as { fileRef?: string; name?: string } | null;
  const opened = (await call('ledgers:openFile', { fileRef: granted?.fileRef })) as { ok: boolean };
  check(
    'drop.ledgerOnly',
    wrong.length === 0 &&
      typeof granted?.fileRef === 'string' &&
      !granted.fileRef.includes(dataDir) &&
      granted.name === '测试台账.yqyc' &&
      opened.ok,
    `拒绝失败=${wrong.join(',') || '无'} 授权=${JSON.stringify(granted)} 打开=${JSON.stringify(opened).slice(0, 200)}`,
  );
}

/** 导出文件夹: picked in a folder dialog, then the save dialog of an export opens there (and in 文档 once it is gone). */
export async function exportFolderChecks(check: Check, call: Call, dataDir: string): Promise<void> {
  const fake = standIn();
  const folder = join(dataDir, '导出');
  mkdirSync(folder, { recursive: true });
  fake.recorded.openAnswers.push(folder);
  const picked = (await call('pickExportFolder', undefined)) as { fileRef?: string; name?: string } | null;
  saveExportFolder(dataDir, folder);
  const startOf = async () => {
    await call('pickExportTarget', '企业台账.xlsx');
    return String(fake.recorded.dialogs.filter((d) => d.kind === 'save').at(-1)?.options.defaultPath);
  };
  const inFolder = await startOf();
  rmSync(folder, { recursive: true });
  const fallback = await startOf();
  check(
    'ipc.exportFolder',
    typeof picked?.fileRef === 'string' &&
      !picked.fileRef.includes(dataDir) &&
      picked.name === '导出' &&
      inFolder === join(folder, '企业台账.xlsx') &&
      fallback === join(fake.app.getPath('documents'), '企业台账.xlsx'),
    `选择=${JSON.stringify(picked)} 起始=${inFolder} 文件夹删除后=${fallback}`,
  );
}

async function settle(until: () => boolean, rounds = 600): Promise<boolean> {
  for (let i = 0; i < rounds && !until(); i++) await new Promise((r) => setTimeout(r, 5));
  return until();
}

/** A second start with a file: the running copy hears of it; arguments that are not a ledger are ignored. */
export async function secondInstanceChecks(
  check: Check,
  call: Call,
  mainWc: FakeWebContents,
  ledger: string,
): Promise<void> {
  const fake = standIn();
  const count = mainWc.sent.length;
  const junk = ['/opt/yiqiyice/yiqiyice', '--allow-file-access-from-files', '.', '/no/such.yqyc', 'notes.txt'];
  fake.app.emit('second-instance', fakeEvent(), junk, '/');
  await new Promise((r) => setTimeout(r, 50));
  const ignored = mainWc.sent.length === count;
  fake.app.emit('second-instance', fakeEvent(), [...junk, ledger], '/');
  const heard = await settle(() => mainWc.sent.length > count);
  const sent = mainWc.sent.at(-1);
  const file = sent?.args[0] as { fileRef?: string; name?: string } | undefined;
  const opened = (await call('ledgers:openFile', { fileRef: file?.fileRef })) as { ok: boolean };
  check(
    'openFile.secondInstance',
    ignored && heard && sent?.channel === DESKTOP_EVENTS.ledgerFile && file?.name === '测试台账.yqyc' && opened.ok,
    `无台账参数时未发送=${ignored} 发送=${JSON.stringify(sent)} 打开=${opened.ok}`,
  );
}

function readState(dataDir: string): unknown {
  try {
    return JSON.parse(readFileSync(join(dataDir, WINDOW_STATE), 'utf8'));
  } catch {
    return null;
  }
}

/** Moved, the window's place is saved after a pause; moved again and closed, the close saves it at once. */
export async function windowSaveCheck(check: Check, main: FakeBrowserWindow, dataDir: string): Promise<void> {
  const moved = { x: 120, y: 40, width: 1100, height: 660 };
  main.setBounds(moved);
  const debounced = await settle(
    () => JSON.stringify((readState(dataDir) as { bounds?: unknown } | null)?.bounds) === JSON.stringify(moved),
    1000,
  );
  const last = LAST_BOUNDS;
  main.setBounds(last);
  main.close();
  const saved = readState(dataDir) as { bounds?: unknown; maximized?: unknown } | null;
  check(
    'windowState.savedOnClose',
    debounced && JSON.stringify(saved) === JSON.stringify({ bounds: last, maximized: false }),
    `移动后保存=${debounced} 关闭时=${JSON.stringify(saved)}`,
  );
}

/** The restart: the saved place comes back; an unreachable or damaged saved state gives the default window. */
export async function windowRestoreChecks(check: Check, dataDir: string): Promise<void> {
  const fake = standIn();
  const expected = LAST_BOUNDS;
  const first = fake.recorded.windows[0] as FakeBrowserWindow;
  const o = first.options;
  const restored =
    o.x === expected.x && o.y === expected.y && o.width === expected.width && o.height === expected.height;
  const shown = `保存=${JSON.stringify(expected)} 打开=${JSON.stringify({ x: o.x, y: o.y, width: o.width, height: o.height })}`;

  // Without a window, a menu click goes nowhere (and does not throw).
  first.close();
  const item = currentMenu()?.getMenuItemById('help.about');
  const before = first.webContents.sent.length;
  let threw = '';
  try {
    item?.click?.(item, undefined, {});
  } catch (e) {
    threw = String(e);
  }
  check(
    'menu.closedWindow',
    item !== null && threw === '' && first.webContents.sent.length === before,
    threw || `已关闭窗口收到 ${first.webContents.sent.length - before} 条`,
  );

  // Each case: write window-state.json, reopen the window (macOS's activate does), look where it went.
  const reopen = async (content: string) => {
    const win = fake.recorded.windows.filter((w) => w.options.webPreferences?.preload).at(-1);
    if (win && !win.isDestroyed()) win.close();
    writeFileSync(join(dataDir, WINDOW_STATE), content);
    const count = fake.recorded.windows.length;
    fake.app.emit('activate');
    await settle(() => fake.recorded.windows.length > count);
    const opened = fake.recorded.windows.at(-1) as FakeBrowserWindow;
    opened.emit('ready-to-show');
    return { options: opened.options, bounds: opened.getBounds(), maximized: opened.isMaximized() };
  };
  // Closed maximized: it comes back maximized, over the place it had before maximizing.
  const maximized = await reopen(JSON.stringify({ bounds: expected, maximized: true }));
  check(
    'windowState.restored',
    restored && maximized.maximized && maximized.options.x === expected.x && maximized.options.y === expected.y,
    `${shown} 最大化=${maximized.maximized}`,
  );
  const isDefault = (r: Awaited<ReturnType<typeof reopen>>) =>
    r.options.x === undefined &&
    r.options.width === 1366 &&
    r.options.height === 728 &&
    r.bounds.x === 0 &&
    r.bounds.y === 0;
  const state = (bounds: Rect) => JSON.stringify({ bounds, maximized: false });
  const offScreen = [
    // Saved on a second monitor that is no longer attached.
    await reopen(state({ x: 1500, y: 100, width: 1200, height: 700 })),
    // Title bar above the screen: it could not be dragged back.
    await reopen(state({ x: 100, y: -600, width: 1200, height: 700 })),
    // Smaller than the screens are laid out for.
    await reopen(state({ x: 10, y: 10, width: 300, height: 200 })),
  ];
  // The same place is fine again once that monitor is back.
  fake.recorded.displays.push({ x: 1366, y: 0, width: 1920, height: 1040 });
  const second = await reopen(state({ x: 1500, y: 100, width: 1200, height: 700 }));
  fake.recorded.displays.pop();
  check(
    'windowState.offScreenDefaults',
    offScreen.every(isDefault) && second.options.x === 1500 && second.options.y === 100,
    offScreen.map((r) => JSON.stringify(r.bounds)).join(' ') + ` 第二显示器=${JSON.stringify(second.bounds)}`,
  );
  const damaged = [
    await reopen('{"bounds": {"x": 1'),
    await reopen('null'),
    await reopen(JSON.stringify({ bounds: { x: 'a', y: 0, width: 1200, height: 700 } })),
  ];
  check(
    'windowState.damagedDefaults',
    damaged.every(isDefault),
    damaged.map((r) => JSON.stringify(r.bounds)).join(' '),
  );
}

/** Started by a double-click: the page gets the file once, as a working grant, and nothing the second time. */
export async function startFileChecks(check: Check, call: Call): Promise<void> {
  const first = (await call('takeOpenedLedger', undefined)) as { fileRef?: string; name?: string } | null;
  const opened = (await call('ledgers:openFile', { fileRef: first?.fileRef })) as { ok: boolean };
  const again = await call('takeOpenedLedger', undefined);
  check(
    'openFile.startArgv',
    first?.name === '测试台账.yqyc' && opened.ok && again === null,
    `第一次=${JSON.stringify(first)} 打开=${JSON.stringify(opened).slice(0, 200)} 第二次=${JSON.stringify(again)}`,
  );
}

/** A development start (not packaged) keeps DevTools in the 视图 menu. */
export function devToolsCheck(check: Check): void {
  const view = currentMenu()?.items.find((i) => i.label === '视图(&V)');
  const roles = (view?.submenu?.items ?? []).map((i) => i.role ?? '');
  check(
    'menu.devToolsInDevelopment',
    roles.some((r) => r.toLowerCase() === 'toggledevtools'),
    roles.join(','),
  );
}
