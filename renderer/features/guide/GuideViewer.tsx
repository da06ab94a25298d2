import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Space, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';

/** Built beside the page by scripts/build-guide.mjs; both shells serve it with the app. */
const GUIDE_URL = 'guide/index.html';

/**
 * 操作手册 in the app. The page's CSP lets frames show blob: URLs only, so the guide is fetched and shown from a
 * blob; the frame is sandboxed (no scripts — the guide has none) but same-origin, so 打印 can reach its window.
 */
export function GuideViewer({ open, onClose, onPdf }: { open: boolean; onClose: () => void; onPdf: () => void }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!open) return;
    let live = true;
    let made: string | null = null;
    fetch(GUIDE_URL)
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        const blob = new Blob([await response.arrayBuffer()], { type: 'text/html;charset=utf-8' });
        made = URL.createObjectURL(blob);
        if (live) setUrl(made);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
      setUrl(null);
      setFailed(false);
    };
  }, [open]);

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="min(1000px, 100vw)"
      title="操作手册"
      extra={
        <Space>
          <Button
            icon={<PrinterOutlined />}
            disabled={!url}
            onClick={() => frame.current?.contentWindow?.print()}
            data-testid="guide-print"
          >
            打印
          </Button>
          <Button type="primary" icon={<FilePdfOutlined />} onClick={onPdf} data-testid="guide-pdf">
            导出 PDF
          </Button>
        </Space>
      }
      styles={{ body: { display: 'flex', flexDirection: 'column', padding: 0 } }}
      data-testid="guide-viewer"
    >
      {failed && (
        <Alert
          type="error"
          showIcon
          style={{ margin: 16 }}
          title="无法打开操作手册"
          description="程序文件中找不到操作手册，请重新安装本程序。"
        />
      )}
      {!failed && !url && <Spin style={{ margin: 48 }} />}
      {url && (
        <iframe
          ref={frame}
          title="操作手册"
          src={url}
          sandbox="allow-same-origin allow-modals"
          style={{ flex: 1, border: 0, minHeight: 600 }}
          data-testid="guide-frame"
        />
      )}
    </Drawer>
  );
}
