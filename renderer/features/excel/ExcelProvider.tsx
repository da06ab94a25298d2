import { lazy, Suspense, useCallback, useMemo, useState, type ReactNode } from 'react';
import type { Lookups } from '../../../shared/domain/lookups';
import type { ReportId } from '../../../shared/excel/kinds';
import { ExcelActionsContext, type ExcelActions } from './excelActions';
import type { ImportStart } from './import/ImportWizard';

// The dialogs are fetched the first time one is opened: the ledger's first view does not carry them.
const ImportWizard = lazy(() => import('./import/ImportWizard').then((m) => ({ default: m.ImportWizard })));
const ExportDialog = lazy(() => import('./export/ExportDialog').then((m) => ({ default: m.ExportDialog })));
const TemplateFill = lazy(() => import('./template/TemplateFill').then((m) => ({ default: m.TemplateFill })));

/** Holds the import wizard, the export dialog and the template filler, opened from anywhere inside the ledger. */
export function ExcelProvider({
  lookups,
  onNeedLookups,
  children,
}: {
  lookups: Lookups | null;
  /** The export dialog offers the areas and 推进组 to scope by: asks for them if the ledger has not read them yet. */
  onNeedLookups: () => void;
  children: ReactNode;
}) {
  const [importing, setImporting] = useState<ImportStart | null>(null);
  const [exporting, setExporting] = useState<ReportId | null>(null);
  const [templating, setTemplating] = useState(false);
  const [exportsVersion, setExportsVersion] = useState(0);
  const exported = useCallback(() => setExportsVersion((v) => v + 1), []);

  const actions = useMemo<ExcelActions>(
    () => ({
      openImport: setImporting,
      openExport: (report) => {
        onNeedLookups();
        setExporting(report);
      },
      openTemplate: () => setTemplating(true),
      exportsVersion,
    }),
    [exportsVersion, onNeedLookups],
  );

  return (
    <ExcelActionsContext.Provider value={actions}>
      {children}
      <Suspense fallback={null}>
        {importing && <ImportWizard start={importing} onClose={() => setImporting(null)} />}
        {exporting && (
          <ExportDialog
            initial={exporting}
            lookups={lookups}
            onClose={() => setExporting(null)}
            onExported={exported}
          />
        )}
        {templating && <TemplateFill onClose={() => setTemplating(false)} onFilled={exported} />}
      </Suspense>
    </ExcelActionsContext.Provider>
  );
}
