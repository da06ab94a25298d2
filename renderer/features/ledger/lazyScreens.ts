import { preloadable, type AnyComponent } from '../../components/preloadable';

/**
 * The ledger's screens, each fetched the first time it is shown: the start screen and the ledger's header paint
 * without the code of fifteen tabs (nor the Excel dialogs and PDF preview behind them).
 */
const dashboard = preloadable(() => import('../dashboard/DashboardScreen').then((m) => m.DashboardScreen));
const list = preloadable(() => import('./list/EnterpriseList').then((m) => m.EnterpriseList));
const screen = <C extends AnyComponent>(fetch: () => Promise<C>) => preloadable(fetch).Component;

export const DashboardScreen = dashboard.Component;
export const EnterpriseList = list.Component;
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
 * The ledger opens on 覆盖概览: its code is fetched as the app starts, so neither opening a ledger nor a reload with
 * one open waits on it, while the start screen's own code does not include it. (ECharts is fetched when a ledger
 * opens: see prefetchCharts.)
 */
export function prefetchFirstView(): void {
  void dashboard.load().catch(() => undefined);
}

/**
 * Null once 覆盖概览's code is here; else a promise that settles (never rejects) when it has come or failed. A ledger
 * screen drawn before it shows “正在载入…”, and React then holds the dashboard back for 300 ms after that fallback
 * appeared (Suspense's reveal throttle), however soon the code arrives: on a reload at 100,000 enterprises the page sat
 * idle about 230 ms for it. A failed fetch is left to the tab's own loading, which tries again.
 */
export function firstViewCode(): Promise<void> | null {
  if (dashboard.ready()) return null;
  return dashboard.load().then(
    () => undefined,
    () => undefined,
  );
}

/**
 * 企业台账 is the next tab clerks go to. Its code (with the grid, the filters and the bulk-edit form's schemas) is
 * fetched once 覆盖概览 has been drawn (afterFirstView), not during it; a click before then fetches it at once.
 */
export function prefetchLedgerList(): void {
  void list.load().catch(() => undefined);
}
