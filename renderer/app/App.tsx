import { LockOutlined } from '@ant-design/icons';
import { Button, Layout, Spin, Typography } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { CountyView } from '../../shared/ipc/county';
import type { OpenLedger } from '../../shared/ipc/ledgers';
import { ApiError, call } from '../api/client';
import { prefetchCharts } from '../components/charts/Chart';
import { discardFirstReads, keepFirstReads, prefetchDashboard } from '../features/ledger/firstReads';
import { LedgerScreen } from '../features/ledger/LedgerScreen';
import { firstViewCode } from '../features/ledger/lazyScreens';
import { LockScreen } from '../features/security/LockScreen';
import { PasswordPromptProvider } from '../features/security/PasswordPrompt';
import { useLedgerLock } from '../features/security/useLedgerLock';
import { prefetchRecent, StartScreen } from '../features/start/StartScreen';
import { GuideCommands } from '../features/guide/GuideCommands';
import { takeBootReads } from './bootReads';
import { AppCommands } from './commands/AppCommands';
import { MenuBar } from './commands/MenuBar';

// 全县汇总 is the county's occasional place: its code is fetched when it is first opened, not at start.
const CountyPlace = lazy(() => import('../features/county/CountyPlace').then((m) => ({ default: m.CountyPlace })));

/**
 * Three places: the start screen, the open ledger (under the lock screen while it is locked), and 全县汇总 (the
 * townships' ledgers read-only, from choosing the files to the open county view).
 */
export function App() {
  const [ledger, setLedger] = useState<OpenLedger | null>(null);
  const [booting, setBooting] = useState(true);
  // Null: not in 全县汇总. `view` is null while the files are being chosen.
  const [county, setCounty] = useState<{ view: CountyView | null } | null>(null);
  // Bumped when a restore replaced the open ledger's contents: the ledger screen is mounted afresh, so no list,
  // form or cache can show data from before the restore.
  const [mount, setMount] = useState(0);
  // 覆盖概览 is a ledger's first view: its figures and its charts' code are asked for as soon as the ledger is known
  // to be shown, not once its screen has been drawn; the screen itself waits for the dashboard's code (fetched at
  // start, so normally here already). A later call wins over one still waiting.
  const shown = useRef(0);
  const show = useCallback((l: OpenLedger | null) => {
    const turn = ++shown.current;
    if (l) {
      prefetchDashboard(l.id);
      prefetchCharts();
    } else discardFirstReads();
    const code = l ? firstViewCode() : null;
    if (!code) setLedger(l);
    else
      void code.then(() => {
        if (shown.current === turn) setLedger(l);
      });
  }, []);
  const reopened = useCallback(
    (l: OpenLedger) => {
      show(l);
      setMount((m) => m + 1);
    },
    [show],
  );
  const { locked, setLocked, lock, canLock } = useLedgerLock(ledger, setLedger);

  // After a reload the core may still hold a ledger open (go straight back to it) or locked (ask for the password).
  useEffect(() => {
    // A county view left open goes before any ledger: it is where the clerk was.
    const forgetRecent = prefetchRecent();
    const boot = takeBootReads();
    const countyView = boot.county.then(
      (view) => {
        if (!view) return;
        forgetRecent();
        setCounty({ view });
      },
      () => undefined,
    );
    const ledgerOpen = boot.ledger
      .then(async (l) => {
        if (l) forgetRecent();
        // Its figures were asked for with the boot questions, and its charts' code comes now, not once the ledger
        // screen is drawn; behind a county view neither is shown.
        if (l && !(await boot.county.catch(() => null))) {
          keepFirstReads(l.id, boot.dashboard);
          prefetchCharts();
          await firstViewCode();
        }
        setLedger(l);
      })
      .catch(async (e: unknown) => {
        setLedger(null);
        if (e instanceof ApiError && e.code === 'LOCKED') {
          forgetRecent();
          setLocked(await call('lock:status', {}).catch(() => null));
        }
      });
    void Promise.all([countyView, ledgerOpen]).finally(() => setBooting(false));
  }, [setLocked]);

  const close = useCallback(async () => {
    await call('ledgers:close', {});
    show(null);
    setLocked(null);
  }, [setLocked, show]);

  // A ledger opened from the menu or a file handed to the program leaves 全县汇总 if it was open there.
  const opened = useCallback(
    (l: OpenLedger) => {
      setCounty(null);
      show(l);
    },
    [show],
  );

  // Same ledger, same key: the screens beneath stay mounted, so what was being typed is still there.
  const unlocked = useCallback(
    (l: OpenLedger) => {
      setLedger(l);
      setLocked(null);
    },
    [setLocked],
  );

  return (
    <PasswordPromptProvider>
      <Layout style={{ minHeight: '100vh' }} inert={locked !== null}>
        <Layout.Header style={{ display: 'flex', alignItems: 'center', background: '#b71c1c', paddingInline: 24 }}>
          <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap', flex: 1 }}>
            「一企一策」非公企业党建台账
          </Typography.Title>
          {canLock && (
            <Button
              icon={<LockOutlined />}
              onClick={() => void lock()}
              title="锁定台账（Ctrl+L）"
              data-testid="lock-button"
            >
              锁定
            </Button>
          )}
        </Layout.Header>
        {!window.yqyc && <MenuBar ledgerOpen={ledger !== null} locked={locked !== null} />}
        <Layout.Content style={{ padding: 24 }}>
          {booting ? (
            <Spin description="正在载入…" fullscreen />
          ) : county ? (
            <Suspense fallback={<Spin description="正在载入…" fullscreen />}>
              <CountyPlace initial={county.view} onLeave={() => setCounty(null)} />
            </Suspense>
          ) : ledger ? (
            <LedgerScreen key={`${ledger.id}:${mount}`} ledger={ledger} onClose={close} onReopened={reopened} />
          ) : locked ? null : (
            <StartScreen onOpened={show} onCounty={() => setCounty({ view: null })} />
          )}
        </Layout.Content>
      </Layout>
      <AppCommands
        ledger={ledger}
        inCounty={county !== null}
        locked={locked !== null}
        onOpened={opened}
        onClose={close}
        onCounty={() => setCounty({ view: null })}
        lock={lock}
        canLock={canLock}
      />
      <GuideCommands />
      {locked && <LockScreen {...locked} onUnlocked={unlocked} onClose={() => void close()} />}
    </PasswordPromptProvider>
  );
}
