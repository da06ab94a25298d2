/**
 * What a 企业台账卡 and an 一企一策方案 sheet show, already in the words printed on paper: labels resolved, phones
 * masked, blanks as empty strings. The HTML only lays these out, so the wording is decided (and tested) here once.
 */

/** One labelled value of a card; `wide` spans the card's whole width (address, organisation, 备注). */
export interface CardField {
  label: string;
  value: string;
  wide?: boolean;
}

export interface LedgerCard {
  enterpriseId: number;
  name: string;
  /** 统一社会信用代码, empty when the enterprise has none (a 个体工商户). */
  uscc: string;
  areaName: string;
  /** The card's body, in the order a clerk checks a ledger record (八清). */
  fields: CardField[];
  note: string;
}

export interface PlanMilestoneLine {
  name: string;
  dueOn: string;
  doneOn: string;
  /** 已完成, 逾期 or 未完成. */
  status: string;
}

export interface PlanSheet {
  planId: number;
  enterpriseName: string;
  uscc: string;
  areaName: string;
  /** 专项行动 name, or “2026年度”. */
  campaign: string;
  /** 企业基本情况, label and value. */
  basics: CardField[];
  /** 现状: members, organisation, and the clerk's own words. */
  situation: CardField[];
  problems: string;
  /** 组建方式 chosen, and the rule's suggestion with its reason when there is one. */
  method: string;
  suggestion: string;
  measures: string[];
  milestones: PlanMilestoneLine[];
  responsible: string;
  workGroup: string;
  /** 推进组 组长 and members, cut with 等N人 when long. */
  workGroupMembers: string;
  /** 审批: the status, 审批日期 and the 批复 when one was recorded. */
  approval: CardField[];
  note: string;
}
