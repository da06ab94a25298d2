import type { MenuCommand } from '../menu/appMenu';
import type { Channel, RequestOf, ResponseOf } from './index';
import type { Result } from './result';

/**
 * What the desktop preload puts on `window.yqyc`. Pure types and names, so the renderer can type its calls and
 * the preload and main process agree on channel names without either importing the other.
 */

/** Every desktop IPC channel is the contract channel (or a desktop-only name) behind this prefix. */
export const DESKTOP_CHANNEL_PREFIX = 'yqyc:';

/** Channels only the desktop shell has: they open native dialogs, so they live in main, not in the core. */
export const DESKTOP_ONLY_CHANNELS = [
  'pickLedgerFile',
  'pickLedgerSaveTarget',
  'pickSpreadsheet',
  'pickExportTarget',
  'pickBackupFolder',
  'pickExportFolder',
  'openDroppedLedger',
  'takeOpenedLedger',
  'setMenuState',
] as const;
export type DesktopOnlyChannel = (typeof DESKTOP_ONLY_CHANNELS)[number];

/** Messages main sends to the page (never requests): a menu command was chosen; a .yqyc file was opened. */
export const DESKTOP_EVENTS = { menu: 'yqyc-event:menu', ledgerFile: 'yqyc-event:ledgerFile' } as const;

/** A File from a drop event (shared code has no DOM types; any File has these). The preload checks it is one. */
export interface DroppedFile {
  readonly name: string;
  readonly size: number;
}

/** A file the clerk chose in a native dialog; the path stays in main, the renderer only holds the reference. */
export interface PickedFile {
  fileRef: string;
  /** The chosen file's own name (no folder), where the screen shows which file was picked (全县汇总's list). */
  name?: string;
}

export interface DesktopBridge {
  /**
   * Calls a contract channel; refused without reaching main when the name is not in the contract. The payload is
   * optional because channels with an empty request take none (the core reads a missing payload as `{}`).
   */
  invoke<C extends Channel>(channel: C, payload?: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  /** 打开台账: a native open dialog; null when the clerk cancels. Pass the reference to `ledgers:openFile`. */
  pickLedgerFile(): Promise<PickedFile | null>;
  /**
   * 新建台账时选择保存位置: a native save dialog proposing a name from the township; null when cancelled.
   * Pass the reference as `target` to `ledgers:create` or `ledgers:createSample`.
   */
  pickLedgerSaveTarget(suggestedName?: string): Promise<PickedFile | null>;
  /** 导入 / 填报模板: a native open dialog for .xlsx, .xls, .et, .csv (`templateOnly`: .xlsx only). */
  pickSpreadsheet(templateOnly?: boolean): Promise<PickedFile | null>;
  /** 导出: a native save dialog proposing `suggestedName`.xlsx; pass the reference as `target` to the export. */
  pickExportTarget(suggestedName?: string): Promise<PickedFile | null>;
  /** 备份文件夹: a native folder dialog; pass the reference as `folderRef` to `backups:saveSettings`. */
  pickBackupFolder(): Promise<PickedFile | null>;
  /** 导出文件夹 (本机设置): a native folder dialog; pass the reference to the settings that keep it. */
  pickExportFolder(): Promise<PickedFile | null>;
  /**
   * A file dropped on the window: the preload learns its path (the page never does) and main grants it when it is a
   * .yqyc file on disk; null otherwise. Pass the reference to `ledgers:openFile`.
   */
  openDroppedLedger(file: DroppedFile): Promise<PickedFile | null>;
  /** The .yqyc file the program was started with (double-click, 打开方式), once; null when there was none. */
  takeOpenedLedger(): Promise<PickedFile | null>;
  /** Greys out the menu's ledger commands while no ledger is open. */
  setMenuState(state: { ledgerOpen: boolean }): Promise<void>;
  /** A native menu command; returns a function that stops listening. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** A .yqyc file opened while the program runs (double-click starts no second copy; it comes here). */
  onLedgerFile(listener: (file: PickedFile) => void): () => void;
}
