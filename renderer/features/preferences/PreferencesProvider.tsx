import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import {
  createContext,
  lazy,
  Suspense,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { FONT_SIZE_PX, type FontSize } from '../../../shared/domain/pcSettings';
import { useMenuCommand } from '../../app/commands/registry';
import { applyFontSize, bootPrefs, fontSizeHint } from './bootPrefs';

// Opened now and then: its code comes with the first opening, not at start.
const PreferencesDrawer = lazy(() => import('./PreferencesDrawer').then((m) => ({ default: m.PreferencesDrawer })));

interface Preferences {
  /** Opens 本机设置 (the start screen's and the ledger's 设置 buttons, the menu's 本机设置…). */
  openPreferences: () => void;
}

const PreferencesContext = createContext<Preferences>({ openPreferences: () => undefined });

export function usePreferences(): Preferences {
  return useContext(PreferencesContext);
}

/**
 * Chinese faces named first, as global.css does for the page: antd sets its own Latin-only list on every component,
 * which leaves each Chinese character to the system's fallback (slow to shape, and on some Linux desktops a face
 * that is not a 黑体 at all).
 */
const FONT_FAMILY =
  "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'WenQuanYi Zen Hei', 'Source Han Sans SC', sans-serif";

const THEME = { colorPrimary: '#b71c1c', borderRadius: 4, fontFamily: FONT_FAMILY };

/**
 * The app's outermost frame: the theme at the font size this PC chose (read at boot, applied at once when changed)
 * and 本机设置, which is reachable in every state (start screen, ledger, 全县汇总), so it lives here and not in a screen.
 */
export function PreferencesProvider({ children }: { children: ReactNode }) {
  const [fontSize, setFontSize] = useState<FontSize>(fontSizeHint);
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);

  useEffect(() => {
    let live = true;
    void bootPrefs().then((view) => live && view && setFontSize(view.fontSize));
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => applyFontSize(fontSize), [fontSize]);

  const openPreferences = useCallback(() => {
    setOpened(true);
    setOpen(true);
  }, []);
  useMenuCommand('file.preferences', openPreferences);
  const value = useMemo(() => ({ openPreferences }), [openPreferences]);
  // zeroRuntime: the components' styles come from antd's static sheet (main.tsx), which reads the theme from CSS
  // variables; generating them in script took about 0.2 s of every start's page thread. The tokens (colour, radius,
  // font, this PC's font size) are still turned into those variables here, so 字号 applies at once as before.
  const theme = useMemo(
    () => ({ zeroRuntime: true, token: { ...THEME, fontSize: FONT_SIZE_PX[fontSize] } }),
    [fontSize],
  );

  return (
    <ConfigProvider locale={zhCN} theme={theme}>
      <AntApp>
        <PreferencesContext.Provider value={value}>
          {children}
          {opened && (
            <Suspense fallback={null}>
              <PreferencesDrawer
                open={open}
                onClose={() => setOpen(false)}
                fontSize={fontSize}
                onFontSize={setFontSize}
              />
            </Suspense>
          )}
        </PreferencesContext.Provider>
      </AntApp>
    </ConfigProvider>
  );
}
