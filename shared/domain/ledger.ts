import type { AreaType } from './labels';

/** A township's own settings, kept inside its ledger file. */
export interface LedgerSettings {
  township: string;
  /** 党委全称, e.g. 中共长乐镇委员会 */
  committee: string;
  /** 发文机关代字, e.g. 长委 */
  docCode: string;
  /** 发文机关标志, e.g. 中共长乐镇委员会文件 */
  docBanner: string;
  /** 上级单位 named in reports, e.g. 中共嵊州市委组织部 */
  superiorUnit: string;
  /**
   * 印发机关 in a 公文's 版记; blank means the committee's 办公室 (defaultPrintedBy). Optional so settings written
   * before it existed (a sample's, an older caller's) still type; the ledger always reads it back as text.
   */
  docPrintedBy?: string;
}

export interface Area {
  id: number;
  name: string;
  type: AreaType;
}

export interface LedgerSummary {
  enterprises: number;
  areas: number;
  schemaVersion: number;
}

/** The standard banner is the committee's full name followed by 文件. */
export function defaultDocBanner(committee: string): string {
  return `${committee}文件`;
}

/** 中共长乐镇委员会 for 长乐镇 — what a clerk would type nine times out of ten. */
export function defaultCommittee(township: string): string {
  return township ? `中共${township}委员会` : '';
}

/** 长委 for 长乐镇: the township's first character followed by 委. */
export function defaultDocCode(township: string): string {
  return township ? `${township.charAt(0)}委` : '';
}

/** The 印发机关 most committees print under: 中共长乐镇委员会办公室. */
export function defaultPrintedBy(committee: string): string {
  return committee ? `${committee}办公室` : '';
}

/** The 印发机关 a new document carries: the setting, or the committee's 办公室 when it is blank. */
export function printedByOf(settings: Pick<LedgerSettings, 'committee' | 'docPrintedBy'>): string {
  return settings.docPrintedBy?.trim() || defaultPrintedBy(settings.committee);
}
