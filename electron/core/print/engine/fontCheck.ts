import type { FontRole } from '../../../../shared/ipc/print';
import { FONT_STACKS, fontFamily } from '../fonts';

/** The five roles the font check reports, in the order the screen lists them. */
export const FONT_ROLES = Object.keys(FONT_STACKS) as FontRole['role'][];

/** A sample per role, in characters every 公文 face has, each in an element the check can find by id. */
const SAMPLE = '中共长乐镇委员会关于成立党支部的批复';

export function fontProbeId(role: FontRole['role']): string {
  return `probe-${FONT_ROLES.indexOf(role)}`;
}

/** A page holding one span per role in that role's stack, as the 公文 layout sets it. */
export function fontProbeHtml(): string {
  const spans = FONT_ROLES.map(
    (role) => `<p><span id="${fontProbeId(role)}" style='font-family: ${fontFamily(role)}'>${SAMPLE}</span></p>`,
  ).join('\n');
  return `<!doctype html><html lang="zh-CN" data-ready="1"><head><meta charset="utf-8"></head><body>${spans}</body></html>`;
}

/** The face that drew the most glyphs of a node (CSS.getPlatformFontsForNode's answer). */
export function mainFace(fonts: { familyName: string; glyphCount: number }[]): string | null {
  let best: { familyName: string; glyphCount: number } | null = null;
  for (const f of fonts) if (!best || f.glyphCount > best.glyphCount) best = f;
  return best?.familyName ?? null;
}

/** One role's line of the report from the face Chromium used. */
export function fontRole(role: FontRole['role'], used: string | null): FontRole {
  const stack = FONT_STACKS[role];
  return { role, required: stack.required, used, standard: used !== null && stack.standard.includes(used) };
}

/** What the clerk reads beside the preview for each face that is not the standard's own. */
export function fontWarnings(roles: FontRole[]): string[] {
  return roles
    .filter((r) => !r.standard)
    .map((r) =>
      r.used
        ? `本机未安装${r.required}，使用 ${r.used} 代替`
        : `本机未安装${r.required}，也没有可代替的字体，打印效果可能不符合公文格式`,
    );
}
