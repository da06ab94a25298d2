import { useEffect, useState } from 'react';
import { PdfPreview } from '../documents/PdfPreview';
import { usePdfPreview } from '../documents/usePdfPreview';
import { GuideViewer } from './GuideViewer';

/** What was asked for, and when: asking again (a new `at`) opens it again. */
export interface GuideRequest {
  show: 'guide' | 'pdf';
  at: number;
}

/**
 * The guide in the app, and as a PDF made by the core's print engine like every other printout, shown in the same
 * preview with 打印 and 保存PDF.
 */
export function GuideDialogs({ request, onDone }: { request: GuideRequest; onDone: () => void }) {
  const [reading, setReading] = useState(request.show === 'guide');
  const pdf = usePdfPreview();
  const { open } = pdf;
  const openPdf = () => void open({ kind: 'guide' }, '操作手册');

  // Mounted afresh for each request (keyed by its time), so only the PDF needs starting here.
  useEffect(() => {
    if (request.show === 'pdf') void open({ kind: 'guide' }, '操作手册');
  }, [request, open]);

  return (
    <>
      <GuideViewer
        open={reading}
        onClose={() => {
          setReading(false);
          if (!pdf.shown) onDone();
        }}
        onPdf={openPdf}
      />
      <PdfPreview
        shown={pdf.shown}
        onClose={() => {
          pdf.close();
          if (!reading) onDone();
        }}
        fontCheck={false}
      />
    </>
  );
}
