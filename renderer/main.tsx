import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { prefetchBoot } from './app/bootReads';
import { captureToken } from './api/client';
import { prefetchFirstView } from './features/ledger/lazyScreens';
import { prefetchPrefs } from './features/preferences/bootPrefs';
import { PreferencesProvider } from './features/preferences/PreferencesProvider';
import './app/global.css';

dayjs.locale('zh-cn');
captureToken();
prefetchFirstView();
// After the token: the browser shell refuses a call without it.
prefetchPrefs();
prefetchBoot();

const root = document.getElementById('root');
if (!root) throw new Error('root element missing');
createRoot(root).render(
  <StrictMode>
    {/* The theme (at this PC's font size), antd's App and 本机设置, around every screen. */}
    <PreferencesProvider>
      <App />
    </PreferencesProvider>
  </StrictMode>,
);
