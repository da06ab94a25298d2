import { readFileSync, writeFileSync } from 'node:fs';
import { writeZip, type ZipPart } from '../../fixtures/excel/zipWriter';
import type { Prng } from './prng';

/**
 * Broken spreadsheets for the import, made by mutating one small valid workbook (hand-zipped, so parts can be
 * duplicated, dropped or given lying sizes) or one small CSV. The rows name an area the ledger does not have, so
 * even a file that survives the mutation intact adds nothing: every row is rejected with its reason.
 */
export interface SheetInput {
  kind: 'sheet';
  label: string;
  fileName: string;
  /** Writes the file at `path`. */
  write(path: string): Promise<void>;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

const ROWS: string[][] = [
  ['企业名称', '统一社会信用代码', '所在区域', '职工人数'],
  ['模糊测试甲公司', '91330683MA2A0001X1', '不存在村', '12'],
  ['模糊测试乙公司', '91330683MA2A0002X2', '不存在村', '30'],
  ['模糊测试丙公司', '', '不存在村', '5'],
];

const col = (i: number) => String.fromCharCode(65 + i);
const cell = (ref: string, text: string) =>
  /^\d+$/.test(text) ? `<c r="${ref}"><v>${text}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

function sheetXml(rows: string[][] = ROWS): string {
  const body = rows
    .map((r, i) => `<row r="${i + 1}">${r.map((v, j) => cell(`${col(j)}${i + 1}`, v)).join('')}</row>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

function parts(sheet = sheetXml()): ZipPart[] {
  return [
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: '_rels/.rels', data: ROOT_RELS },
    { name: 'xl/workbook.xml', data: WORKBOOK },
    { name: 'xl/_rels/workbook.xml.rels', data: WORKBOOK_RELS },
    { name: 'xl/worksheets/sheet1.xml', data: sheet },
  ];
}

export const BASE_CSV = `\ufeff${ROWS.map((r) => r.join(',')).join('\r\n')}\r\n`;

/** The valid workbook's bytes, for byte-level mutations. */
async function baseXlsx(scratch: string): Promise<Buffer> {
  await writeZip(scratch, parts());
  return readFileSync(scratch);
}

function flip(bytes: Buffer, rand: Prng, n: number): Buffer {
  const out = Buffer.from(bytes);
  for (let i = 0; i < n; i++) {
    const at = rand.int(out.length);
    out[at] = out[at]! ^ (1 + rand.int(255));
  }
  return out;
}

type Mutation = (rand: Prng) => { label: string; ext: 'xlsx' | 'csv'; write: (path: string) => Promise<void> };

const bytesOf =
  (make: (base: Buffer) => Buffer) =>
  async (path: string): Promise<void> => {
    const base = await baseXlsx(path);
    writeFileSync(path, make(base));
  };

const MUTATIONS: Mutation[] = [
  (rand) => {
    const n = rand.pick([1, 4, 16, 64]);
    return { label: `翻转 ${n} 个字节`, ext: 'xlsx', write: bytesOf((b) => flip(b, rand, n)) };
  },
  (rand) => {
    const f = rand.next();
    return {
      label: `截断到 ${Math.round(f * 100)}%`,
      ext: 'xlsx',
      write: bytesOf((b) => b.subarray(0, Math.floor(b.length * f))),
    };
  },
  (rand) => {
    const which = rand.int(5);
    return {
      label: `重复的压缩包条目 ${which}`,
      ext: 'xlsx',
      write: async (path) => {
        const p = parts();
        const dup = {
          ...p[which]!,
          data: rand.int(2) === 0 ? p[which]!.data : sheetXml([['__proto__', 'constructor']]),
        };
        p.splice(rand.int(p.length + 1), 0, dup);
        await writeZip(path, p);
      },
    };
  },
  (rand) => {
    const which = rand.int(5);
    const size = rand.pick([0, 1, 17, 0x7fffffff, 0xffffffff]);
    const compressed = rand.int(2) === 0;
    return {
      label: `目录声明的${compressed ? '压缩' : ''}大小为 ${size}（条目 ${which}）`,
      ext: 'xlsx',
      write: async (path) => {
        const p = parts();
        p[which] = { ...p[which]!, declare: compressed ? { compressedSize: size } : { size } };
        await writeZip(path, p);
      },
    };
  },
  (rand) => {
    const which = rand.int(5);
    return {
      label: `缺少条目 ${which}`,
      ext: 'xlsx',
      write: (path) =>
        writeZip(
          path,
          parts().filter((_, i) => i !== which),
        ),
    };
  },
  (rand) => {
    const garbage = rand.pick([
      '<<<>>>',
      '</row></sheetData>',
      '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
      '&e;',
      '\u0000',
      '<c r="XFD1048577"><v>1</v></c>',
      '<row r="-1"/>',
      '<c r="A0"/>',
    ]);
    return {
      label: `工作表 XML 中插入 ${JSON.stringify(garbage).slice(0, 30)}`,
      ext: 'xlsx',
      write: async (path) => {
        const xml = sheetXml();
        const at = rand.int(xml.length);
        await writeZip(path, parts(xml.slice(0, at) + garbage + xml.slice(at)));
      },
    };
  },
  (rand) => {
    const n = rand.pick([1, 8, 32]);
    return {
      label: `CSV 翻转 ${n} 个字节`,
      ext: 'csv',
      write: async (path) => writeFileSync(path, flip(Buffer.from(BASE_CSV), rand, n)),
    };
  },
  (rand) => {
    const extra = rand.pick([
      '\u0000\u0000\u0000',
      '\xff\xfe\xfd',
      `"${'长'.repeat(1024 * 1024)}"`,
      Array.from({ length: 20_000 }, (_, i) => `列${i}`).join(','),
      "=cmd|' /C calc'!A0,@SUM(1+1),+1,-1",
      '"未闭合的引号,',
      '__proto__,constructor,prototype',
    ]);
    return {
      label: `CSV 加入一行 ${JSON.stringify(extra.slice(0, 20))}…（${extra.length} 字）`,
      ext: 'csv',
      write: async (path) => {
        const lines = BASE_CSV.split('\r\n');
        lines.splice(1 + rand.int(lines.length - 1), 0, extra);
        writeFileSync(path, lines.join('\r\n'));
      },
    };
  },
];

export function sheetInput(rand: Prng, index: number): SheetInput {
  const m = rand.pick(MUTATIONS)(rand);
  return { kind: 'sheet', label: `#${index} ${m.label}`, fileName: `fuzz-${index}.${m.ext}`, write: m.write };
}
