import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';

/** Reading PDFs the way a clerk's viewer would: page sizes (pdf-lib), text and fonts (poppler). */

export const PT_PER_MM = 72 / 25.4;

export async function pageSizesMm(pdf: Uint8Array): Promise<{ width: number; height: number }[]> {
  const doc = await PDFDocument.load(pdf);
  return doc.getPages().map((p) => ({ width: p.getWidth() / PT_PER_MM, height: p.getHeight() / PT_PER_MM }));
}

function withFile<T>(pdf: Uint8Array, run: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'yqyc-pdf-'));
  const path = join(dir, 'doc.pdf');
  try {
    writeFileSync(path, pdf);
    return run(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of each page as pdftotext extracts it (what a clerk gets by copying out of the PDF). */
export function pageTexts(pdf: Uint8Array): string[] {
  const text = withFile(pdf, (path) => execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }));
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

/** pdffonts' table: a Type 3 font here means a face Chromium could not embed properly (gbt9704.md). */
export function pdfFonts(pdf: Uint8Array): PdfFont[] {
  const out = withFile(pdf, (path) => execFileSync('pdffonts', [path], { encoding: 'utf8' }));
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const m = /^(\S+)\s+(Type 3|CID TrueType|TrueType|Type 1C|Type 1|CID Type 0C|CID Type 0)\s+\S+\s+(yes|no)/.exec(
        line,
      );
      return { name: m?.[1] ?? line, type: m?.[2] ?? 'unknown', embedded: m?.[3] === 'yes' };
    });
}

/** True when the text layer holds Kangxi radicals (⼀ U+2F00…) where CJK ideographs were printed. */
export function hasKangxiRadicals(text: string): boolean {
  return /[\u2f00-\u2fdf\u2e80-\u2eff]/.test(text);
}
