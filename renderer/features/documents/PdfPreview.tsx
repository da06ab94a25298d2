import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Flex, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { FontReport } from '../../../shared/ipc/print';
import { call, saveBlobUrl } from '../../api/client';
import { fontWarnings } from './fontWarnings';
import type { PdfShown } from './usePdfPreview';

/**
 * The PDF exactly as it prints, in the browser's own viewer. 打印 opens the OS print dialog on that very PDF; 保存PDF
 * keeps a copy. Fonts this PC lacks are named above it, with the face that prints instead.
 */
export function PdfPreview({
  shown,
  onClose,
  fontCheck = true,
}: {
  shown: PdfShown | null;
  onClose: () => void;
  /** Off for what is not a 公文 (the user guide): the 公文 fonts say nothing about it. */
  fontCheck?: boolean;
}) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [fonts, setFonts] = useState<FontReport | null>(null);
  const open = shown !== null;

  useEffect(() => {
    if (!open || !fontCheck) return;
    let live = true;
    // A failed check must not keep the preview from showing: the PDF itself is what matters here.
    call('print:fonts', {}).then(
      (f) => live && setFonts(f),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [open, fontCheck]);

  const warnings = fontWarnings(fonts, shown?.warnings ?? []);

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="min(1100px, 100vw)"
      title={shown ? `${shown.title}（共${shown.pages}页）` : '预览'}
      extra={
        shown && (
          <Space>
            <Button
              type="primary"
              icon={<PrinterOutlined />}
              onClick={() => frame.current?.contentWindow?.print()}
              data-testid="pdf-print"
            >
              打印
            </Button>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => saveBlobUrl(shown.url, shown.fileName)}
              data-testid="pdf-save"
            >
              保存PDF
            </Button>
          </Space>
        )
      }
      styles={{ body: { display: 'flex', flexDirection: 'column', gap: 8 } }}
      data-testid="pdf-preview"
    >
      {warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title="本机缺少公文标准字体，打印时使用替代字体"
          description={
            <Flex vertical>
              {warnings.map((w) => (
                <Typography.Text key={w}>{w}</Typography.Text>
              ))}
            </Flex>
          }
          data-testid="pdf-font-warning"
        />
      )}
      {shown && (
        <iframe
          ref={frame}
          title={shown.title}
          src={shown.url}
          onLoad={() => shown.printOnLoad && frame.current?.contentWindow?.print()}
          data-src={shown.url}
          data-pages={shown.pages}
          data-file-name={shown.fileName}
          style={{ flex: 1, minHeight: 600, border: '1px solid #d9d9d9' }}
          data-testid="pdf-frame"
        />
      )}
    </Drawer>
  );
}
