import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { captureToken } from './api/client';
import { prefetchFirstView } from './features/ledger/lazyScreens';
import './app/global.css';
// Messages of the shared schemas checked in forms come in Chinese, as they do from the core.
import '../shared/ipc/zodErrors';

dayjs.locale('zh-cn');
captureToken();
prefetchFirstView();

const root = document.getElementById('root');
if (!root) throw new Error('root element missing');
createRoot(root).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#b71c1c', borderRadius: 4, fontSize: 14 } }}>
      <AntApp>
        <App />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
