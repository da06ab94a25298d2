/**
 * The 正文's structure as GB/T 9704 7.3.3 sets it: headings 一、 （一） 1. （1）. A heading's level decides its
 * font; the text after a level-1 or level-2 heading sentence on the same paragraph stays in the body face.
 */
export type HeadingLevel = 0 | 1 | 2 | 3 | 4;

const LEVELS: [RegExp, HeadingLevel][] = [
  [/^[一二三四五六七八九十]+、/, 1],
  [/^（[一二三四五六七八九十]+）/, 2],
  [/^\d+[.．]/, 3],
  [/^（\d+）/, 4],
];

export function headingLevel(paragraph: string): HeadingLevel {
  for (const [re, level] of LEVELS) if (re.test(paragraph)) return level;
  return 0;
}

/** The body's paragraphs: blank lines dropped, each trimmed of surrounding (ASCII and full-width) spaces. */
export function paragraphsOf(body: string): string[] {
  return body
    .split(/\r?\n/)
    .map((p) => p.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((p) => p !== '');
}

/**
 * A level-1 or level-2 heading paragraph split into its heading (in 黑体 or 楷体) and the text that runs on in the
 * body face: “（一）摸清底数。全面排查……” → [“（一）摸清底数。”, “全面排查……”]. A heading without a full stop is
 * all heading.
 */
export function splitHeading(paragraph: string): { heading: string; rest: string } {
  const stop = paragraph.indexOf('。');
  if (stop === -1 || stop === paragraph.length - 1) return { heading: paragraph, rest: '' };
  return { heading: paragraph.slice(0, stop + 1), rest: paragraph.slice(stop + 1) };
}
