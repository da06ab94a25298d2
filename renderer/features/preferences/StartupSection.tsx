import { App, Checkbox, Typography } from 'antd';
import { useState } from 'react';
import type { PrefsView } from '../../../shared/ipc/prefs';
import { useErrorMessage } from '../../components/useErrorMessage';
import type { SavePrefs } from './PreferencesDrawer';

/** 启动时打开上次的台账: on (the default), a start goes straight back to the ledger open when the program stopped. */
export function StartupSection({ view, save }: { view: PrefsView; save: SavePrefs }) {
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [saving, setSaving] = useState(false);

  const choose = async (reopenLast: boolean) => {
    setSaving(true);
    try {
      await save({ reopenLast });
      void message.success(reopenLast ? '下次启动时直接打开上次的台账' : '下次启动时先显示开始页面');
    } catch (e) {
      showError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section data-testid="prefs-startup">
      <Typography.Title level={5}>启动</Typography.Title>
      <Checkbox
        checked={view.reopenLast}
        disabled={saving}
        onChange={(e) => void choose(e.target.checked)}
        data-testid="prefs-reopen-last"
      >
        启动时打开上次的台账
      </Checkbox>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        勾选时，程序启动后直接进入上次退出时打开着的台账；设有密码的台账先要输入密码。用“文件 →
        关闭台账”关闭后再退出，下次启动显示开始页面。
      </Typography.Paragraph>
    </section>
  );
}
