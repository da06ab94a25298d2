import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

/**
 * The built Node bundles (`npm run build:node`): the shells' main threads start at once and the core worker loads
 * the file-format libraries only when first used. A static `import` of one of these at the top of a bundle would
 * quietly put its load time back on every start.
 */
const OUT = join(process.cwd(), 'out', 'node');
const FILE_FORMAT_PACKAGES = ['exceljs', '@e965/xlsx', 'pdf-lib', 'docx', 'jszip'];

function read(file: string): string {
  return readFileSync(join(OUT, file), 'utf8');
}

/** The packages a bundle imports statically (loaded with it), without Node's builtins. */
function staticPackages(code: string): string[] {
  const specifiers = [...code.matchAll(/^import\s(?:[^;]*?\sfrom\s*)?"([^"]+)";/gms)].map((m) => m[1]!);
  return [...new Set(specifiers.filter((s) => !s.startsWith('node:') && !s.startsWith('.')))].sort();
}

function dynamicImports(code: string): string[] {
  return [...new Set([...code.matchAll(/\bimport\("([^"]+)"\)/g)].map((m) => m[1]!))].sort();
}

const packageOf = (specifier: string) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;

test('the browser shell and the command line load no database, Excel, PDF or Word code at start', () => {
  // The browser shell's main thread only serves files and passes requests to the worker.
  expect(staticPackages(read('web.js'))).toEqual([]);
  expect(read('web.js')).toContain('core-worker.js');
  const cli = staticPackages(read('cli.js')).map(packageOf);
  for (const pkg of FILE_FORMAT_PACKAGES) expect(cli, pkg).not.toContain(pkg);
});

test('the core worker starts with SQLite, pinyin and zod only; the file-format libraries load on first use', () => {
  const worker = read('core-worker.js');
  expect(staticPackages(worker)).toEqual(['better-sqlite3-multiple-ciphers', 'pinyin-pro', 'zod']);
  // Still reachable, by import() where a spreadsheet is read or written or PDFs are joined.
  const lazy = dynamicImports(worker);
  for (const pkg of ['exceljs', '@e965/xlsx', '@e965/xlsx/dist/cpexcel.full.mjs', 'pdf-lib'])
    expect(lazy).toContain(pkg);

  // The .docx writer is a chunk of its own, loaded by import(); it alone brings docx and jszip.
  const docxChunk = lazy.find((s) => /^\.\/chunks\/gongwenDocx-[\w-]+\.js$/.test(s));
  expect(docxChunk, 'the .docx writer chunk').toBeDefined();
  expect(staticPackages(read(docxChunk!))).toEqual(['docx', 'jszip']);
  // No chunk of the worker is itself loaded at start with a file-format package.
  for (const chunk of readdirSync(join(OUT, 'chunks'))) {
    const name = `./chunks/${chunk}`;
    if (name === docxChunk) continue;
    expect(staticPackages(read(name)).map(packageOf), name).toEqual([]);
  }
});

test('the daily check’s thread is a file of its own beside the core worker that starts it, loading SQLite only', () => {
  // ledger/dailyReader.ts starts `new URL('./daily-worker.js', import.meta.url)` from the core worker's code.
  expect(read('core-worker.js')).toContain('daily-worker.js');
  expect(staticPackages(read('daily-worker.js'))).toEqual(['better-sqlite3-multiple-ciphers']);
  expect(dynamicImports(read('daily-worker.js'))).toEqual([]);
});
