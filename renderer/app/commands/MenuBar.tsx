import { Button, Dropdown, Flex, type MenuProps } from 'antd';
import { APP_MENU, isMenuCommand, shortcutText, type MenuGroup } from '../../../shared/menu/appMenu';
import { useMenuDispatch } from './dispatch';
import { useMenuShortcuts } from './useMenuShortcuts';

type Items = NonNullable<MenuProps['items']>;

/** A group's commands; the Electron roles (撤销, 复制, 放大 …) are the browser's own and are not drawn. */
function itemsOf(group: MenuGroup, ledgerOpen: boolean): Items {
  const items: Items = [];
  for (const entry of group.entries) {
    if (entry.kind === 'separator') {
      // A divider only between two commands: the roles around it are gone.
      if (items.length > 0 && items[items.length - 1]?.type !== 'divider') items.push({ type: 'divider' });
    } else if (entry.kind === 'command') {
      items.push({
        key: entry.command,
        label: entry.label,
        extra: entry.accelerator ? shortcutText(entry.accelerator) : undefined,
        disabled: entry.needsLedger === true && !ledgerOpen,
      });
    }
  }
  while (items[items.length - 1]?.type === 'divider') items.pop();
  return items;
}

/**
 * The browser shell's menu bar: the desktop's menus (shared/menu/appMenu.ts) as a compact bar under the title, and
 * their shortcuts. The desktop shell draws none: its window has the native menu.
 */
export function MenuBar({ ledgerOpen, locked }: { ledgerOpen: boolean; locked: boolean }) {
  const dispatch = useMenuDispatch(ledgerOpen);
  // Nothing behind the lock screen may be reached from the keyboard either.
  useMenuShortcuts(dispatch, !locked);
  return (
    <Flex
      role="menubar"
      aria-label="菜单栏"
      gap={2}
      data-testid="menu-bar"
      style={{ background: '#fff', borderBottom: '1px solid #f0f0f0', paddingInline: 16 }}
    >
      {APP_MENU.map((group) => {
        const items = itemsOf(group, ledgerOpen);
        if (items.length === 0) return null;
        return (
          <Dropdown
            key={group.label}
            trigger={['click']}
            menu={{
              items,
              onClick: ({ key }) => {
                if (isMenuCommand(key)) dispatch(key);
              },
            }}
          >
            <Button type="text" size="small" autoInsertSpace={false} data-testid={`menu-${group.accessKey}`}>
              {group.label}
            </Button>
          </Dropdown>
        );
      })}
    </Flex>
  );
}
