import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Measuring a printed PDF the way a clerk measures paper with a ruler, in millimetres from the page's top-left
 * corner: text lines from poppler's `pdftotext -bbox-layout`, rules by rasterising with `pdftoppm` and scanning for
 * long horizontal runs of one colour.
 */

const MM_PER_PT = 25.4 / 72;

export interface TextLine {
  page: number;
  text: string;
  /** The line's box in mm (the font's ascent-to-descent box, not the ink). */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function withPdf<T>(pdf: Uint8Array, run: (path: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'yqyc-layout-'));
  try {
    const path = join(dir, 'doc.pdf');
    writeFileSync(path, pdf);
    return run(path, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Every text line of every page (pages from 1), words joined without the spaces pdftotext puts between them. */
export function textLines(pdf: Uint8Array): TextLine[] {
  const xml = withPdf(pdf, (path) =>
    execFileSync('pdftotext', ['-enc', 'UTF-8', '-bbox-layout', path, '-'], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    }),
  );
  const lines: TextLine[] = [];
  const pages = xml.split(/<page /).slice(1);
  pages.forEach((pageXml, index) => {
    const lineRe = /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g;
    for (let m = lineRe.exec(pageXml); m; m = lineRe.exec(pageXml)) {
      const words = [...m[5]!.matchAll(/<word[^>]*>([\s\S]*?)<\/word>/g)].map((w) => decode(w[1]!));
      lines.push({
        page: index + 1,
        text: words.join(''),
        left: Number(m[1]) * MM_PER_PT,
        top: Number(m[2]) * MM_PER_PT,
        right: Number(m[3]) * MM_PER_PT,
        bottom: Number(m[4]) * MM_PER_PT,
      });
    }
  });
  return lines;
}

export type RuleColour = 'red' | 'black';

export interface HorizontalRule {
  /** Top and bottom of the inked rows, in mm from the page top. */
  top: number;
  bottom: number;
  thickness: number;
  /** The leftmost and rightmost inked columns of the rule, in mm. */
  left: number;
  right: number;
}

function isColour(r: number, g: number, b: number, colour: RuleColour): boolean {
  // Half-covered (anti-aliased) edge pixels count when they are at least half the way to the ink.
  return colour === 'red' ? r > 180 && g < 150 && b < 150 && r - g > 90 : r < 128 && g < 128 && b < 128;
}

/**
 * Horizontal rules on one page (from 1): rows whose runs of `colour` at least `minRunMm` long add up to at least
 * `minWidthMm`, grouped into rules. Text never makes such runs; a ★ splitting the red rule does not hide it.
 */
export function horizontalRules(
  pdf: Uint8Array,
  page: number,
  colour: RuleColour,
  { dpi = 600, minWidthMm = 60, minRunMm = 20 } = {},
): HorizontalRule[] {
  const ppm = withPdf(pdf, (path, dir) => {
    execFileSync('pdftoppm', [
      '-r',
      String(dpi),
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      path,
      join(dir, 'p'),
    ]);
    return readFileSync(join(dir, 'p.ppm'));
  });
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a binary PPM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const data = ppm.subarray(header[0].length);
  const pxPerMm = dpi / 25.4;
  const minRun = minRunMm * pxPerMm;
  const rows: { y: number; left: number; right: number }[] = [];
  for (let y = 0; y < height; y++) {
    let total = 0;
    let run = 0;
    let left = -1;
    let right = -1;
    for (let x = 0; x <= width; x++) {
      const i = (y * width + x) * 3;
      if (x < width && isColour(data[i]!, data[i + 1]!, data[i + 2]!, colour)) {
        run++;
        continue;
      }
      if (run >= minRun) {
        total += run;
        if (left < 0) left = x - run;
        right = x;
      }
      run = 0;
    }
    if (total >= minWidthMm * pxPerMm) rows.push({ y, left, right });
  }
  const rules: HorizontalRule[] = [];
  const coverage = (x: number, y: number) => {
    if (y < 0 || y >= height) return 0;
    const i = (y * width + x) * 3;
    const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
    const c = colour === 'red' ? (Math.min(r, 255) - Math.max(g, b)) / (255 - 51) : 1 - (r + g + b) / 765;
    return Math.min(1, Math.max(0, c));
  };
  for (const row of rows) {
    const last = rules.at(-1);
    const top = row.y / pxPerMm;
    if (last && Math.abs(last.bottom - top) < 0.5 / pxPerMm + 1e-9) {
      last.bottom = (row.y + 1) / pxPerMm;
      last.thickness = last.bottom - last.top;
      last.left = Math.min(last.left, row.left / pxPerMm);
      last.right = Math.max(last.right, row.right / pxPerMm);
    } else {
      rules.push({
        top,
        bottom: (row.y + 1) / pxPerMm,
        thickness: 1 / pxPerMm,
        left: row.left / pxPerMm,
        right: row.right / pxPerMm,
      });
    }
  }
  // Thickness from ink coverage, so anti-aliased edge rows count by how much of them is inked.
  for (const rule of rules) {
    const [y0, y1] = [Math.round(rule.top * pxPerMm), Math.round(rule.bottom * pxPerMm)];
    const samples = 40;
    let sum = 0;
    for (let k = 0; k < samples; k++) {
      const x = Math.round((rule.left + ((rule.right - rule.left) * (k + 0.5)) / samples) * pxPerMm);
      if (x < 0 || x >= width) continue;
      for (let y = y0 - 3; y < y1 + 3; y++) sum += coverage(x, y);
    }
    rule.thickness = sum / samples / pxPerMm;
  }
  return rules;
}

/** The topmost row holding any pixel of `colour` in the page (from 1), in mm — the ink top of a red banner. */
export function inkTop(pdf: Uint8Array, page: number, colour: RuleColour, dpi = 300): number | null {
  const rules = horizontalRules(pdf, page, colour, { dpi, minWidthMm: 0.01, minRunMm: 0.01 });
  return rules[0]?.top ?? null;
}

/** A page number as GB/T 9704 prints it: “— 3 —”, its number and which side of the 版心 it stands on. */
export interface PageNumber {
  page: number;
  number: number;
  side: 'left' | 'right';
  line: TextLine;
}

/** The page-number line of each page: the text under the 版心 (below 262 mm) reading “— N —”. */
export function pageNumbers(lines: TextLine[]): PageNumber[] {
  return lines
    .filter((l) => l.top > 262 && /^—\s*\d+\s*—$/.test(l.text.trim()))
    .map((l) => ({
      page: l.page,
      number: Number(/\d+/.exec(l.text)![0]),
      side: (l.left + l.right) / 2 > 105 ? 'right' : 'left',
      line: l,
    }));
}
