import { App, Divider, Select, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { BrowserChoice } from '../../../shared/ipc/print';
import { call } from '../../api/client';
import { useErrorMessage } from '../../components/useErrorMessage';

/**
 * 打印用浏览器: the browser shell prints through a local Chromium, Chrome or Edge; the clerk picks one of those found
 * on this PC (never a typed path). The desktop prints itself, so it shows nothing here.
 */
export function PrintBrowserSection() {
  const { message } = App.useApp();
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

  const choose = async (path: string | null) => {
    try {
      const chosen = await call('print:chooseBrowser', { path });
      setBrowsers(chosen);
      void message.success(`打印将使用 ${chosen.current?.name ?? '自动找到的浏览器'}`);
    } catch (e) {
      showError(e);
    }
  };

  return (
    <section data-testid="prefs-print">
      <Divider />
      <Typography.Title level={5}>打印用浏览器</Typography.Title>
      {!browsers ? (
        <Spin />
      ) : (
        <>
          <Select<string>
            style={{ width: '100%' }}
            disabled={browsers.found.length === 0}
            value={browsers.chosen ?? ''}
            onChange={(v) => void choose(v === '' ? null : v)}
            options={[
              { value: '', label: '自动（使用找到的第一个）' },
              ...browsers.found.map((b) => ({ value: b.path, label: `${b.name}（${b.path}）` })),
            ]}
            data-testid="prefs-print-browser"
          />
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
