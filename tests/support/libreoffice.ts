import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

/**
 * LibreOffice headless, the way a clerk's office suite opens what we write: converts workbooks and .docx documents to
 * PDF (to count printed pages and read the text) or back to .xlsx with every formula recalculated (to check that a 合计 recalculates to the value
 * written beside it). Each run has a private profile, so parallel test files never share one.
 */
const CANDIDATES = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/opt/libreoffice/program/soffice'];

export function sofficePath(): string | null {
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** Why LibreOffice tests cannot run on this machine (with how to fix it), or null when they can. */
export function sofficeMissing(): string | null {
  return sofficePath()
    ? null
    : 'LibreOffice (soffice) 未安装：apt-get install -y libreoffice-calc-nogui libreoffice-writer-nogui';
}

/**
 * Calc's own setting "Recalculation on file load" for Excel 2007 and newer: 0 is always. The default (never) would
 * hand back the cached values unchanged and prove nothing.
 */
const ALWAYS_RECALCULATE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

const FILTERS = {
  pdf: 'pdf:calc_pdf_Export',
  /** Writer's export, for .docx files. */
  'writer-pdf': 'pdf:writer_pdf_Export',
  xlsx: 'xlsx:Calc MS Excel 2007 XML',
  csv: 'csv:Text - txt - csv (StarCalc):44,34,76,1',
} as const;

/**
 * Converts every file in one soffice run (each start costs seconds) into `outDir`; returns the converted paths in
 * the order given. `pdf` prints with each sheet's own page setup, `writer-pdf` a .docx with its own; `xlsx` saves again after loading; `csv` writes the
 * first sheet's values as shown (comma, double quote, UTF-8).
 */
export async function convertAll(
  files: readonly string[],
  format: keyof typeof FILTERS,
  outDir: string,
): Promise<string[]> {
  const soffice = sofficePath();
  if (!soffice) throw new Error(sofficeMissing()!);
  mkdirSync(outDir, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'lo-'));
  try {
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), ALWAYS_RECALCULATE);
    const filter = FILTERS[format];
    await promisify(execFile)(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        filter,
        '--outdir',
        outDir,
        ...files,
      ],
      { timeout: 240_000, maxBuffer: 16 * 1024 * 1024 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const ext = format === 'writer-pdf' ? 'pdf' : format;
  const converted = files.map((f) => join(outDir, `${basename(f, extname(f))}.${ext}`));
  const missing = converted.filter((p) => !existsSync(p));
  if (missing.length > 0) throw new Error(`LibreOffice did not convert: ${missing.join(', ')}`);
  return converted;
}

/** Printed pages: page objects of the PDF (a /Type /Pages node is the tree, not a page). */
export function pdfPageCount(path: string): number {
  const text = readFileSync(path).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?!s)\b/g) ?? []).length;
}
