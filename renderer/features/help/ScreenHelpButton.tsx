import { QuestionCircleOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect, useState } from 'react';
import { runMenuCommand, useMenuCommand } from '../../app/commands/registry';
import { HelpDrawer } from './HelpDrawer';
import type { ScreenHelp } from './screenHelp';

/**
 * F1 in the page. The desktop menu's accelerator sends 'help.screen' too; opening twice is harmless. The key goes
 * through the command registry so only the screen in front (the newest registration) opens its help.
 */
function onF1(event: KeyboardEvent) {
  if (event.key !== 'F1' || event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) return;
  // The browser's own F1 would open its help centre in a new tab.
  event.preventDefault();
  runMenuCommand('help.screen');
}

/** The 帮助 button of a screen; it and F1 / the menu's 本页帮助 open `help`, the text of what is in front now. */
export function ScreenHelpButton({ help }: { help: ScreenHelp }) {
  const [open, setOpen] = useState(false);
  useMenuCommand('help.screen', () => setOpen(true));
  useEffect(() => {
    window.addEventListener('keydown', onF1);
    return () => window.removeEventListener('keydown', onF1);
  }, []);
  return (
    <>
      <Button
        icon={<QuestionCircleOutlined />}
        onClick={() => setOpen(true)}
        title="本页帮助（F1）"
        data-testid="help-button"
      >
        帮助
      </Button>
      <HelpDrawer help={help} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
