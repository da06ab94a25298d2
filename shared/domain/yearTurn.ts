/** 年度结转: what closing a year did, kept so it is done once and can be looked up. */
export interface YearClosing {
  year: number;
  closedAt: string;
  /** The snapshot taken at the year's end (or today, closing before 31 December); null if deleted since. */
  snapshotId: number | null;
  /** The archived copy of the ledger, in the data folder's archives/. */
  archiveName: string;
  /** Open plans of the year (outside campaigns) moved into the next year. */
  carriedPlans: number;
  /** Open plans left where they were: the enterprise already had an open plan in the next year. */
  keptPlans: number;
  /** Next year's assessments started, one per enterprise assessed this year, to be scored. */
  startedAssessments: number;
}
