import type { FileHandle } from 'node:fs/promises';
import { peekPart, unprefixedPart } from './prefix';
import { badFile } from './problems';
import type { ReadLimits } from './types';
import { checkDeclaredSizes, checkReadable, measureEntry, readSmallEntry, readZipDirectory } from './zip';
import type { ZipDirectory, ZipEntry } from './zip';

/**
 * The structure of an .xlsx as its own small parts describe it (package relationships, workbook.xml and its
 * relationships), read before any worksheet: sheet names in the clerk's order, where each sheet's part lives, the
 * date system. ExcelJS's streaming reader only knows parts named exactly xl/worksheets/sheetN.xml and relative
 * targets; reading the structure here means the reader can be handed every sheet under a name it understands.
 */
export interface XlsxSheet {
  name: string;
  hidden: boolean;
  entry: ZipEntry;
  /** The namespace prefix on the sheet's tags (x: from the OpenXML SDK), taken off while streaming. */
  prefix: string | null;
  /** False when ExcelJS cannot stream it (cells without positions): the whole file goes to SheetJS instead. */
  streamable: boolean;
}

/** A part ExcelJS reads whole: as it is in the zip, or already rewritten without its prefix. */
export type WholePart = { entry: ZipEntry } | { literal: Buffer };

export interface XlsxBook {
  dir: ZipDirectory;
  sheets: XlsxSheet[];
  date1904: boolean;
  sharedStrings: WholePart | null;
  styles: WholePart | null;
}

/** workbook.xml and relationship parts are kilobytes; anything near this is not a workbook a clerk wrote. */
const SMALL_PART_BYTES = 16 * 1024 * 1024;
/** ExcelJS keeps every shared string in memory: the part must be known to fit first. */
const MAX_SHARED_STRINGS_BYTES = 256 * 1024 * 1024;
const MAX_STYLES_BYTES = 64 * 1024 * 1024;
/** A prefixed part is rewritten in memory; the SDK's exports are modest, and this keeps the rewrite so. */
const MAX_PREFIXED_BYTES = 64 * 1024 * 1024;

const REL_TYPE = {
  officeDocument: /\/officeDocument$/,
  worksheet: /\/worksheet$/,
  sharedStrings: /\/sharedStrings$/,
  styles: /\/styles$/,
};

export async function openXlsx(path: string, fh: FileHandle, fileSize: number, limits: ReadLimits): Promise<XlsxBook> {
  const dir = await readZipDirectory(fh, fileSize);
  refuseOtherPackages(dir);
  checkDeclaredSizes(dir, limits.maxUnzippedBytes);

  const rootRels = dir.byName.get('_rels/.rels');
  const rootTargets = rootRels ? relationships(await readSmallEntry(fh, rootRels, SMALL_PART_BYTES), '') : [];
  const mainPath = rootTargets.find((r) => REL_TYPE.officeDocument.test(r.type))?.target ?? 'xl/workbook.xml';
  const main = dir.byName.get(mainPath);
  if (!main) throw badFile.corrupt('缺少工作簿目录 workbook.xml');
  const folder = mainPath.includes('/') ? mainPath.slice(0, mainPath.lastIndexOf('/') + 1) : '';
  const relsPart = dir.byName.get(`${folder}_rels/${mainPath.slice(folder.length)}.rels`);
  if (!relsPart) throw badFile.corrupt('缺少工作簿关系表');
  const rels = relationships(await readSmallEntry(fh, relsPart, SMALL_PART_BYTES), folder);
  const workbookXml = await readSmallEntry(fh, main, SMALL_PART_BYTES);

  const relById = new Map(rels.map((r) => [r.id, r]));
  const sheets: XlsxSheet[] = [];
  for (const tag of elements(workbookXml, 'sheet')) {
    const attrs = attributes(tag);
    const rel = relById.get(attrs.get('r:id') ?? prefixedId(attrs) ?? '');
    // Chart sheets and macro sheets hold no rows; a sheet whose part is missing cannot be read at all.
    if (!rel || !REL_TYPE.worksheet.test(rel.type)) continue;
    const entry = dir.byName.get(rel.target);
    if (!entry) throw badFile.corrupt(`工作表「${attrs.get('name') ?? ''}」的内容缺失`);
    checkReadable(entry);
    const state = attrs.get('state') ?? 'visible';
    const name = attrs.get('name') ?? `Sheet${sheets.length + 1}`;
    const peek = await peekPart(fh, entry);
    sheets.push({ name, hidden: state !== 'visible', entry, prefix: peek.prefix, streamable: !peek.unpositioned });
  }
  if (sheets.length === 0) throw badFile.noSheets();

  const partOf = (type: RegExp): ZipEntry | null => {
    const rel = rels.find((r) => type.test(r.type));
    return (rel && dir.byName.get(rel.target)) ?? null;
  };
  const whole = async (entry: ZipEntry | null, maxBytes: number): Promise<WholePart | null> => {
    if (!entry) return null;
    await measureEntry(path, fh, entry, maxBytes);
    const { prefix } = await peekPart(fh, entry);
    return prefix ? { literal: await unprefixedPart(fh, entry, prefix, MAX_PREFIXED_BYTES) } : { entry };
  };
  const sharedStrings = await whole(partOf(REL_TYPE.sharedStrings), MAX_SHARED_STRINGS_BYTES);
  const styles = await whole(partOf(REL_TYPE.styles), MAX_STYLES_BYTES);

  const workbookPr = elements(workbookXml, 'workbookPr')[0];
  const date1904 = /^(1|true)$/.test((workbookPr && attributes(workbookPr).get('date1904')) ?? '');
  return { dir, sheets, date1904, sharedStrings, styles };
}

/** Other zip-based documents renamed or mistaken for a workbook: say what they are. */
function refuseOtherPackages(dir: ZipDirectory): void {
  const has = (name: string) => dir.byName.has(name);
  const any = (prefix: string) => dir.entries.some((e) => e.name.startsWith(prefix));
  if (has('xl/workbook.bin')) throw badFile.unsupported('这是 Excel 二进制工作簿（.xlsb）');
  if (any('xl/')) return;
  if (any('word/')) throw badFile.notSpreadsheet('这是 Word 文档');
  if (any('ppt/')) throw badFile.notSpreadsheet('这是 PowerPoint 演示文稿');
  if (has('content.xml') && has('mimetype')) throw badFile.unsupported('这是 OpenDocument 表格（.ods）');
  throw badFile.notSpreadsheet('这是一个压缩包');
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

function relationships(xml: string, folder: string): Relationship[] {
  return elements(xml, 'Relationship').map((tag) => {
    const a = attributes(tag);
    const external = a.get('TargetMode') === 'External';
    return {
      id: a.get('Id') ?? '',
      type: a.get('Type') ?? '',
      target: external ? '' : resolve(folder, a.get('Target') ?? ''),
    };
  });
}

/** A relationship target is relative to the part's folder, or absolute from the package root. */
function resolve(folder: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : folder + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/**
 * Start tags named `local`, with or without a namespace prefix (x:sheet). These parts are small and machine
 * written; a tag scan is enough and keeps sheet names away from any object keyed by them.
 */
function elements(xml: string, local: string): string[] {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${local}(?=[\\s/>])[^>]*>`, 'g');
  return xml.match(re) ?? [];
}

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out.set(m[1] ?? '', decodeXml(m[2] ?? m[3] ?? ''));
  }
  return out;
}

/** The relationship id attribute under whatever prefix the writer bound the relationships namespace to. */
function prefixedId(attrs: Map<string, string>): string | undefined {
  for (const [k, v] of attrs) if (/^[\w.-]+:id$/.test(k)) return v;
  return undefined;
}

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e as 'amp'];
  });
}
