import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors';

/** What the saved or printed guide is called. */
export const GUIDE_FILE_NAME = '一企一策党建台账操作手册.pdf';

/**
 * The built guide (scripts/build-guide.mjs) sits in the renderer's folder, which is the core worker's sibling in
 * every bundle (out/node, out/desktop); run from the sources (tests, `npm run web`) it is the built out/ folder.
 */
function guideCandidates(): string[] {
  const bundled = fileURLToPath(new URL('../renderer/guide/index.html', import.meta.url));
  return [bundled, join(process.cwd(), 'out', 'renderer', 'guide', 'index.html')];
}

export function readGuideHtml(): string {
  const found = guideCandidates().find((path) => existsSync(path));
  if (!found) throw new AppError('NOT_FOUND', '找不到操作手册文件，程序文件可能不完整，请重新安装本程序');
  return readFileSync(found, 'utf8');
}
