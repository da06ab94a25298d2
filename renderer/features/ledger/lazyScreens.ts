import { lazy, type ComponentType } from 'react';

/**
 * The ledger's screens, each fetched the first time it is shown: the start screen and the ledger's header paint
 * without the code of fifteen tabs (nor the Excel dialogs and PDF preview behind them). A loader is kept once made, so
 * a prefetch and React.lazy share one request.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy's own bound: any props
function loader<C extends ComponentType<any>>(load: () => Promise<C>): () => Promise<C> {
  let pending: Promise<C> | null = null;
  return () => {
    pending ??= load().catch((e: unknown) => {
      // A fetch that failed (the shell restarting, say) is tried afresh when the tab is opened again.
      pending = null;
      throw e;
    });
    return pending;
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
function screen<C extends ComponentType<any>>(load: () => Promise<C>) {
  return lazy(async () => ({ default: await load() }));
}

const loadDashboard = loader(() => import('../dashboard/DashboardScreen').then((m) => m.DashboardScreen));
const loadList = loader(() => import('./list/EnterpriseList').then((m) => m.EnterpriseList));

export const DashboardScreen = screen(loadDashboard);
export const EnterpriseList = screen(loadList);
export const RemindersPanel = screen(() => import('../reminders/RemindersPanel').then((m) => m.RemindersPanel));
export const FormationScreen = screen(() => import('../formation/FormationScreen').then((m) => m.FormationScreen));
export const PlansScreen = screen(() => import('../plans/PlansScreen').then((m) => m.PlansScreen));
export const CampaignsScreen = screen(() => import('../campaigns/CampaignsScreen').then((m) => m.CampaignsScreen));
export const AssessmentsScreen = screen(() =>
  import('../assessments/AssessmentsScreen').then((m) => m.AssessmentsScreen),
);
export const PartyOrgsScreen = screen(() => import('../party-orgs/PartyOrgsScreen').then((m) => m.PartyOrgsScreen));
export const MembersScreen = screen(() => import('../members/MembersScreen').then((m) => m.MembersScreen));
export const InstructorsScreen = screen(() => import('../people/InstructorsScreen').then((m) => m.InstructorsScreen));
export const LeadersScreen = screen(() => import('../people/LeadersScreen').then((m) => m.LeadersScreen));
export const WorkGroupsScreen = screen(() => import('../people/WorkGroupsScreen').then((m) => m.WorkGroupsScreen));
export const WorkLogsScreen = screen(() => import('../work-logs/WorkLogsScreen').then((m) => m.WorkLogsScreen));
export const ExcelScreen = screen(() => import('../excel/ExcelScreen').then((m) => m.ExcelScreen));
export const DocumentsScreen = screen(() => import('../documents/DocumentsScreen').then((m) => m.DocumentsScreen));
export const EnterpriseDetail = screen(() => import('./EnterpriseDetail').then((m) => m.EnterpriseDetail));
export const EnterpriseForm = screen(() => import('../enterprise-form/EnterpriseForm').then((m) => m.EnterpriseForm));
export const SettingsScreen = screen(() => import('../settings/SettingsScreen').then((m) => m.SettingsScreen));

/**
 * The ledger opens on 覆盖概览, and 企业台账 is the next tab clerks go to: both are fetched as the app starts, beside
 * its first request to the core, so neither opening a ledger nor a reload with one open waits on them; the start
 * screen's own code does not include them. (ECharts is fetched when a ledger opens: see prefetchCharts.)
 */
export function prefetchFirstView(): void {
  void Promise.all([loadDashboard(), loadList()]).catch(() => undefined);
}
