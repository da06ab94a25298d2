import type { ReportId } from '../../../shared/excel/kinds';
import type { ReportModel } from '../../../shared/excel/reportModel';
import { assessmentsReport } from './assessments';
import type { ReportInput } from './context';
import { coverageReport } from './coverage';
import { ledgerReport } from './ledger';
import { partyStatsReport } from './partyStats';
import { contactsReport, instructorsReport } from './people';
import { plansReport } from './plans';
import { surveyReport } from './survey';
import { unorganisedReport } from './unorganised';

/** One builder per report of domain.md §7; a report without one does not compile. */
export const REPORT_BUILDERS: Readonly<Record<ReportId, (input: ReportInput) => ReportModel>> = {
  ledger: ledgerReport,
  coverage: coverageReport,
  'party-stats': partyStatsReport,
  unorganised: unorganisedReport,
  instructors: instructorsReport,
  contacts: contactsReport,
  plans: plansReport,
  assessments: assessmentsReport,
  survey: surveyReport,
};
