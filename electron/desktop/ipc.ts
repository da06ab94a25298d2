import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { app, dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { usableExportFolder } from '../core/app/exportFolder';
import type { CoreClient } from '../core/host/coreClient';
import { CHANNELS, type Result } from '../../shared/ipc';
import {
  DESKTOP_CHANNEL_PREFIX,
  DESKTOP_ONLY_CHANNELS,
  type DesktopOnlyChannel,
  type PickedFile,
} from '../../shared/ipc/desktopBridge';
import type { AppMenu } from './menu';
import { grantLedger, isLedgerPath, type StartLedger } from './openedLedgers';
import { isAppUrl } from './protocol';

/** Re-exported so tests can check that every name here has a handler and nothing else does. */
export { DESKTOP_ONLY_CHANNELS };

export const LEDGER_EXTENSION = 'yqyc';
const LEDGER_FILTERS = [{ name: '台账文件', extensions: [LEDGER_EXTENSION] }];

/** Every IPC name main answers, for tests: the contract's channels plus the desktop-only ones. */
export function desktopIpcChannels(): string[] {
  return [...CHANNELS, ...DESKTOP_ONLY_CHANNELS].map((c) => DESKTOP_CHANNEL_PREFIX + c);
}

/**
 * Only our own page may call: the top frame of our window, showing app:// content. An iframe, a page the window
 * was somehow navigated to, or another webContents gets nothing, even though the preload would expose the bridge.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  if (!win || win.isDestroyed() || event.sender !== win.webContents) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  const main = win.webContents.mainFrame;
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return isAppUrl(frame.url);
}

const refused: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: '拒绝来自未授权页面的请求' },
};

/** What the desktop-only channels need besides the core and the window. */
export interface DesktopContext {
  dataDir: string;
  menu: AppMenu;
  startLedger: StartLedger;
}

/**
 * One handler per contract channel, each forwarding to the core unchanged: the core parses the payload with the
 * channel's schema, so main does not second-guess it. Returns a function that removes every handler again.
 */
export function registerIpc(
  client: CoreClient,
  getWindow: () => BrowserWindow | null,
  context: DesktopContext,
): () => void {
  const names: string[] = [];
  const handle = (name: string, fn: (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>) => {
    ipcMain.handle(name, fn);
    names.push(name);
  };

  for (const channel of CHANNELS) {
    handle(DESKTOP_CHANNEL_PREFIX + channel, async (event, payload) =>
      isTrustedSender(event, getWindow()) ? client.invoke(channel, payload) : refused,
    );
  }

  const desktopOnly: Record<DesktopOnlyChannel, (win: BrowserWindow, payload: unknown) => Promise<unknown>> = {
    pickLedgerFile: (win) => pickLedgerFile(client, win),
    pickLedgerSaveTarget: (win, payload) => pickLedgerSaveTarget(client, win, payload),
    pickSpreadsheet: (win, payload) => pickSpreadsheet(client, win, payload === true),
    pickExportTarget: (win, payload) => pickExportTarget(client, win, payload, context.dataDir),
    pickBackupFolder: (win) => pickFolder(client, win, '选择备份文件夹', 'backupFolder'),
    pickExportFolder: (win) => pickFolder(client, win, '选择导出文件夹', 'exportFolder'),
    // The preload sends a dropped file's path; it is checked here as if it came from anywhere.
    openDroppedLedger: async (_win, payload) => (isLedgerPath(payload) ? grantLedger(client, payload) : null),
    takeOpenedLedger: () => context.startLedger.take(client),
    setMenuState: async (_win, payload) => context.menu.setLedgerOpen(menuStateOf(payload)),
  };
  for (const channel of DESKTOP_ONLY_CHANNELS) {
    handle(DESKTOP_CHANNEL_PREFIX + channel, async (event, payload) => {
      const win = getWindow();
      // Dialogs have no Result wrapper (null already means "nothing chosen"), so a refusal is an error.
      if (!win || !isTrustedSender(event, win)) throw new Error('拒绝来自未授权页面的请求');
      return desktopOnly[channel](win, payload);
    });
  }

  return () => {
    for (const name of names) ipcMain.removeHandler(name);
  };
}

async function pickLedgerFile(client: CoreClient, win: BrowserWindow): Promise<PickedFile | null> {
  const chosen = await dialog.showOpenDialog(win, {
    title: '打开台账',
    buttonLabel: '打开',
    filters: LEDGER_FILTERS,
    properties: ['openFile'],
  });
  const path = chosen.canceled ? undefined : chosen.filePaths[0];
  return path ? { fileRef: await client.grant(path, 'open'), name: basename(path) } : null;
}

async function pickLedgerSaveTarget(
  client: CoreClient,
  win: BrowserWindow,
  suggested: unknown,
): Promise<PickedFile | null> {
  let defaultPath = join(startFolder(), `${suggestedFileStem(suggested)}.${LEDGER_EXTENSION}`);
  for (;;) {
    const chosen = await dialog.showSaveDialog(win, {
      title: '新建台账：选择保存位置',
      buttonLabel: '保存',
      defaultPath,
      filters: LEDGER_FILTERS,
      properties: ['createDirectory'],
    });
    if (chosen.canceled || !chosen.filePath) return null;
    const path = withLedgerExtension(chosen.filePath);
    // The core never overwrites a ledger; asking again here beats letting the clerk confirm a replace the core
    // would then refuse.
    if (!existsSync(path)) return { fileRef: await client.grant(path, 'create') };
    await dialog.showMessageBox(win, {
      type: 'warning',
      title: '文件已存在',
      message: `“${basename(path)}”已存在。`,
      detail: '为免覆盖已有的台账，请换一个文件名或保存位置。',
      buttons: ['重新选择'],
    });
    defaultPath = path;
  }
}

const SPREADSHEET_FILTERS = [{ name: '表格文件', extensions: ['xlsx', 'xls', 'et', 'csv'] }];
const WORKBOOK_FILTERS = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];

async function pickSpreadsheet(
  client: CoreClient,
  win: BrowserWindow,
  templateOnly: boolean,
): Promise<PickedFile | null> {
  const chosen = await dialog.showOpenDialog(win, {
    title: templateOnly ? '选择上级下发的表格模板' : '选择要导入的表格',
    buttonLabel: '打开',
    filters: templateOnly ? WORKBOOK_FILTERS : SPREADSHEET_FILTERS,
    properties: ['openFile'],
  });
  const path = chosen.canceled ? undefined : chosen.filePaths[0];
  return path ? { fileRef: await client.grant(path, 'import') } : null;
}

/** What an export or a print may be saved as; the suggested name's ending picks one (a workbook by default). */
const EXPORT_KINDS = {
  xlsx: { name: 'Excel 工作簿', title: '导出：选择保存位置' },
  pdf: { name: 'PDF 文件', title: '保存 PDF：选择保存位置' },
  docx: { name: 'Word 文档', title: '导出 Word：选择保存位置' },
} as const;
type ExportKind = keyof typeof EXPORT_KINDS;

/** setMenuState takes exactly { ledgerOpen: boolean }; anything else is refused rather than guessed at. */
export function menuStateOf(payload: unknown): boolean {
  if (typeof payload === 'object' && payload !== null && !Array.isArray(payload)) {
    const keys = Object.keys(payload);
    const open = (payload as { ledgerOpen?: unknown }).ledgerOpen;
    if (keys.length === 1 && keys[0] === 'ledgerOpen' && typeof open === 'boolean') return open;
  }
  throw new Error('菜单状态无效');
}

async function pickExportTarget(
  client: CoreClient,
  win: BrowserWindow,
  suggested: unknown,
  dataDir: string,
): Promise<PickedFile | null> {
  const ending = typeof suggested === 'string' ? /\.(xlsx|pdf|docx)$/i.exec(suggested.trim()) : null;
  const kind = (ending?.[1]?.toLowerCase() ?? 'xlsx') as ExportKind;
  const bare = typeof suggested === 'string' && ending ? suggested.trim().slice(0, -ending[0].length) : suggested;
  const stem = suggestedFileStem(bare, '导出报表', 60);
  const chosen = await dialog.showSaveDialog(win, {
    title: EXPORT_KINDS[kind].title,
    buttonLabel: '保存',
    // 本机设置 → 导出文件夹 when it is still there; a missing USB stick falls back to 文档.
    defaultPath: join(usableExportFolder(dataDir) ?? startFolder(), `${stem}.${kind}`),
    filters: [{ name: EXPORT_KINDS[kind].name, extensions: [kind] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (chosen.canceled || !chosen.filePath) return null;
  const path = chosen.filePath.toLowerCase().endsWith(`.${kind}`) ? chosen.filePath : `${chosen.filePath}.${kind}`;
  return { fileRef: await client.grant(path, 'export') };
}

/**
 * The folder backups go to (台账设置 → 备份与恢复) or the save dialogs start in (本机设置 → 导出文件夹): only a folder
 * the clerk picked here can become either (the renderer passes the reference on, never a path).
 */
async function pickFolder(
  client: CoreClient,
  win: BrowserWindow,
  title: string,
  purpose: 'backupFolder' | 'exportFolder',
): Promise<PickedFile | null> {
  const chosen = await dialog.showOpenDialog(win, {
    title,
    buttonLabel: '选择此文件夹',
    properties: ['openDirectory', 'createDirectory'],
  });
  const path = chosen.canceled ? undefined : chosen.filePaths[0];
  return path ? { fileRef: await client.grant(path, purpose), name: basename(path) } : null;
}

function startFolder(): string {
  try {
    return app.getPath('documents');
  } catch {
    return app.getPath('home');
  }
}

/**
 * The renderer's suggestion only seeds the dialog, but it is still untrusted: anything that is not a short plain
 * name (a path, control characters, an absurd length) falls back to a neutral name instead of steering the dialog.
 */
export function suggestedFileStem(suggested: unknown, fallback = '新建台账', maxLength = 30): string {
  if (typeof suggested !== 'string') return fallback;
  const name = suggested.trim();
  if (name.length === 0 || name.length > maxLength) return fallback;
  if (/[\\/:*?"<>|\u0000-\u001f]/.test(name) || name.startsWith('.')) return fallback;
  return name;
}

/**
 * Linux file dialogs do not add the filter's extension, and without it the file would not show up under the
 * 台账文件 filter next time (nor open with this program by double-click).
 */
export function withLedgerExtension(path: string): string {
  return path.toLowerCase().endsWith(`.${LEDGER_EXTENSION}`) ? path : `${path}.${LEDGER_EXTENSION}`;
}
