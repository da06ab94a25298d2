import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { CHANNELS } from '../../shared/ipc';
import {
  DESKTOP_CHANNEL_PREFIX,
  DESKTOP_EVENTS,
  type DesktopBridge,
  type DroppedFile,
  type PickedFile,
} from '../../shared/ipc/desktopBridge';
import { isMenuCommand } from '../../shared/menu/appMenu';

/**
 * The page's only way out of the sandbox. It exposes functions, never ipcRenderer: with ipcRenderer the page could
 * send to any channel main listens on. Main still checks every caller; this list only stops typos and probes early.
 */
const contractChannels = new Set<string>(CHANNELS);

const desktop = (channel: string, payload?: unknown) => ipcRenderer.invoke(DESKTOP_CHANNEL_PREFIX + channel, payload);

function pickedFileOf(value: unknown): PickedFile | null {
  if (typeof value !== 'object' || value === null) return null;
  const { fileRef, name } = value as { fileRef?: unknown; name?: unknown };
  if (typeof fileRef !== 'string' || fileRef.length === 0) return null;
  return typeof name === 'string' ? { fileRef, name } : { fileRef };
}

/**
 * Subscribes to a message from main, passing the page only what `accept` makes of it: never the IPC event (its
 * sender would hand the page ipcRenderer back) and nothing malformed.
 */
function listen<T>(channel: string, accept: (value: unknown) => T | null, listener: unknown): () => void {
  if (typeof listener !== 'function') return () => undefined;
  const wrapped = (_event: IpcRendererEvent, value: unknown) => {
    const data = accept(value);
    if (data !== null) (listener as (data: T) => void)(data);
  };
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

const bridge: DesktopBridge = {
  invoke: ((channel: unknown, payload?: unknown) => {
    if (typeof channel !== 'string' || !contractChannels.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: '不支持的操作' } });
    }
    return ipcRenderer.invoke(DESKTOP_CHANNEL_PREFIX + channel, payload);
  }) as DesktopBridge['invoke'],
  pickLedgerFile: () => desktop('pickLedgerFile'),
  pickLedgerSaveTarget: (suggestedName?: string) =>
    desktop('pickLedgerSaveTarget', typeof suggestedName === 'string' ? suggestedName : undefined),
  pickSpreadsheet: (templateOnly?: boolean) => desktop('pickSpreadsheet', templateOnly === true),
  pickExportTarget: (suggestedName?: string) =>
    desktop('pickExportTarget', typeof suggestedName === 'string' ? suggestedName : undefined),
  pickBackupFolder: () => desktop('pickBackupFolder'),
  pickExportFolder: () => desktop('pickExportFolder'),
  openDroppedLedger: (file: DroppedFile) => {
    // Only a real dropped File has a path; anything the page builds itself gets nothing.
    if (!(file instanceof File)) return Promise.resolve(null);
    let path = '';
    try {
      path = webUtils.getPathForFile(file);
    } catch {
      return Promise.resolve(null);
    }
    return path ? desktop('openDroppedLedger', path) : Promise.resolve(null);
  },
  takeOpenedLedger: () => desktop('takeOpenedLedger'),
  setMenuState: (state: { ledgerOpen: boolean }) =>
    desktop('setMenuState', { ledgerOpen: (state as { ledgerOpen?: unknown } | null)?.ledgerOpen === true }),
  onMenuCommand: (listener) => listen(DESKTOP_EVENTS.menu, (v) => (isMenuCommand(v) ? v : null), listener),
  onLedgerFile: (listener) => listen(DESKTOP_EVENTS.ledgerFile, pickedFileOf, listener),
};

contextBridge.exposeInMainWorld('yqyc', bridge);
