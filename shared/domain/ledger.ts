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
