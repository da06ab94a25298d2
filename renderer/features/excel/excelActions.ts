import { createContext, useContext } from 'react';
import type { ReportId } from '../../../shared/excel/kinds';
import type { ImportStart } from './import/ImportWizard';

/** Where Excel work is started from: the 企业台账 toolbar, 覆盖概览, and the 导入导出 tab all open the same screens. */
export interface ExcelActions {
  openImport(start: ImportStart): void;
  openExport(report: ReportId): void;
  openTemplate(): void;
  /** Moves on after every export, so 导出记录 reads again. */
  exportsVersion: number;
}

export const ExcelActionsContext = createContext<ExcelActions | null>(null);

export function useExcelActions(): ExcelActions {
  const actions = useContext(ExcelActionsContext);
  if (!actions) throw new Error('useExcelActions outside the ledger screen');
  return actions;
}
