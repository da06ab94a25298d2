import { fontFamily } from '../fonts';
import {
  BANNER_MM,
  BANNER_TOP_MM,
  BODY_PT,
  CELL,
  HEAD_LINES,
  LINE_PT,
  NUMBER_TOP_PT,
  PAGE_NO_GAP_MM,
  PAGE_NO_PT,
  RED,
  RED_RULE_MM,
  RED_RULE_TOP_PT,
  cells,
} from './metrics';

const fang = fontFamily('仿宋');
const song = fontFamily('宋体');

/**
 * A page-number margin box: the 一字线 (the em box's middle) 7 mm under the 版心, one 4号 character in from the outer
 * side. Margin boxes sit in the 35 mm bottom margin, so the padding places the line from the 版心's edge.
 */
function pageNumberBox(side: 'left' | 'right'): string {
  return `@bottom-${side} {
    content: "\\2014\\00a0" counter(page) "\\00a0\\2014";
    font: ${PAGE_NO_PT}pt/${PAGE_NO_PT}pt ${song};
    letter-spacing: 0;
    color: #000;
    text-align: ${side};
    vertical-align: top;
    /* Chromium sets the margin box's line 1 mm lower than its padding says (measured in the PDF): take it back. */
    padding-top: calc(${PAGE_NO_GAP_MM}mm - ${PAGE_NO_PT / 2}pt - 1mm);
    padding-${side}: ${PAGE_NO_PT}pt;
  }`;
}

/** The print style sheet: the 版心 is the page box's content area, so Chromium's own pagination keeps the margins. */
export function gongwenCss(): string {
  return `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@page :right { ${pageNumberBox('right')} }
@page :left { ${pageNumberBox('left')} }
html {
  font: ${BODY_PT}pt/${LINE_PT}pt ${fang};
  letter-spacing: -0.21pt;
  text-spacing-trim: space-all;
  orphans: 1;
  widows: 1;
  color: #000;
  -webkit-print-color-adjust: exact;
  print-color-adjust: exact;
}
body { margin: 0; }
.flow { width: 156mm; }
p, .flow > * { margin: 0; }
.head { position: relative; height: calc(${LINE_PT}pt * ${HEAD_LINES}); }
.head > * { position: absolute; left: 0; right: 0; }
.urgency { top: 0; font-family: ${fontFamily('黑体')}; }
.banner {
  /* A CJK face's ink starts about 0.06 em under its em box: lift the box so the ink's top is the 35 mm. */
  top: calc(${BANNER_TOP_MM}mm - 0.06 * ${BANNER_MM}mm);
  height: ${BANNER_MM}mm;
  font: ${BANNER_MM}mm/${BANNER_MM}mm ${fontFamily('小标宋')};
  letter-spacing: 0;
  color: ${RED};
  text-align: center;
  white-space: nowrap;
  /* A long banner is squeezed with a transform, which leaves its layout width: clip that, or Chromium shrinks the
     whole page to fit it. */
  overflow: clip;
}
.banner span { display: inline-block; transform-origin: 0 50%; }
.number { top: ${NUMBER_TOP_PT}pt; height: ${LINE_PT}pt; text-align: center; white-space: nowrap; }
.number.upward { display: flex; justify-content: space-between; padding: 0 ${CELL}; text-align: left; }
.kai { font-family: ${fontFamily('楷体')}; }
.hei { font-family: ${fontFamily('黑体')}; }
.red-rule { top: calc(${RED_RULE_TOP_PT}pt + ${RED_RULE_MM / 2}mm - 2.5mm); display: block; }
.blank { height: ${LINE_PT}pt; }
.title, .annex-title {
  font: 22pt/${LINE_PT}pt ${fontFamily('小标宋')};
  letter-spacing: 0;
  text-align: center;
  text-wrap: balance;
}
.addressees { text-align: justify; }
p { text-indent: ${cells(2)}; text-align: justify; }
.annex-note { display: flex; padding-left: ${cells(2)}; }
.annex-note .label { flex: none; }
.annex-note .items { flex: 1; text-align: justify; }
.sign { break-inside: avoid; }
.sign.sealed .issuer span, .sign.sealed .date span { display: inline-block; vertical-align: top; white-space: nowrap; }
.sign.sealed .date { text-align: right; padding-right: ${cells(4)}; }
.sign.plain { text-align: right; padding-right: ${cells(2)}; }
.sign.plain .box { display: inline-block; text-align: left; white-space: nowrap; }
.sign.plain .box .date { padding-left: ${cells(2)}; }
.annex-label { font-family: ${fontFamily('黑体')}; }
.annex-start { break-before: page; }
table.annex-table {
  width: 100%;
  table-layout: fixed;
  border-collapse: collapse;
  font: 12pt/1.5 ${song};
  letter-spacing: 0;
  text-spacing-trim: space-all;
}
.annex-table th, .annex-table td { border: 1px solid #000; padding: 1mm 1.5mm; text-align: center; vertical-align: middle; }
.annex-table th { font-family: ${fontFamily('黑体')}; font-weight: normal; }
.annex-table thead { display: table-header-group; }
.annex-table tr { break-inside: avoid; }
.imprint-spacer { height: 0; }
.imprint { break-inside: avoid; font: 14pt/${LINE_PT}pt ${fang}; letter-spacing: 0; }
.imprint .row { position: relative; padding: 0 14pt; }
.imprint .cc { padding-left: calc(14pt + 3em); text-indent: -3em; text-align: justify; }
.imprint .issued { display: flex; justify-content: space-between; }
.imprint svg { position: absolute; left: 0; display: block; }
`;
}
