import { useMenuCommand } from '../../app/commands/registry';

/** The 文件 menu on the start screen: the same as its buttons (新建台账 is the form's: it takes the cursor). */
export function useStartCommands({
  openFile,
  openSample,
  onCounty,
}: {
  openFile: () => Promise<void>;
  openSample: () => Promise<void>;
  onCounty: () => void;
}): void {
  useMenuCommand('file.openLedger', () => void openFile());
  useMenuCommand('file.openSample', () => void openSample());
  useMenuCommand('file.countyView', onCounty);
}
