import { AppError } from '../../errors';

/**
 * Every way a spreadsheet can fail to be read, as the clerk reads it: what is wrong and what to do. Readers throw
 * only these (or the job's CANCELLED), never a library's own error.
 */
export const SAVE_AS_XLSX = '请在 WPS 或 Excel 中打开后另存为 .xlsx 再试';

export const badFile = {
  empty: () => new AppError('BAD_FILE', '文件是空的（0 字节），请确认选择了正确的文件'),
  missing: () => new AppError('BAD_FILE', '找不到该文件，或没有读取权限，请重新选择文件'),
  encrypted: () => new AppError('BAD_FILE', '文件设置了打开密码，请在 WPS 或 Excel 中取消密码后另存为 .xlsx 再导入'),
  corrupt: (detail: string) => new AppError('BAD_FILE', `文件已损坏，无法读取（${detail}）。${SAVE_AS_XLSX}`),
  zipBomb: () => new AppError('BAD_FILE', '文件解压后过大，疑似异常文件，已拒绝读取'),
  tooBig: (bytes: number, limit: number, kind: string) =>
    new AppError(
      'BAD_FILE',
      `文件过大（${megabytes(bytes)} MB），${kind}最大支持 ${megabytes(limit)} MB，请删除无关的工作表或拆分后再导入`,
    ),
  tooManyRows: (sheet: string, limit: number) =>
    new AppError('BAD_FILE', `工作表「${sheet}」的数据超过 ${limit} 行，请拆分成几个文件分批导入`),
  tooManyColumns: (sheet: string, row: number, limit: number) =>
    new AppError('BAD_FILE', `工作表「${sheet}」第 ${row} 行超过 ${limit} 列，请删除多余的列后再导入`),
  timeout: (sheet: string, millis: number) =>
    new AppError(
      'BAD_FILE',
      `读取超时：工作表「${sheet}」在 ${Number((millis / 1000).toFixed(1))} 秒内未能读完，文件可能过大或内容异常，请拆分或另存为 .xlsx 后再试`,
    ),
  notSpreadsheet: (what: string) =>
    new AppError('BAD_FILE', `${what}，不是可导入的电子表格。请选择 .xlsx、.xls、.et 或 .csv 文件`),
  renamedText: (ext: string) =>
    new AppError(
      'BAD_FILE',
      `文件扩展名是 ${ext}，但内容是纯文本，不是 Excel 工作簿。如果它是 CSV 文件，请把扩展名改为 .csv 后再导入`,
    ),
  unsupported: (what: string) => new AppError('BAD_FILE', `${what}，暂不支持直接导入。${SAVE_AS_XLSX}`),
  noSheet: (sheet: string) => new AppError('BAD_FILE', `文件中没有名为「${sheet}」的工作表，请重新选择工作表`),
  noSheets: () => new AppError('BAD_FILE', `文件中没有可读取的工作表。${SAVE_AS_XLSX}`),
  legacy: (format: string, detail: string) =>
    new AppError('BAD_FILE', `无法读取这个${format}文件（${detail}）。${SAVE_AS_XLSX}`),
};

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);
}

/** SheetJS's English messages for the legacy formats, in words a clerk can act on. */
export function legacyProblem(err: unknown, format: string): AppError {
  if (err instanceof AppError) return err;
  const message = err instanceof Error ? err.message : String(err);
  if (/password|encrypt/i.test(message)) return badFile.encrypted();
  if (/BIFF|Unsupported|Works|Multiplan/i.test(message)) return badFile.legacy(format, '文件版本或格式不受支持');
  if (/CFB|DIFAT|sector|FAT|header|Invalid Workbook|Cannot find Workbook|Could not find workbook/i.test(message)) {
    return badFile.legacy(format, '文件结构不完整或已损坏');
  }
  if (err instanceof RangeError) return badFile.legacy(format, '文件数据不完整或已损坏');
  return badFile.legacy(format, '文件内容无法识别');
}

/** A library error from the .xlsx path: malformed XML, a broken zip entry, a bad deflate stream. */
export function xlsxProblem(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const message = err instanceof Error ? err.message : String(err);
  if (
    /invalid signature|unexpected end|end of file|Z_BUF_ERROR|incorrect header|invalid (stored|block|distance|code)|too many length|unknown compression|zlib|inflate/i.test(
      message,
    )
  ) {
    return badFile.corrupt('压缩数据不完整');
  }
  if (/Invalid string length|allocation|heap/i.test(message)) return badFile.zipBomb();
  // saxes reports malformed XML as "line:col: message"; anything else from the parser is the same kind of damage.
  return badFile.corrupt('工作表内容格式错误');
}
