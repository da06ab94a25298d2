import { Layout, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { OpenLedger } from '../../shared/ipc/ledgers';
import { call } from '../api/client';
import { LedgerScreen } from '../features/ledger/LedgerScreen';
import { StartScreen } from '../features/start/StartScreen';

/** Two places for now: the start screen, and the open ledger. */
export function App() {
  const [ledger, setLedger] = useState<OpenLedger | null>(null);
  const [booting, setBooting] = useState(true);
  // Bumped when a restore replaced the open ledger's contents: the ledger screen is mounted afresh, so no list,
  // form or cache can show data from before the restore.
  const [mount, setMount] = useState(0);
  const reopened = useCallback((l: OpenLedger) => {
    setLedger(l);
    setMount((m) => m + 1);
  }, []);

  // After a reload the core may still hold a ledger open: go straight back to it.
  useEffect(() => {
    call('ledgers:current', {})
      .then(setLedger)
      .catch(() => setLedger(null))
      .finally(() => setBooting(false));
  }, []);

  const close = useCallback(async () => {
    await call('ledgers:close', {});
    setLedger(null);
  }, []);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', background: '#b71c1c', paddingInline: 24 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          「一企一策」非公企业党建台账
        </Typography.Title>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        {booting ? (
          <Spin description="正在载入…" fullscreen />
        ) : ledger ? (
          <LedgerScreen key={`${ledger.id}:${mount}`} ledger={ledger} onClose={close} onReopened={reopened} />
        ) : (
          <StartScreen onOpened={setLedger} />
        )}
      </Layout.Content>
    </Layout>
  );
}
