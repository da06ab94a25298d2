import type { Channel, RequestOf, ResponseOf, Result } from '../../shared/ipc';
import type { DesktopBridge } from '../../shared/ipc/desktopBridge';
import type { ErrorCode } from '../../shared/ipc/result';

/**
 * The only file that knows how a call reaches the core: through the desktop preload's bridge when running in
 * Electron, else as POST /api/<channel> to the browser shell with its per-start token.
 */
declare global {
  interface Window {
    yqyc?: DesktopBridge;
  }
}

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'yqyc-token';

/** The browser shell hands its token over in the address's fragment (never sent to a server); keep it for reloads. */
export function captureToken(): void {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
}

const lockedListeners = new Set<() => void>();

/** Called whenever the core answers LOCKED: the ledger was locked (idle, or from another window) — show the lock. */
export function onLedgerLocked(listener: () => void): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}

function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  if (result.error.code === 'LOCKED') for (const listener of lockedListeners) listener();
  throw new ApiError(result.error.code, result.error.message, result.error.field);
}

async function post(
  path: string,
  body: BodyInit,
  contentType: string,
  extra: Record<string, string> = {},
): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-yqyc-token': sessionStorage.getItem(TOKEN_KEY) ?? '', ...extra },
      body,
    });
  } catch {
    throw new ApiError('INTERNAL', '无法连接到台账程序，请确认程序仍在运行');
  }
  try {
    return (await response.json()) as Result<unknown>;
  } catch {
    throw new ApiError('INTERNAL', `台账程序返回了无法识别的内容（HTTP ${response.status}）`);
  }
}

export async function call<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = window.yqyc
    ? await window.yqyc.invoke(channel, payload)
    : ((await post(`/api/${channel}`, JSON.stringify(payload), 'application/json')) as Result<ResponseOf<C>>);
  return unwrap(result);
}

/**
 * Lets the clerk choose a ledger file and returns the core's reference to it: a native dialog in the desktop
 * shell; in the browser an upload into the data folder. Null when the clerk cancels.
 */
export async function pickLedgerFile(): Promise<string | null> {
  if (window.yqyc) return (await window.yqyc.pickLedgerFile())?.fileRef ?? null;
  const file = await chooseFile('.yqyc');
  return file ? uploadLedger(file) : null;
}

export interface PickedLedger {
  fileRef: string;
  /** The file's name (no folder) where the shell tells it: the browser's picker does, the desktop dialog not yet. */
  name: string | null;
}

/**
 * A township's ledger for 全县汇总, with the chosen file's name for the list of picks; a refused upload says which
 * file it was. In the browser it is uploaded apart from this PC's own ledgers (uploads/county), never among them.
 */
export async function pickTownshipLedger(): Promise<PickedLedger | null> {
  if (window.yqyc) {
    const picked = await window.yqyc.pickLedgerFile();
    return picked ? { fileRef: picked.fileRef, name: picked.name ?? null } : null;
  }
  const file = await chooseFile('.yqyc');
  if (!file) return null;
  try {
    return { fileRef: await uploadLedger(file, '/api/upload/county'), name: file.name };
  } catch (e) {
    if (e instanceof ApiError) throw new ApiError(e.code, `“${file.name}”：${e.message}`, e.field);
    throw e;
  }
}

/**
 * A ledger file dropped on the window: the desktop's main grants it (the page never learns its path); the browser
 * uploads it into the data folder as 打开台账文件 does. Null when the desktop refuses it (not a .yqyc file on disk).
 */
export async function grantDroppedLedger(file: File): Promise<string | null> {
  if (window.yqyc) return (await window.yqyc.openDroppedLedger(file))?.fileRef ?? null;
  return uploadLedger(file);
}

async function uploadLedger(file: File, path = '/api/upload/ledger'): Promise<string> {
  const result = await post(path, file, 'application/octet-stream', {
    'x-file-name': encodeURIComponent(file.name),
  });
  return (unwrap(result) as { fileRef: string }).fileRef;
}

function chooseFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve(null);
      input.remove();
    });
    document.body.appendChild(input);
    input.click();
  });
}

/**
 * Lets the clerk choose a spreadsheet (to import, or a template to fill): a native dialog in the desktop shell, an
 * upload into the data folder in the browser. Null when the clerk cancels.
 */
export async function pickSpreadsheet(templateOnly = false): Promise<string | null> {
  if (window.yqyc) return (await window.yqyc.pickSpreadsheet(templateOnly))?.fileRef ?? null;
  const file = await chooseFile(templateOnly ? '.xlsx' : '.xlsx,.xls,.et,.csv');
  if (!file) return null;
  const result = await post('/api/upload/spreadsheet', file, 'application/octet-stream', {
    'x-file-name': encodeURIComponent(file.name),
  });
  return (unwrap(result) as { fileRef: string }).fileRef;
}

export interface SavedExport {
  fileName: string;
  rows: number;
}

/**
 * Writes an export where the clerk wants it. Desktop: a native save dialog first, then the core writes there.
 * Browser: the core writes into the data folder and the file comes down as a download. Null when cancelled.
 * `produce` calls the export channel with the target it is given (none in the browser).
 */
export async function saveExport(
  suggestedName: string,
  produce: (target: string | undefined) => Promise<{ fileName: string; rows: number; download: string | null }>,
): Promise<SavedExport | null> {
  if (window.yqyc) {
    const picked = await window.yqyc.pickExportTarget(suggestedName);
    if (!picked) return null;
    const done = await produce(picked.fileRef);
    return { fileName: done.fileName, rows: done.rows };
  }
  const done = await produce(undefined);
  if (!done.download) throw new ApiError('INTERNAL', '导出的文件未能生成，请重试');
  await download(done.download, done.fileName);
  return { fileName: done.fileName, rows: done.rows };
}

async function fetchDownload(id: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(`/api/download/${encodeURIComponent(id)}`, {
      method: 'POST',
      headers: { 'x-yqyc-token': sessionStorage.getItem(TOKEN_KEY) ?? '' },
    });
  } catch {
    throw new ApiError('INTERNAL', '无法连接到台账程序，请确认程序仍在运行');
  }
  if (!response.ok) throw new ApiError('NOT_FOUND', '文件不存在或已下载，请重新导出');
  return response.blob();
}

/**
 * A finished PDF (a `print:pdf` made without a save target) as a blob: URL for the preview's <iframe>. The server
 * hands every download over with one generic type; the blob is retyped so the browser's PDF viewer shows it.
 * The caller revokes the URL when the preview closes.
 */
export async function pdfBlobUrl(downloadId: string): Promise<string> {
  const bytes = await (await fetchDownload(downloadId)).arrayBuffer();
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

export interface SavedPrint {
  fileName: string;
  pages: number;
}

/**
 * Saves a PDF or .docx where the clerk wants it, as saveExport does for workbooks: the desktop's save dialog, or a
 * download in the browser. Null when cancelled.
 */
export async function savePrint(
  suggestedName: string,
  produce: (target: string | undefined) => Promise<{ fileName: string; pages: number; download: string | null }>,
): Promise<SavedPrint | null> {
  if (window.yqyc) {
    const picked = await window.yqyc.pickExportTarget(suggestedName);
    if (!picked) return null;
    const done = await produce(picked.fileRef);
    return { fileName: done.fileName, pages: done.pages };
  }
  const done = await produce(undefined);
  if (!done.download) throw new ApiError('INTERNAL', '文件未能生成，请重试');
  await download(done.download, done.fileName);
  return { fileName: done.fileName, pages: done.pages };
}

/** A blob: URL the clerk's browser saves under `fileName`. */
export function saveBlobUrl(url: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

async function download(id: string, fileName: string): Promise<void> {
  const url = URL.createObjectURL(await fetchDownload(id));
  saveBlobUrl(url, fileName);
  // The browser has taken the blob by the time the click returns; free it a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Whether this shell can change the backup folder (a desktop folder dialog); the browser shell only shows it. */
export function canPickBackupFolder(): boolean {
  return window.yqyc !== undefined;
}

/** 更改备份文件夹: a reference for `backups:saveSettings`' folderRef; null when cancelled or in the browser. */
export async function pickBackupFolder(): Promise<string | null> {
  if (!window.yqyc) return null;
  return (await window.yqyc.pickBackupFolder())?.fileRef ?? null;
}

/** 导出文件夹 (本机设置): a reference for `prefs:save`'s exportFolder; null when cancelled or in the browser. */
export async function pickExportFolder(): Promise<string | null> {
  if (!window.yqyc) return null;
  return (await window.yqyc.pickExportFolder())?.fileRef ?? null;
}
