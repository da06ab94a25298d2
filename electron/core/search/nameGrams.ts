/**
 * Every single character and every pair of neighbouring characters of a name, space-separated, as tokens for
 * the 1–2 character search (trigrams cannot look those up). Only letters and digits count: "长乐（分部）" gives
 * 长 乐 分 部 长乐 分部. Each token once.
 */
export function nameGrams(name: string): string {
  const grams = new Set<string>();
  for (const run of name
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)) {
    const chars = [...run];
    chars.forEach((ch, i) => {
      grams.add(ch);
      if (i + 1 < chars.length) grams.add(ch + chars[i + 1]!);
    });
  }
  return [...grams].join(' ');
}
