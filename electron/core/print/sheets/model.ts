/** STUB — owned by the printables helper: what a 企业台账卡 and an 一企一策方案 sheet show. */
export interface LedgerCard {
  enterpriseId: number;
  name: string;
}
export interface PlanSheet {
  planId: number;
  enterpriseName: string;
}
