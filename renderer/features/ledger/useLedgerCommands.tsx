import { App } from 'antd';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import {
  LedgerRequestContext,
  type LedgerRequest,
  type LedgerRequestKind,
  type LedgerRequests,
} from '../../app/commands/ledgerRequests';
import { useMenuCommand } from '../../app/commands/registry';
import { useExcelActions } from '../excel/excelActions';
import type { LedgerTab } from './navigation';

/** Each request is carried out on its tab: the ledger screen shows the tab, the screen on it does the rest. */
const REQUEST_TAB: Record<LedgerRequestKind, LedgerTab> = {
  find: 'list',
  ledgerCards: 'list',
  snapshot: 'dashboard',
  newDocument: 'documents',
  register: 'documents',
  backupNow: 'settings',
  restore: 'settings',
  printSettings: 'settings',
};

/** Requests are numbered for the whole page: a screen that carried out one never mistakes a later one for it. */
let asked = 0;

const READ_ONLY = '台账以只读方式打开，不能';

/**
 * The menu's ledger commands while a ledger is open, and the requests they leave for screens not yet shown. Goes
 * inside the ExcelProvider: 导入 and 导出 open its dialogs.
 */
export function LedgerCommands({
  setTab,
  onAdd,
  readOnly,
  children,
}: {
  setTab: (tab: LedgerTab) => void;
  /** 新增企业: the enterprise form, as the 企业台账 toolbar opens it. */
  onAdd: () => void;
  readOnly: boolean;
  children: ReactNode;
}) {
  const { message } = App.useApp();
  const excel = useExcelActions();
  const [pending, setPending] = useState<LedgerRequest | null>(null);
  const done = useCallback((seq: number) => setPending((p) => (p?.seq === seq ? null : p)), []);
  const requests = useMemo<LedgerRequests>(() => ({ pending, done }), [pending, done]);
  const ask = (kind: LedgerRequestKind) => {
    setTab(REQUEST_TAB[kind]);
    asked += 1;
    setPending({ kind, seq: asked });
  };
  const writable = (what: string, go: () => void) => () =>
    readOnly ? void message.warning(`${READ_ONLY}${what}`) : go();

  useMenuCommand('view.dashboard', () => setTab('dashboard'));
  useMenuCommand('view.enterprises', () => setTab('list'));
  useMenuCommand('view.reminders', () => setTab('reminders'));
  useMenuCommand('view.plans', () => setTab('plans'));
  useMenuCommand('view.documents', () => setTab('documents'));
  useMenuCommand('edit.find', () => ask('find'));
  useMenuCommand('ledger.backupNow', () => ask('backupNow'));
  useMenuCommand('ledger.restore', () => ask('restore'));
  useMenuCommand('report.snapshot', () => ask('snapshot'));
  useMenuCommand(
    'doc.new',
    writable('新建公文', () => ask('newDocument')),
  );
  useMenuCommand('doc.register', () => ask('register'));
  useMenuCommand('doc.ledgerCards', () => ask('ledgerCards'));
  useMenuCommand('doc.fonts', () => ask('printSettings'));
  // 导出 presets the dialog to the report; the clerk still chooses the scope and presses 导出.
  useMenuCommand('report.ledger', () => excel.openExport('ledger'));
  useMenuCommand('report.partyStats', () => excel.openExport('party-stats'));
  useMenuCommand('report.coverage', () => excel.openExport('coverage'));
  useMenuCommand('ledger.newEnterprise', writable('新增企业', onAdd));
  useMenuCommand(
    'ledger.import',
    writable('导入', () => excel.openImport({ kind: 'enterprises' })),
  );
  useMenuCommand('ledger.settings', () => setTab('settings'));
  useMenuCommand('report.template', excel.openTemplate);

  return <LedgerRequestContext.Provider value={requests}>{children}</LedgerRequestContext.Provider>;
}
