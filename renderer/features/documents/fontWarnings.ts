import type { FontReport } from '../../../shared/ipc/print';

/**
 * What the clerk is told about fonts before printing: each of the standard's faces this PC lacks and the face that
 * prints in its place, e.g. “本机未安装仿宋_GB2312，将使用 GW FandolFang 代替打印”.
 */
export function fontWarnings(report: FontReport | null, extra: readonly string[] = []): string[] {
  const own = (report?.roles ?? [])
    .filter((r) => !r.standard)
    .map((r) =>
      r.used ? `本机未安装${r.required}，将使用 ${r.used} 代替打印` : `本机未安装${r.required}，也未找到可代替的字体`,
    );
  // The print's own warnings come from the same font check in other words: showing both listed every missing
  // face twice. They stand in only while this screen's own check has not answered.
  return [...new Set(report ? own : extra)];
}
