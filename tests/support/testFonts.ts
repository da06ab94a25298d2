import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** TrueType stand-ins for the 公文 faces (GW FandolFang …; see tests/fixtures/fonts/README.md). */
export const TEST_FONTS_DIR = resolve(import.meta.dirname, '../fixtures/fonts');

/**
 * The standard's face names resolve to the stand-ins, as on a PC that has them: LibreOffice lays a .docx out in
 * 仿宋_GB2312's metrics only if something answers to that name (Chromium reports the face it really used either way).
 */
const STAND_INS: Record<string, string> = {
  仿宋_GB2312: 'GW FandolFang',
  方正小标宋简体: 'GW FandolSong Bold',
  黑体: 'GW FandolHei',
  楷体_GB2312: 'GW FandolKai',
  宋体: 'GW FandolSong',
};
const ALIASES = Object.entries(STAND_INS)
  .map(
    ([name, face]) =>
      `  <alias binding="same"><family>${name}</family><prefer><family>${face}</family></prefer></alias>`,
  )
  .join('\n');

/**
 * A fontconfig file that adds the test fonts to the system's, for a Chromium started by a test (or by the product
 * under test: children inherit the environment). Nothing is installed on the machine.
 */
export function testFontConfig(): string {
  const dir = mkdtempSync(join(tmpdir(), 'yqyc-fonts-'));
  const file = join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${TEST_FONTS_DIR}</dir>
${ALIASES}
  <cachedir>${join(dir, 'cache')}</cachedir>
</fontconfig>
`,
  );
  return file;
}

/** Points this process (and every Chromium it starts) at the test fonts. Idempotent. */
export function useTestFonts(): void {
  if (!process.env.YQYC_TEST_FONTS_CONF) process.env.YQYC_TEST_FONTS_CONF = testFontConfig();
  process.env.FONTCONFIG_FILE = process.env.YQYC_TEST_FONTS_CONF;
}
