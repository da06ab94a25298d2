import { useState } from 'react';
import { useMenuCommand } from '../../app/commands/registry';
import { PdfPreview } from '../documents/PdfPreview';
import { usePdfPreview } from '../documents/usePdfPreview';
import { GuideViewer } from './GuideViewer';

/**
 * 帮助 → 操作手册 and 导出操作手册 PDF, available in every place of the app (no ledger needed). The PDF is made by
 * the core's print engine, like every other printout, and shown in the same preview with 打印 and 保存PDF.
 */
export function GuideCommands() {
  const [reading, setReading] = useState(false);
  const pdf = usePdfPreview();
  const openPdf = () => void pdf.open({ kind: 'guide' }, '操作手册');

  useMenuCommand('help.guide', () => setReading(true));
  useMenuCommand('help.guidePdf', openPdf);

  return (
    <>
      <GuideViewer open={reading} onClose={() => setReading(false)} onPdf={openPdf} />
      <PdfPreview shown={pdf.shown} onClose={pdf.close} fontCheck={false} />
    </>
  );
}
