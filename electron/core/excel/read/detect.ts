import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ImportFormat } from '../../../../shared/excel/kinds';
import { loadXlsx } from '../../lazyLibs';
import { badFile, legacyProblem } from './problems';
import type { ReadLimits } from './types';
import { decodeText } from './csv';

/**
 * What a file is, told by its content: a zip is an .xlsx, an OLE compound file an .xls or WPS .et (or an
 * encrypted .xlsx, which Office wraps in the same container), text is CSV — or the HTML table other systems save
 * under an .xls name. The extension only names the format of an OLE file (.et) and decides whether text may be read.
 */
export type Opened =
  | { kind: 'zip'; format: 'xlsx'; fh: FileHandle; size: number }
  | { kind: 'binary'; format: 'xls' | 'et'; bytes: Buffer }
  | { kind: 'markup'; format: 'xls' | 'et'; text: string }
  | { kind: 'text'; format: 'csv'; text: string };

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const OTHER_FILES: [RegExp, string][] = [
  [/^%PDF/, '这是 PDF 文件'],
  [/^\x89PNG/, '这是图片文件'],
  [/^\xff\xd8\xff/, '这是图片文件'],
  [/^GIF8/, '这是图片文件'],
  [/^Rar!/, '这是 RAR 压缩包'],
  [/^7z\xbc\xaf/, '这是 7z 压缩包'],
  [/^MZ/, '这是程序文件'],
  [/^\{\\rtf/, '这是 RTF 文档'],
];

export async function openSpreadsheet(path: string, limits: ReadLimits): Promise<Opened> {
  let fh: FileHandle;
  try {
    fh = await open(path, 'r');
  } catch {
    throw badFile.missing();
  }
  let handedOver = false;
  try {
    const stat = await fh.stat();
    if (!stat.isFile()) throw badFile.missing();
    if (stat.size === 0) throw badFile.empty();
    const head = Buffer.alloc(Math.min(stat.size, 8));
    await fh.read(head, 0, head.length, 0);
    const ext = extname(path).toLowerCase();
    if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6)) {
      if (stat.size > limits.maxFileBytes) throw badFile.tooBig(stat.size, limits.maxFileBytes, '.xlsx 文件');
      handedOver = true;
      return { kind: 'zip', format: 'xlsx', fh, size: stat.size };
    }
    if (stat.size > limits.maxLegacyFileBytes) {
      throw badFile.tooBig(stat.size, limits.maxLegacyFileBytes, '.xls、.et 和 .csv 文件');
    }
    const bytes = await fh.readFile();
    const legacyFormat = ext === '.et' || ext === '.ett' ? 'et' : 'xls';
    if (head.length === 8 && head.equals(CFB_MAGIC)) {
      await refuseOtherCompoundFiles(bytes, legacyFormat);
      return { kind: 'binary', format: legacyFormat, bytes };
    }
    // BIFF2–4 worksheets from the 1990s are a bare record stream, without the OLE container.
    if (head[0] === 0x09 && (head[1] === 0x00 || head[1] === 0x02 || head[1] === 0x04) && head[3] === 0) {
      return { kind: 'binary', format: legacyFormat, bytes };
    }
    const latin = bytes.subarray(0, 8).toString('latin1');
    for (const [re, what] of OTHER_FILES) if (re.test(latin)) throw badFile.notSpreadsheet(what);
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    if (!utf16 && bytes.subarray(0, 4096).includes(0)) throw badFile.notSpreadsheet('文件内容无法识别');
    const text = decodeText(bytes);
    const start = text
      .replace(/^\ufeff/, '')
      .trimStart()
      .slice(0, 4096);
    if (/^</.test(start) && /<table|urn:schemas-microsoft-com:office:spreadsheet/i.test(text.slice(0, 1 << 20))) {
      return { kind: 'markup', format: legacyFormat, text };
    }
    if (ext === '.xlsx' || ext === '.xlsm') {
      throw badFile.renamedText(ext);
    }
    if (/^</.test(start)) throw badFile.notSpreadsheet('这是网页或 XML 文件，其中没有表格');
    return { kind: 'text', format: 'csv', text };
  } finally {
    if (!handedOver) await fh.close();
  }
}

/** An OLE container holds many kinds of Office file; only a workbook stream is a spreadsheet. */
async function refuseOtherCompoundFiles(bytes: Buffer, format: 'xls' | 'et'): Promise<void> {
  const xlsx = await loadXlsx();
  let names: string[];
  try {
    names = xlsx.CFB.read(bytes, { type: 'buffer' }).FileIndex.map((e: { name: string }) => e.name);
  } catch (err) {
    throw legacyProblem(err, format === 'et' ? ' WPS 表格（.et）' : ' .xls ');
  }
  const has = (n: string) => names.some((x) => x.toLowerCase() === n.toLowerCase());
  if (has('EncryptedPackage') || has('EncryptionInfo')) throw badFile.encrypted();
  if (has('Workbook') || has('Book')) return;
  if (has('WordDocument')) throw badFile.notSpreadsheet('这是 Word 文档');
  if (has('PowerPoint Document')) throw badFile.notSpreadsheet('这是 PowerPoint 演示文稿');
  throw badFile.notSpreadsheet('这是一个 Office 复合文档，但其中没有工作表');
}

export const FORMAT_NAMES: Record<ImportFormat, string> = {
  xlsx: ' .xlsx ',
  xls: ' .xls ',
  et: ' WPS 表格（.et）',
  csv: ' CSV ',
};
