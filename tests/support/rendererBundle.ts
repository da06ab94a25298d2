import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One chunk of vite's manifest (build.manifest in vite.renderer.config.ts). */
interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export interface RendererBundle {
  dir: string;
  /** What index.html loads before any interaction: the entry, its static imports (transitively) and their CSS. */
  initial: string[];
  /** Every script and style sheet of the build. */
  all: string[];
  /** The chunks loaded on demand (import()), by the file that starts them under renderer/, e.g. features/excel/ExcelScreen.tsx. */
  dynamicEntries: Map<string, string>;
  /** For each chunk: the packages (node_modules/<name>) and the app's own files in it (.vite/modules.json). */
  contents: Record<string, string[]>;
  /** For each chunk: the chunks it imports statically, which load with it. */
  imports: Record<string, string[]>;
}

/** A chunk and every chunk loaded with it (its static imports, transitively): what fetching it costs. */
export function loadedWith(bundle: RendererBundle, file: string): string[] {
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const next of bundle.imports[f] ?? []) visit(next);
  };
  visit(file);
  return [...seen];
}

export const RENDERER_DIR = join(process.cwd(), 'out', 'renderer');

/** Reads the built renderer; a missing or old build is named with the command that makes it. */
export function readRendererBundle(dir = RENDERER_DIR): RendererBundle {
  const manifestFile = join(dir, '.vite', 'manifest.json');
  const contentsFile = join(dir, '.vite', 'modules.json');
  if (!existsSync(manifestFile) || !existsSync(contentsFile)) {
    throw new Error(
      `找不到渲染端的构建结果（${manifestFile}），请先运行 npm run build:renderer / ` +
        'renderer build missing: run `npm run build:renderer` first',
    );
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>;
  const contents = JSON.parse(readFileSync(contentsFile, 'utf8')) as Record<string, string[]>;
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
  if (!entry) throw new Error(`构建清单中没有入口 / no entry in ${manifestFile}`);

  const initial = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key]!;
    initial.add(chunk.file);
    for (const css of chunk.css ?? []) initial.add(css);
    for (const next of chunk.imports ?? []) visit(next);
  };
  visit(entry);

  const all = new Set<string>();
  const dynamicEntries = new Map<string, string>();
  const imports: Record<string, string[]> = {};
  for (const chunk of Object.values(manifest)) {
    imports[chunk.file] = (chunk.imports ?? []).map((key) => manifest[key]!.file);
    if (chunk.file.endsWith('.js') || chunk.file.endsWith('.css')) all.add(chunk.file);
    for (const css of chunk.css ?? []) all.add(css);
    for (const target of chunk.dynamicImports ?? []) dynamicEntries.set(target, manifest[target]!.file);
  }
  return { dir, initial: [...initial].sort(), all: [...all].sort(), dynamicEntries, contents, imports };
}

/** Bytes of these files as the browser parses them (raw) and as a server would send them (gzip, level 9), in KB. */
export function sizeKB(bundle: RendererBundle, files: string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const path = join(bundle.dir, file);
    raw += statSync(path).size;
    gzip += gzipSync(readFileSync(path), { level: 9 }).length;
  }
  const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
  return { raw: kb(raw), gzip: kb(gzip) };
}
