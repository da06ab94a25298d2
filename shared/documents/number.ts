/**
 * 发文字号: 代字〔年份〕序号号 — 六角括号, the year in full, the sequence without leading zeros and without 第
 * (GB/T 9704 7.2.4). Clerks type [ ], 【 】 or ( ) for the brackets; those are read, never printed.
 */

export interface DocNumber {
  code: string;
  year: number;
  seq: number;
}

export function formatDocNumber(n: DocNumber): string {
  return `${n.code}〔${n.year}〕${n.seq}号`;
}

const NUMBER = /^\s*(\S+?)\s*[〔[【(（]\s*(\d{4})\s*[〕\]】)）]\s*第?\s*0*(\d{1,5})\s*号\s*$/;

/** Reads a 发文字号 as a clerk may type it; null when it is not one. */
export function parseDocNumber(text: string): DocNumber | null {
  const m = NUMBER.exec(text);
  if (!m) return null;
  const seq = Number(m[3]);
  if (seq < 1) return null;
  return { code: m[1]!, year: Number(m[2]), seq };
}

/** 代字: a few Chinese characters (长委, 长委办); no brackets or digits, which would make the number ambiguous. */
export const DOC_CODE = /^[\u4e00-\u9fa5A-Za-z]{1,10}$/;
