import { App } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { OpenLedger } from '../../../shared/ipc/ledgers';
import { useLedgerOpener } from '../../features/start/useLedgerOpener';
import { useMenuDispatch } from './dispatch';
import { useMenuCommand } from './registry';
import { useLedgerFiles } from './useLedgerFiles';

// 关于 is seldom opened: its code is fetched then, not with the first page.
const AboutModal = lazy(() => import('../../features/about/AboutModal').then((m) => ({ default: m.AboutModal })));

const NO_PASSWORD = '此台账没有设置密码，不能锁定。可在“台账设置 → 密码与锁定”中设置密码后再锁定';

/**
 * The menu's commands that belong to the program rather than to a screen (opening, closing, 锁定, 关于), the desktop
 * menu's messages and the ledger files handed to the program. Screens opened over it take the commands they carry
 * out better themselves (the start screen its own 打开台账).
 */
export function AppCommands({
  ledger,
  inCounty,
  locked,
  onOpened,
  onClose,
  onCounty,
  lock,
  canLock,
}: {
  ledger: OpenLedger | null;
  /** 全县汇总 is open: a ledger cannot be opened over it. */
  inCounty: boolean;
  /** The lock screen is up: the desktop menu's commands wait until the password is entered. */
  locked: boolean;
  onOpened: (ledger: OpenLedger) => void;
  /** Closes the open ledger and goes back to the start screen. */
  onClose: () => Promise<void>;
  onCounty: () => void;
  lock: () => Promise<void>;
  canLock: boolean;
}) {
  const { message } = App.useApp();
  const [about, setAbout] = useState(false);
  const ledgerOpen = ledger !== null;
  const dispatch = useMenuDispatch(ledgerOpen);
  const opener = useLedgerOpener(onOpened);
  const free = !inCounty;

  useEffect(
    () =>
      window.yqyc?.onMenuCommand((command) =>
        locked ? void message.warning('台账已锁定，请先输入密码解锁') : dispatch(command),
      ),
    [dispatch, locked, message],
  );
  useEffect(() => {
    window.yqyc?.setMenuState({ ledgerOpen }).catch(() => undefined);
  }, [ledgerOpen]);
  useLedgerFiles(opener.openFileRef);

  useMenuCommand('file.openLedger', free ? () => void opener.openFile() : null);
  useMenuCommand('file.openSample', free ? () => void opener.openSample() : null);
  // From an open ledger: back to the start screen, whose form takes the cursor (it registers 新建台账 itself).
  useMenuCommand('file.newLedger', ledgerOpen ? () => void onClose() : null);
  useMenuCommand('file.closeLedger', ledgerOpen ? () => void onClose() : null);
  useMenuCommand('file.countyView', ledgerOpen ? () => void onClose().then(onCounty) : null);
  useMenuCommand('ledger.lock', ledgerOpen ? () => (canLock ? void lock() : void message.warning(NO_PASSWORD)) : null);
  useMenuCommand('help.about', () => setAbout(true));

  return about ? (
    <Suspense fallback={null}>
      <AboutModal onClose={() => setAbout(false)} />
    </Suspense>
  ) : null;
}
