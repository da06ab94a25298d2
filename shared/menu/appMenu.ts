/**
 * The application menu, once for both shells: the desktop shell builds Electron's native menu from it and the
 * browser shell draws the same menus as a bar above the page. A command is only an id; what it does lives in the
 * renderer (renderer/app/commands), which is the one place that knows the screens. Text-editing and window items
 * are Electron roles: the desktop shell gives them their native behaviour, the browser shell leaves them to the
 * browser and does not draw them.
 */

export const MENU_COMMANDS = [
  'file.newLedger',
  'file.openLedger',
  'file.openSample',
  'file.closeLedger',
  'file.countyView',
  'file.preferences',
  'edit.find',
  'view.dashboard',
  'view.enterprises',
  'view.reminders',
  'view.plans',
  'view.documents',
  'ledger.newEnterprise',
  'ledger.import',
  'ledger.backupNow',
  'ledger.restore',
  'ledger.lock',
  'ledger.settings',
  'report.ledger',
  'report.partyStats',
  'report.coverage',
  'report.template',
  'report.snapshot',
  'doc.new',
  'doc.register',
  'doc.ledgerCards',
  'doc.fonts',
  'help.screen',
  'help.guide',
  'help.guidePdf',
  'help.about',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/** Electron's built-in behaviours the menu uses; each has its Chinese label here (Electron's defaults are English). */
export type MenuRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'zoomIn'
  | 'zoomOut'
  | 'resetZoom'
  | 'togglefullscreen'
  | 'reload'
  | 'quit';

export type MenuEntry =
  | {
      kind: 'command';
      command: MenuCommand;
      label: string;
      /** Electron accelerator syntax (CmdOrCtrl+O); the browser bar shows it as Ctrl+O. */
      accelerator?: string;
      /** Does nothing useful without an open ledger: the desktop menu greys it out and the bar disables it. */
      needsLedger?: boolean;
    }
  | { kind: 'role'; role: MenuRole; label: string; accelerator?: string }
  | { kind: 'separator' };

export interface MenuGroup {
  /** 文件, 编辑 …; the access key is shown as （F） after the label on Windows and Linux. */
  label: string;
  accessKey: string;
  entries: readonly MenuEntry[];
}

const cmd = (command: MenuCommand, label: string, accelerator?: string, needsLedger = false): MenuEntry => ({
  kind: 'command',
  command,
  label,
  ...(accelerator ? { accelerator } : {}),
  ...(needsLedger ? { needsLedger } : {}),
});
const role = (r: MenuRole, label: string, accelerator?: string): MenuEntry => ({
  kind: 'role',
  role: r,
  label,
  ...(accelerator ? { accelerator } : {}),
});
const separator: MenuEntry = { kind: 'separator' };

export const APP_MENU: readonly MenuGroup[] = [
  {
    label: '文件',
    accessKey: 'F',
    entries: [
      cmd('file.newLedger', '新建台账…', 'CmdOrCtrl+N'),
      cmd('file.openLedger', '打开台账…', 'CmdOrCtrl+O'),
      cmd('file.openSample', '打开示例台账'),
      cmd('file.closeLedger', '关闭台账', undefined, true),
      separator,
      cmd('file.countyView', '全县汇总…'),
      separator,
      cmd('file.preferences', '本机设置…', 'CmdOrCtrl+,'),
      separator,
      role('quit', '退出', 'CmdOrCtrl+Q'),
    ],
  },
  {
    label: '编辑',
    accessKey: 'E',
    entries: [
      role('undo', '撤销', 'CmdOrCtrl+Z'),
      role('redo', '重做', 'CmdOrCtrl+Y'),
      separator,
      role('cut', '剪切', 'CmdOrCtrl+X'),
      role('copy', '复制', 'CmdOrCtrl+C'),
      role('paste', '粘贴', 'CmdOrCtrl+V'),
      role('selectAll', '全选', 'CmdOrCtrl+A'),
      separator,
      cmd('edit.find', '查找企业', 'CmdOrCtrl+F', true),
    ],
  },
  {
    label: '视图',
    accessKey: 'V',
    entries: [
      cmd('view.dashboard', '覆盖概览', 'CmdOrCtrl+1', true),
      cmd('view.enterprises', '企业台账', 'CmdOrCtrl+2', true),
      cmd('view.reminders', '提醒', 'CmdOrCtrl+3', true),
      cmd('view.plans', '一企一策', 'CmdOrCtrl+4', true),
      cmd('view.documents', '公文', 'CmdOrCtrl+5', true),
      separator,
      role('zoomIn', '放大', 'CmdOrCtrl+='),
      role('zoomOut', '缩小', 'CmdOrCtrl+-'),
      role('resetZoom', '实际大小', 'CmdOrCtrl+0'),
      role('togglefullscreen', '全屏', 'F11'),
      separator,
      role('reload', '重新载入', 'F5'),
    ],
  },
  {
    label: '台账',
    accessKey: 'L',
    entries: [
      cmd('ledger.newEnterprise', '新增企业…', 'CmdOrCtrl+Shift+N', true),
      cmd('ledger.import', '导入表格…', 'CmdOrCtrl+I', true),
      separator,
      cmd('ledger.backupNow', '立即备份', undefined, true),
      cmd('ledger.restore', '从备份恢复…', undefined, true),
      separator,
      cmd('ledger.lock', '锁定台账', 'CmdOrCtrl+L', true),
      cmd('ledger.settings', '台账设置', undefined, true),
    ],
  },
  {
    label: '报表',
    accessKey: 'R',
    entries: [
      cmd('report.ledger', '导出企业台账…', undefined, true),
      cmd('report.partyStats', '导出党内统计表…', undefined, true),
      cmd('report.coverage', '导出覆盖情况表…', undefined, true),
      cmd('report.template', '填报上级模板…', undefined, true),
      separator,
      cmd('report.snapshot', '生成统计快照…', undefined, true),
    ],
  },
  {
    label: '公文',
    accessKey: 'D',
    entries: [
      cmd('doc.new', '新建公文…', undefined, true),
      cmd('doc.register', '发文登记', undefined, true),
      separator,
      cmd('doc.ledgerCards', '打印台账卡片…', undefined, true),
      cmd('doc.fonts', '公文字体与打印设置', undefined, true),
    ],
  },
  {
    label: '帮助',
    accessKey: 'H',
    entries: [
      cmd('help.screen', '本页帮助', 'F1'),
      cmd('help.guide', '操作手册'),
      cmd('help.guidePdf', '导出操作手册 PDF…'),
      separator,
      cmd('help.about', '关于'),
    ],
  },
];

/** Every command the menu model names, in menu order: tests check each reaches a handler in both shells. */
export function menuCommands(menu: readonly MenuGroup[] = APP_MENU): MenuCommand[] {
  return menu.flatMap((g) => g.entries.flatMap((e) => (e.kind === 'command' ? [e.command] : [])));
}

/** The menu group and entry of a command: its label, shortcut and whether it needs a ledger. */
export function menuEntry(command: MenuCommand): { group: MenuGroup; entry: Extract<MenuEntry, { kind: 'command' }> } {
  for (const group of APP_MENU)
    for (const entry of group.entries)
      if (entry.kind === 'command' && entry.command === command) return { group, entry };
  throw new Error(`menu command without a menu entry: ${command}`);
}

/** CmdOrCtrl+Shift+N → Ctrl+Shift+N: how the browser bar and the help texts show a shortcut on a clerk's PC. */
export function shortcutText(accelerator: string): string {
  return accelerator.replace('CmdOrCtrl', 'Ctrl');
}
