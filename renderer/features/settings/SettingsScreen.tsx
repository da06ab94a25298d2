import { Alert, Spin, Tabs } from 'antd';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Lookups } from '../../../shared/domain/lookups';
import type { OpenLedger } from '../../../shared/ipc/ledgers';
import { call } from '../../api/client';
import { useLedgerRequest } from '../../app/commands/ledgerRequests';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useIsVisible } from '../../components/useIsVisible';
import { PrintSettingsSection } from '../documents/PrintSettingsSection';
import { SecuritySection } from '../security/SecuritySection';
import { AreasSection } from './AreasSection';
import { BackupSection } from './BackupSection';
import { TownshipSection } from './TownshipSection';
import { useLookups } from './useLookups';
import { YearTurnSection } from './YearTurnSection';
import { ZonesSection } from './ZonesSection';

/**
 * 台账设置: the township's names, the ledger's own lists of places, year-end closing and 备份与恢复. The lists are read again each time the screen
 * is shown, so the enterprise counts beside them follow what was entered meanwhile. 推进组 and 指导员 have tabs of
 * their own on the ledger screen.
 */
export function SettingsScreen({
  onChanged,
  onRestored,
}: {
  onChanged: () => void;
  /** After 恢复: the ledger as reopened from the backup; everything on screen must be read again. */
  onRestored: (ledger: OpenLedger) => void;
}) {
  const root = useRef<HTMLDivElement>(null);
  const visible = useIsVisible(root);
  const { lookups, error, reload } = useLookups(visible);
  const [ledger, setLedger] = useState<OpenLedger | null>(null);
  const showError = useErrorMessage();
  // The menu's 立即备份, 从备份恢复 and 公文字体与打印设置 come to their section here.
  const [section, setSection] = useState('township');
  useLedgerRequest('backupNow', () => setSection('backup'), true);
  useLedgerRequest('restore', () => setSection('backup'));
  useLedgerRequest('printSettings', () => setSection('print'));

  // Read again each time the tab comes into view: 本机设置 can change 印发机关 meanwhile, and a form still holding
  // the old value would write it back on the next 保存.
  useEffect(() => {
    if (!visible) return;
    let live = true;
    call('ledgers:current', {}).then((l) => live && setLedger(l), showError);
    return () => {
      live = false;
    };
  }, [showError, visible]);

  const saved = useCallback(() => {
    reload();
    onChanged();
  }, [reload, onChanged]);

  const readOnly = ledger?.readOnly ?? false;
  const list = (render: (l: Lookups) => ReactNode) => (lookups ? render(lookups) : <Spin />);

  return (
    <div ref={root} data-testid="settings-screen">
      {readOnly && (
        <Alert type="warning" showIcon title="台账以只读方式打开，设置不能修改" style={{ marginBottom: 16 }} />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Tabs
        tabPlacement="start"
        activeKey={section}
        onChange={setSection}
        items={[
          {
            key: 'township',
            label: '本乡镇设置',
            children: ledger ? (
              <TownshipSection
                key={JSON.stringify(ledger.settings)}
                settings={ledger.settings}
                readOnly={readOnly}
                onChanged={onChanged}
              />
            ) : (
              <Spin />
            ),
          },
          {
            key: 'areas',
            label: '村、社区、园区',
            children: list((l) => <AreasSection lookups={l} readOnly={readOnly} onSaved={saved} />),
          },
          {
            key: 'zones',
            label: '工作片',
            children: list((l) => <ZonesSection lookups={l} readOnly={readOnly} onSaved={saved} />),
          },
          { key: 'print', label: '打印', children: <PrintSettingsSection /> },
          { key: 'year', label: '年度结转', children: <YearTurnSection readOnly={readOnly} onChanged={onChanged} /> },
          // Open to a read-only ledger too: a damaged ledger is read-only, and a backup only reads it.
          { key: 'backup', label: '备份与恢复', children: <BackupSection onRestored={onRestored} /> },
          { key: 'security', label: '密码与锁定', children: <SecuritySection /> },
        ]}
      />
    </div>
  );
}
