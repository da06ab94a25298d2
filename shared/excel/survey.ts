import type { EnterpriseFields } from '../domain/enterpriseInput';

/**
 * The 调查表 round trip: a workbook written by this program for one area or work group, filled in by the
 * enterprises or the work group, and imported back. Both halves agree on these.
 */

/** The first column: the ledger's record id. Locked in the sheet; the import matches on it and nothing else. */
export const SURVEY_ID_HEADER = '记录编号（请勿修改）';

/** A hidden sheet whose A1 holds SURVEY_MARK and A2 the township, so the import knows a 调查表 when it sees one. */
export const SURVEY_MARK_SHEET = 'yqyc_survey';
export const SURVEY_MARK = 'yiqiyice-survey-v1';

/** The columns after the id, in order; the header of each is ENTERPRISE_FIELD_LABELS[field]. */
export const SURVEY_FIELDS = [
  'name',
  'uscc',
  'ownership',
  'industry',
  'operatingStatus',
  'employees',
  'revenue',
  'ownerName',
  'ownerIsMember',
  'contactName',
  'contactPhone',
  'fullMembers',
  'probationaryMembers',
  'activists',
  'noOrgReason',
  'hasUnion',
  'hasYouthLeague',
  'hasWomenFederation',
] as const satisfies readonly (keyof EnterpriseFields)[];
export type SurveyField = (typeof SURVEY_FIELDS)[number];
