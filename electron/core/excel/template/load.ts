import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import type ExcelJS from 'exceljs';
import { AppError } from '../../errors';
import { loadExcelJS } from '../../lazyLibs';

/**
 * Opening a template sent from above. Templates are small forms, read whole with ExcelJS (which keeps their styles,
 * merges and formulas for writing back). What is not a workable .xlsx is refused with a message the clerk can act
 * on; nothing ExcelJS throws reaches the screen as it is.
 */

export const TEMPLATE_MAX_BYTES = 20 * 1024 * 1024;
export const TEMPLATE_MAX_ROWS = 5_000;
/** Uncompressed size of all parts together: far above any real form, far below what hurts (a zip bomb). */
const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

const SAVE_AS_XLSX = '请在 WPS 或 Excel 中打开它，选择“另存为”，文件类型选“Excel 工作簿 (*.xlsx)”，再选择另存后的文件';

function readAll(path: string): Buffer {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new AppError('BAD_FILE', '找不到模板文件，它可能已被移动或删除，请重新选择');
  }
  if (size === 0) throw new AppError('BAD_FILE', '模板文件是空的（0 字节），请确认选择了正确的文件');
  if (size > TEMPLATE_MAX_BYTES)
    throw new AppError(
      'BAD_FILE',
      `模板文件太大（${(size / 1024 / 1024).toFixed(1)} MB，上限 20 MB），它不像一张填报表格`,
    );
  const buf = Buffer.alloc(size);
  const fd = openSync(path, 'r');
  try {
    let at = 0;
    while (at < size) {
      const n = readSync(fd, buf, at, size - at, at);
      if (n === 0) break;
      at += n;
    }
  } finally {
    closeSync(fd);
  }
  return buf;
}

interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  offset: number;
}

/** The zip's central directory; null when it cannot be found or does not hold together. */
function zipEntries(zip: Buffer): ZipEntry[] | null {
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  const from = Math.max(0, zip.length - 65_557);
  for (let i = zip.length - 22; i >= from; i--) {
    if (zip.readUInt32LE(i) !== 0x06054b50) continue;
    const count = zip.readUInt16LE(i + 10);
    let at = zip.readUInt32LE(i + 16);
    const entries: ZipEntry[] = [];
    for (let e = 0; e < count; e++) {
      if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return null;
      const nameLength = zip.readUInt16LE(at + 28);
      entries.push({
        name: zip.toString('utf8', at + 46, at + 46 + nameLength),
        method: zip.readUInt16LE(at + 10),
        compressed: zip.readUInt32LE(at + 20),
        size: zip.readUInt32LE(at + 24),
        offset: zip.readUInt32LE(at + 42),
      });
      at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    }
    return entries;
  }
  return null;
}

/** How many <row> elements a worksheet part holds, read before ExcelJS builds a row object for each. */
function rowsInPart(zip: Buffer, entry: ZipEntry): number | null {
  const at = entry.offset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== 0x04034b50) return null;
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const body = zip.subarray(start, start + entry.compressed);
  let xml: Buffer;
  try {
    if (entry.method === 0) xml = body;
    else if (entry.method === 8) xml = inflateRawSync(body, { maxOutputLength: MAX_UNPACKED_BYTES });
    else return null;
  } catch {
    return null;
  }
  let rows = 0;
  for (let i = xml.indexOf(ROW_TAG); i >= 0; i = xml.indexOf(ROW_TAG, i + 5)) rows++;
  return rows;
}

const ROW_TAG = Buffer.from('<row ');

function checkKind(buf: Buffer, fileName: string): void {
  if (buf.subarray(0, 8).equals(CFB)) {
    if (buf.includes(ENCRYPTION_INFO))
      throw new AppError(
        'BAD_FILE',
        `“${fileName}”设置了打开密码，程序无法读取。请在 WPS 或 Excel 中取消密码后另存，再选择该文件`,
      );
    throw new AppError(
      'BAD_FILE',
      `“${fileName}”是 Excel 97-2003 (.xls) 或 WPS (.et) 格式，模板填报只支持 .xlsx。${SAVE_AS_XLSX}`,
    );
  }
  if (!buf.subarray(0, 4).equals(ZIP)) {
    const text = /\.(csv|txt)$/i.test(fileName)
      ? '这是文本（CSV）文件，没有模板的格式和公式'
      : '文件内容不是 .xlsx 工作簿';
    throw new AppError('BAD_FILE', `“${fileName}”无法作为模板打开：${text}。${SAVE_AS_XLSX}`);
  }
  const entries = zipEntries(buf);
  const broken = `“${fileName}”已损坏（压缩结构不完整），请向发文单位重新索取模板，或在 WPS/Excel 中打开后另存为 .xlsx`;
  if (entries === null) throw new AppError('BAD_FILE', broken);
  // 0xFFFFFFFF is a zip64 size: a 4 GB claim no form needs.
  const unpacked = entries.reduce((sum, e) => sum + (e.size === 0xffffffff ? Infinity : e.size), 0);
  if (unpacked > MAX_UNPACKED_BYTES)
    throw new AppError('BAD_FILE', `“${fileName}”解压后过大（超过 100 MB），它不像一张填报表格，程序拒绝打开以免卡死`);
  for (const entry of entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name))) {
    const rows = rowsInPart(buf, entry);
    if (rows === null) throw new AppError('BAD_FILE', broken);
    if (rows > TEMPLATE_MAX_ROWS) throw new AppError('BAD_FILE', tooManyRows(`“${fileName}”的工作表`, rows));
  }
}

function tooManyRows(where: string, rows: number): string {
  return `${where}有 ${rows} 行，超过模板的上限 ${TEMPLATE_MAX_ROWS} 行。模板应是一张空白或只有少量示例行的表格，请删去多余的行（含只有格式的空行）后再试`;
}

/** Reads a template workbook whole, or throws BAD_FILE with the reason in Chinese. */
export async function loadTemplate(path: string, fileName: string): Promise<ExcelJS.Workbook> {
  const buf = readAll(path);
  checkKind(buf, fileName);
  const excel = await loadExcelJS();
  const wb = new excel.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (e) {
    const detail =
      e instanceof Error && /password|encrypt/i.test(e.message) ? '文件设置了密码' : '文件内容已损坏或不是标准的 .xlsx';
    throw new AppError('BAD_FILE', `“${fileName}”无法打开：${detail}。请在 WPS 或 Excel 中打开后另存为 .xlsx 再试`);
  }
  if (wb.worksheets.length === 0) throw new AppError('BAD_FILE', `“${fileName}”中没有工作表`);
  for (const ws of wb.worksheets) {
    if (ws.rowCount > TEMPLATE_MAX_ROWS) throw new AppError('BAD_FILE', tooManyRows(`工作表“${ws.name}”`, ws.rowCount));
  }
  return wb;
}
