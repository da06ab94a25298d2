import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { APP_MENU, type MenuCommand, type MenuEntry, type MenuGroup } from '../../shared/menu/appMenu';
import { DESKTOP_EVENTS } from '../../shared/ipc/desktopBridge';

/**
 * The native menu, built from the shared model (shared/menu/appMenu.ts). A command item only tells the page which
 * command was chosen; the page decides what it means. Roles keep Electron's native behaviour with the model's
 * Chinese labels (Electron's own are English).
 */

export interface MenuOptions {
  /** Ledger commands are greyed out until the page reports an open ledger. */
  ledgerOpen: boolean;
  /** A development build keeps DevTools reachable from the menu; an installed copy never shows them. */
  devTools: boolean;
  send: (command: MenuCommand) => void;
}

/** Windows and Linux underline the access key: 文件(&F) shows as 文件(F) and opens with Alt+F. */
export function groupLabel(group: MenuGroup): string {
  return `${group.label}(&${group.accessKey})`;
}

function item(entry: MenuEntry, options: MenuOptions): MenuItemConstructorOptions {
  switch (entry.kind) {
    case 'separator':
      return { type: 'separator' };
    case 'role':
      return { role: entry.role, label: entry.label, ...(entry.accelerator ? { accelerator: entry.accelerator } : {}) };
    case 'command':
      return {
        id: entry.command,
        label: entry.label,
        ...(entry.accelerator ? { accelerator: entry.accelerator } : {}),
        enabled: !entry.needsLedger || options.ledgerOpen,
        click: () => options.send(entry.command),
      };
  }
}

export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const groups: MenuItemConstructorOptions[] = APP_MENU.map((group) => ({
    label: groupLabel(group),
    submenu: group.entries.map((entry) => item(entry, options)),
  }));
  if (options.devTools) {
    const view = groups[APP_MENU.findIndex((g) => g.accessKey === 'V')];
    if (view && Array.isArray(view.submenu)) {
      view.submenu = [
        ...view.submenu,
        { type: 'separator' },
        { role: 'toggleDevTools', label: '开发者工具（仅开发版）', accelerator: 'F12' },
      ];
    }
  }
  // macOS takes the first menu as the application's own (名称, 退出 …); without this 文件 would disappear into it.
  if (process.platform === 'darwin') groups.unshift({ role: 'appMenu' });
  return groups;
}

export interface AppMenu {
  setLedgerOpen(open: boolean): void;
}

/**
 * Installs the menu and rebuilds it when the ledger state changes: rebuilding is the one way that greys items out
 * on every platform (changing `enabled` on a live item is not redrawn everywhere).
 */
export function installAppMenu(getWindow: () => BrowserWindow | null, devTools: boolean): AppMenu {
  const send = (command: MenuCommand) => {
    const win = getWindow();
    if (win && !win.isDestroyed() && !win.webContents.isDestroyed()) win.webContents.send(DESKTOP_EVENTS.menu, command);
  };
  let ledgerOpen: boolean | null = null;
  const apply = (open: boolean) => {
    if (open === ledgerOpen) return;
    ledgerOpen = open;
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ ledgerOpen: open, devTools, send })));
  };
  apply(false);
  return { setLedgerOpen: apply };
}
