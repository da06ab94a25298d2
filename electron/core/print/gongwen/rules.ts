import { RED, RED_RULE_MM } from './metrics';

/**
 * A black rule across the 版心, drawn as an SVG rectangle in millimetres: Chromium snaps CSS borders (and an SVG's
 * own box) to whole pixels, which would print a 0.35 mm and a 0.25 mm rule alike (gbt9704.md). So the SVG box is a
 * roomy 4 mm, has no viewBox to scale by, and the rectangle inside has the real thickness. `edge` says which line
 * the rule follows: the top or bottom edge of its row (inside it), or the boundary between two rows (centred on it).
 */
export function ruleSvg(thicknessMm: number, edge: 'top' | 'bottom' | 'between'): string {
  const box = 4;
  const place = {
    top: ['top:0', 0],
    bottom: ['bottom:0', box - thicknessMm],
    between: [`top:-${box / 2}mm`, box / 2 - thicknessMm / 2],
  } as const;
  const [style, y] = place[edge];
  return (
    `<svg class="rule" style="${style}" width="156mm" height="${box}mm" aria-hidden="true">` +
    `<rect y="${y}mm" width="156mm" height="${thicknessMm}mm" fill="#000"/></svg>`
  );
}

/** A five-pointed star's outline, centred on (cx, cy) with outer radius r (all in mm). */
function starPoints(cx: number, cy: number, r: number): string {
  const inner = r * 0.382;
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? r : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push(`${(cx + radius * Math.cos(angle)).toFixed(3)},${(cy + radius * Math.sin(angle)).toFixed(3)}`);
  }
  return points.join(' ');
}

/**
 * The red 分隔线 across the full 版心, in a 5 mm tall box whose middle is the rule; party organs put a ★ in its
 * middle (GB/T 9704 7.2.6), which interrupts the rule for the star's width.
 */
export function redRuleSvg(withStar: boolean): string {
  const mid = 2.5;
  const top = mid - RED_RULE_MM / 2;
  const bar = (x: number, w: number) =>
    `<rect x="${x}" y="${top}" width="${w}" height="${RED_RULE_MM}" fill="${RED}"/>`;
  const body = withStar
    ? `${bar(0, 75.5)}${bar(80.5, 75.5)}<polygon points="${starPoints(78, mid + 0.2, 2.4)}" fill="${RED}"/>`
    : bar(0, 156);
  return (
    `<svg class="red-rule" width="156mm" height="5mm" viewBox="0 0 156 5" preserveAspectRatio="none" ` +
    `aria-hidden="true">${body}</svg>`
  );
}
