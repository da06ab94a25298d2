import type { CellValue, SheetRow } from './types';

/**
 * CSV and tab-separated text as clerks get it: UTF-8 with or without a BOM, GBK from Chinese Excel and WPS, UTF-16
 * from Excel's "Unicode 文本". Every value stays text — a credit code or 身份证号 is never read as a number — and each
 * record carries the line number it starts on, which is what the clerk sees in a text editor.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not valid UTF-8: Chinese Windows saves text as GBK (the decoder reads it as its superset GB 18030).
    return new TextDecoder('gbk').decode(bytes);
  }
}

/** The separator the first line with content uses most, outside quotes: comma, tab or semicolon. */
export function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    ['\t', 0],
    [';', 0],
  ]);
  let quoted = false;
  let seenContent = false;
  for (let i = 0; i < text.length && i < 65_536; i++) {
    const ch = text[i] as string;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (seenContent) break;
    } else if (!quoted && counts.has(ch)) {
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
      seenContent = true;
    } else if (ch.trim() !== '') seenContent = true;
  }
  let best = ',';
  for (const [d, n] of counts) if (n > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** Records of a delimited text (RFC 4180 quoting; CRLF, LF or CR line ends), each with its first line's number. */
export function* parseDelimited(text: string, delimiter = sniffDelimiter(text)): Generator<SheetRow> {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < n) {
    const row = line;
    const cells: CellValue[] = [];
    let field = '';
    let quoted = false;
    let wasQuoted = false;
    for (;;) {
      if (i >= n) {
        cells.push(cellOf(field));
        break;
      }
      const ch = text[i] as string;
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            quoted = false;
            i++;
          }
          continue;
        }
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
        i++;
        continue;
      }
      if (ch === '"' && field === '' && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
        i++;
      } else if (ch === delimiter) {
        cells.push(cellOf(field));
        field = '';
        wasQuoted = false;
        i++;
      } else if (ch === '\r' || ch === '\n') {
        i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        cells.push(cellOf(field));
        break;
      } else {
        field += ch;
        i++;
      }
    }
    yield { row, cells };
  }
}

/**
 * Systems that export for Excel write ="0123" so Excel keeps leading zeros and long digit strings as text; the
 * value meant is the text inside.
 */
function cellOf(field: string): CellValue {
  if (field === '') return null;
  const m = /^="(.*)"$/s.exec(field);
  if (m) return m[1] === '' ? null : (m[1] as string).replace(/""/g, '"');
  return field;
}
