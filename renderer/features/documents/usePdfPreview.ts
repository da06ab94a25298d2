import { useCallback, useEffect, useRef, useState } from 'react';
import type { PrintDone, PrintTarget } from '../../../shared/ipc/print';
import { call, pdfBlobUrl } from '../../api/client';
import { useErrorMessage } from '../../components/useErrorMessage';

/** A PDF shown in the preview: the blob: URL of exactly what prints, and what the clerk should know about it. */
export interface PdfShown {
  url: string;
  title: string;
  fileName: string;
  pages: number;
  warnings: string[];
  /** 打印 rather than 预览: the OS print dialog opens on the PDF as soon as it has loaded. */
  printOnLoad: boolean;
}

/**
 * Prints something to PDF and shows it: the finished PDF is fetched once (from the browser shell's server, or the
 * desktop's app:// handler) and handed to the preview's <iframe> as a blob: URL.
 */
export function usePdfPreview() {
  const showError = useErrorMessage();
  const [shown, setShown] = useState<PdfShown | null>(null);
  const [busy, setBusy] = useState(false);
  const urlRef = useRef<string | null>(null);

  const release = useCallback(() => {
    if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    urlRef.current = null;
  }, []);
  useEffect(() => release, [release]);

  const open = useCallback(
    async (what: PrintTarget, title: string, printOnLoad = false): Promise<PrintDone | null> => {
      setBusy(true);
      try {
        const done = await call('print:pdf', { what });
        if (!done.download) return done;
        const url = await pdfBlobUrl(done.download);
        release();
        urlRef.current = url;
        setShown({ url, title, fileName: done.fileName, pages: done.pages, warnings: done.warnings, printOnLoad });
        return done;
      } catch (e) {
        showError(e);
        return null;
      } finally {
        setBusy(false);
      }
    },
    [release, showError],
  );

  const close = useCallback(() => {
    release();
    setShown(null);
  }, [release]);

  return { shown, busy, open, close };
}
