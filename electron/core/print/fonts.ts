import type { FontRole } from '../../../shared/ipc/print';

/**
 * The 公文 faces and where to find them (gbt9704.md, "Font stacks"): first the names on Windows and on 统信UOS/麒麟
 * government images, then free TrueType stand-ins. CFF-flavoured fonts (Noto CJK, Fandol .otf) are left out on
 * purpose: Chromium embeds them as unnamed Type 3 fonts with Kangxi radicals in the text layer, so a PDF printed in
 * them cannot be searched or copied. GB2312 faces lack rare name characters (镕 堃 喆 赟); the TrueType AR PL fonts at
 * the end of each stack cover those glyph by glyph.
 */
export interface FontStack {
  role: FontRole['role'];
  /** What GB/T 9704 asks for, as the font check names it. */
  required: string;
  /** The standard's own face under its Windows, 方正 and macOS names: any of these is "installed". */
  standard: string[];
  /** Free TrueType stand-ins, best first. */
  standIns: string[];
}

const RARE_GLYPHS = ['AR PL UKai CN', 'AR PL UMing CN', 'WenQuanYi Zen Hei'];

export const FONT_STACKS: Record<FontRole['role'], FontStack> = {
  仿宋: {
    role: '仿宋',
    required: '仿宋_GB2312',
    standard: ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', '方正仿宋_GBK', 'FZFangSong-Z02', 'STFangsong'],
    standIns: ['GW FandolFang', ...RARE_GLYPHS],
  },
  小标宋: {
    role: '小标宋',
    required: '方正小标宋简体',
    standard: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', '方正小标宋_GBK', 'FZXiaoBiaoSong-B05'],
    standIns: ['GW FandolSong Bold', ...RARE_GLYPHS],
  },
  黑体: {
    role: '黑体',
    required: '黑体',
    standard: ['黑体', 'SimHei', '方正黑体_GBK', 'FZHei-B01S', 'STHeiti'],
    standIns: ['GW FandolHei', 'WenQuanYi Zen Hei', 'AR PL UKai CN'],
  },
  楷体: {
    role: '楷体',
    required: '楷体_GB2312',
    standard: ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', '方正楷体_GBK', 'FZKai-Z03S', 'STKaiti'],
    standIns: ['GW FandolKai', 'AR PL KaitiM GB', 'AR PL UKai CN', ...RARE_GLYPHS.slice(1)],
  },
  宋体: {
    role: '宋体',
    required: '宋体',
    standard: ['宋体', 'SimSun', '方正书宋_GBK', 'STSong'],
    standIns: ['GW FandolSong', 'AR PL UMing CN', 'AR PL SungtiL GB', ...RARE_GLYPHS],
  },
};

/** A CSS font-family list for a role: standard names first, stand-ins after; never a generic family. */
export function fontFamily(role: FontRole['role']): string {
  const stack = FONT_STACKS[role];
  return [...stack.standard, ...stack.standIns].map((f) => `"${f}"`).join(', ');
}
