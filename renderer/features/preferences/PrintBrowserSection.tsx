import { Divider, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { BrowserChoice } from '../../../shared/ipc/print';
import { call } from '../../api/client';
import { useErrorMessage } from '../../components/useErrorMessage';
import { BrowserSelect } from '../documents/BrowserSelect';

/**
 * 打印用浏览器: the browser shell prints through a local Chromium, Chrome or Edge; the clerk picks one of those found
 * on this PC (never a typed path). The desktop prints itself, so it shows nothing here.
 */
export function PrintBrowserSection() {
  const showError = useErrorMessage();
  const [browsers, setBrowsers] = useState<BrowserChoice | null>(null);
  const browserShell = window.yqyc === undefined;

  useEffect(() => {
    if (!browserShell) return;
    let live = true;
    call('print:browsers', {}).then((b) => live && setBrowsers(b), showError);
    return () => {
      live = false;
    };
  }, [browserShell, showError]);

  if (!browserShell) return null;

  return (
    <section data-testid="prefs-print">
      <Divider />
      <Typography.Title level={5}>打印用浏览器</Typography.Title>
      {!browsers ? (
        <Spin />
      ) : (
        <>
          <BrowserSelect browsers={browsers} onChosen={setBrowsers} width="100%" testId="prefs-print-browser" />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {browsers.current
              ? `当前使用：${browsers.current.name}。浏览器版打印公文、生成PDF时在后台使用它。`
              : '本机未找到 Chromium、Chrome 或 Edge 浏览器，安装后才能打印。'}
          </Typography.Paragraph>
        </>
      )}
    </section>
  );
}
