import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS } from '../../shared/ipc';
import { DESKTOP_CHANNEL_PREFIX, type DesktopBridge } from '../../shared/ipc/desktopBridge';

/**
 * The page's only way out of the sandbox. It exposes functions, never ipcRenderer: with ipcRenderer the page could
 * send to any channel main listens on. Main still checks every caller; this list only stops typos and probes early.
 */
const contractChannels = new Set<string>(CHANNELS);

const bridge: DesktopBridge = {
  invoke: ((channel: unknown, payload?: unknown) => {
    if (typeof channel !== 'string' || !contractChannels.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: '不支持的操作' } });
    }
    return ipcRenderer.invoke(DESKTOP_CHANNEL_PREFIX + channel, payload);
  }) as DesktopBridge['invoke'],
  pickLedgerFile: () => ipcRenderer.invoke(`${DESKTOP_CHANNEL_PREFIX}pickLedgerFile`),
  pickLedgerSaveTarget: (suggestedName?: string) =>
    ipcRenderer.invoke(
      `${DESKTOP_CHANNEL_PREFIX}pickLedgerSaveTarget`,
      typeof suggestedName === 'string' ? suggestedName : undefined,
    ),
  pickSpreadsheet: (templateOnly?: boolean) =>
    ipcRenderer.invoke(`${DESKTOP_CHANNEL_PREFIX}pickSpreadsheet`, templateOnly === true),
  pickExportTarget: (suggestedName?: string) =>
    ipcRenderer.invoke(
      `${DESKTOP_CHANNEL_PREFIX}pickExportTarget`,
      typeof suggestedName === 'string' ? suggestedName : undefined,
    ),
  pickBackupFolder: () => ipcRenderer.invoke(`${DESKTOP_CHANNEL_PREFIX}pickBackupFolder`),
};

contextBridge.exposeInMainWorld('yqyc', bridge);
