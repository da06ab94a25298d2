import { Alert, Divider, Drawer, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { FontSize } from '../../../shared/domain/pcSettings';
import type { PrefsSaveRequest, PrefsView } from '../../../shared/ipc/prefs';
import { call } from '../../api/client';
import { messageOf } from '../../components/formErrors';
import { DocumentDefaultsSection } from './DocumentDefaultsSection';
import { FontSizeSection } from './FontSizeSection';
import { FoldersSection } from './FoldersSection';
import { PrintBrowserSection } from './PrintBrowserSection';
import { StartupSection } from './StartupSection';

/** What a section calls to save: the new view, or the error thrown for the section to show beside its field. */
export type SavePrefs = (change: PrefsSaveRequest) => Promise<PrefsView>;

/**
 * 本机设置: what belongs to this PC rather than to a ledger — 字号, reopening the last ledger at start, the backup and
 * export folders, the 公文 contact and the print browser — plus the open ledger's 印发机关, which a clerk looks for in the same place. Read afresh
 * each time it opens, so a change made from another screen (备份与恢复, 打印) shows here.
 */
export function PreferencesDrawer({
  open,
  onClose,
  fontSize,
  onFontSize,
}: {
  open: boolean;
  onClose: () => void;
  fontSize: FontSize;
  onFontSize: (size: FontSize) => void;
}) {
  const [view, setView] = useState<PrefsView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    call('prefs:get', {}).then(
      (v) => {
        if (!live) return;
        setView(v);
        setProblem(null);
      },
      (e: unknown) => live && setProblem(messageOf(e, '未能读取本机设置，请重试')),
    );
    return () => {
      live = false;
    };
  }, [open]);

  const save = useCallback<SavePrefs>(async (change) => {
    const saved = await call('prefs:save', change);
    setView(saved);
    return saved;
  }, []);

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title="本机设置"
      size="min(640px, 100vw)"
      destroyOnHidden
      data-testid="prefs-drawer"
    >
      <Typography.Paragraph type="secondary">
        这些设置保存在本机，换一本台账也不变；印发机关属于当前台账，随台账文件保存。
      </Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      {!view && !problem && <Spin />}
      {view && (
        <div data-testid="prefs-body">
          <FontSizeSection fontSize={fontSize} onFontSize={onFontSize} save={save} />
          <Divider />
          <StartupSection view={view} save={save} />
          <Divider />
          <FoldersSection
            view={view}
            save={save}
            onBackupFolder={(backupFolder) => setView({ ...view, backupFolder })}
          />
          <Divider />
          <DocumentDefaultsSection view={view} save={save} />
          <PrintBrowserSection />
        </div>
      )}
    </Drawer>
  );
}
