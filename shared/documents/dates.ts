/** 2011年8月9日 from 2011-08-09: Arabic numerals without leading zeros (GB/T 9704 7.3.5.1). */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}
