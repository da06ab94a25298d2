import { App, Select } from 'antd';
import type { BrowserChoice } from '../../../shared/ipc/print';
import { call } from '../../api/client';
import { useErrorMessage } from '../../components/useErrorMessage';

/**
 * Picks the browser the browser shell prints with, among those found on this PC (never a typed path); 自动 goes
 * back to the first found. Shown in 公文字体与打印设置 and in 本机设置.
 */
export function BrowserSelect({
  browsers,
  onChosen,
  width,
  testId,
}: {
  browsers: BrowserChoice;
  onChosen: (chosen: BrowserChoice) => void;
  width: number | string;
  testId: string;
}) {
  const { message } = App.useApp();
  const showError = useErrorMessage();

  const choose = async (path: string | null) => {
    try {
      const chosen = await call('print:chooseBrowser', { path });
      onChosen(chosen);
      void message.success(`打印将使用 ${chosen.current?.name ?? '自动找到的浏览器'}`);
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Select<string>
      style={{ width }}
      disabled={browsers.found.length === 0}
      value={browsers.chosen ?? ''}
      onChange={(v) => void choose(v === '' ? null : v)}
      options={[
        { value: '', label: '自动（使用找到的第一个）' },
        ...browsers.found.map((b) => ({ value: b.path, label: `${b.name}（${b.path}）` })),
      ]}
      data-testid={testId}
    />
  );
}
