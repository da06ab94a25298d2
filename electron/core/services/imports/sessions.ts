import { cellText } from '../../../../shared/excel/cells';
import { guessHeaderRows } from '../../../../shared/excel/headers';
import type { ImportKind } from '../../../../shared/excel/kinds';
import { SURVEY_MARK, SURVEY_MARK_SHEET } from '../../../../shared/excel/survey';
import type { ImportOpened, SheetInfo } from '../../../../shared/ipc/imports';
import type { CoreContext } from '../../app/context';
import { IdleSessions } from '../../app/sessions';
import { AppError } from '../../errors';
import { inspectSpreadsheet, type SheetHead, type SpreadsheetInfo } from '../../excel/read';

/**
 * An import is a conversation over several requests (open, columns, preview, commit): the file's path and first
 * rows are kept here between them, per core, under an unguessable id. The file grant is taken once, at open.
 */
export interface ImportSession {
  id: string;
  path: string;
  fileName: string;
  format: SpreadsheetInfo['format'];
  sheets: SheetHead[];
}

/** An import left open two hours (the clerk went home) is forgotten; at most 8 are kept. */
const sessions = new IdleSessions<ImportSession>(2 * 60 * 60 * 1000, 8);
/** Rows shown for picking the header: row i of the list is sheet row i + 1. */
const HEAD_SHOWN = 60;

export async function openImport(ctx: CoreContext, fileRef: string): Promise<ImportOpened> {
  const path = ctx.files.take(fileRef, 'import');
  const info = await inspectSpreadsheet(path);
  const marked = info.sheets.find((s) => s.name === SURVEY_MARK_SHEET);
  const isSurvey = marked !== undefined && cellText(marked.rows[0]?.cells[0]) === SURVEY_MARK;
  // A 调查表's hidden sheets (its mark, its drop-down lists) are the program's own, not something to import from.
  const sheets = info.sheets.filter((s) => (isSurvey ? !s.hidden : s.name !== SURVEY_MARK_SHEET));
  if (sheets.length === 0) throw new AppError('BAD_FILE', '文件中没有可导入的工作表');
  const session: ImportSession = { id: '', path, fileName: info.fileName, format: info.format, sheets };
  const id = (session.id = sessions.add(ctx, session));
  const detectedKind: ImportKind | null = isSurvey ? 'survey' : null;
  return { sessionId: id, fileName: info.fileName, format: info.format, sheets: sheets.map(sheetInfo), detectedKind };
}

function sheetInfo(sheet: SheetHead): SheetInfo {
  const last = Math.min(sheet.rows.at(-1)?.row ?? 0, HEAD_SHOWN);
  const head: string[][] = Array.from({ length: last }, () => []);
  for (const r of sheet.rows) if (r.row <= last) head[r.row - 1] = r.cells.map((c) => cellText(c));
  return { name: sheet.name, head, guessedHeader: guessHeaderRows(sheet.rows) };
}

export function requireSession(ctx: CoreContext, id: string): ImportSession {
  const session = sessions.get(ctx, id);
  if (!session) throw new AppError('NOT_FOUND', '导入已过期或已关闭，请重新选择文件');
  return session;
}

export function requireSheet(session: ImportSession, name: string): SheetHead {
  const sheet = session.sheets.find((s) => s.name === name);
  if (!sheet) throw new AppError('VALIDATION', `文件中没有名为「${name}」的工作表，请重新选择工作表`, 'sheet');
  return sheet;
}

export function closeImport(ctx: CoreContext, id: string): void {
  sessions.delete(ctx, id);
}
