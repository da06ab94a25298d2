import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session as sessions } from 'electron';
import type { FontReport } from '../../shared/ipc/print';
import type { HostRenderer } from '../core/host/protocol';
import { FONT_ROLES, fontProbeHtml, fontProbeId, fontRole, mainFace } from '../core/print/engine/fontCheck';
import { hardenSession } from './window';

/** Print jobs get a session of their own, in memory only, hardened like the app's: nothing leaves the machine. */
const PRINT_PARTITION = 'print-jobs';
const READY_TIMEOUT_MS = 180_000;

/**
 * The desktop's print engine: Electron's own Chromium in a hidden window with no preload, no Node and a sandbox.
 * JavaScript stays on for the layout's finishing script, which marks <html data-ready> when the pages are final.
 */
export function electronRenderer(): HostRenderer {
  const ses = sessions.fromPartition(PRINT_PARTITION, { cache: false });
  hardenSession(ses);
  // A print page is one local file that asks for nothing else; refusing every other request keeps a stray URL in a
  // document from loading. (A file, not a data: URL: Chromium caps those at 2 MiB, less than a village's cards.)
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !pagesInPrint.has(details.url) }));
  return {
    pdf: (html) =>
      withWindow(ses, html, (win) =>
        win.webContents.printToPDF({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true }),
      ).then((buffer) => new Uint8Array(buffer)),
    fonts: () => withWindow(ses, fontProbeHtml(), (win) => fontsOf(win)),
  };
}

/** The file: URLs of the pages being printed now: the only requests the print session lets through. */
const pagesInPrint = new Set<string>();

async function withWindow<T>(
  ses: Electron.Session,
  html: string,
  work: (win: BrowserWindow) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'yqyc-print-'));
  const file = join(dir, 'page.html');
  const url = pathToFileURL(file).href;
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      session: ses,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      javascript: true,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
      spellcheck: false,
    },
  });
  // The page is ours and final: it may not go anywhere or open anything (hardenWebContents also runs on it).
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  try {
    await writeFile(file, html, 'utf8');
    pagesInPrint.add(url);
    await win.loadURL(url);
    await waitReady(win);
    return await work(win);
  } finally {
    pagesInPrint.delete(url);
    win.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}

async function waitReady(win: BrowserWindow): Promise<void> {
  const ready = win.webContents.executeJavaScript(
    `new Promise((resolve) => {
       const check = () => document.documentElement.hasAttribute('data-ready') ? resolve(true) : setTimeout(check, 20);
       check();
     })`,
  ) as Promise<boolean>;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error('打印页面排版未能完成（超时），请减少一次打印的份数后重试')),
      READY_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([ready, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

interface PlatformFonts {
  fonts: { familyName: string; glyphCount: number }[];
}

/** Which face drew each role's sample, asked of Chromium over the DevTools protocol. */
async function fontsOf(win: BrowserWindow): Promise<FontReport> {
  const dbg = win.webContents.debugger;
  dbg.attach('1.3');
  try {
    await dbg.sendCommand('DOM.enable');
    await dbg.sendCommand('CSS.enable');
    const { root } = (await dbg.sendCommand('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } };
    const roles = [];
    for (const role of FONT_ROLES) {
      const { nodeId } = (await dbg.sendCommand('DOM.querySelector', {
        nodeId: root.nodeId,
        selector: `#${fontProbeId(role)}`,
      })) as { nodeId: number };
      const { fonts } = (await dbg.sendCommand('CSS.getPlatformFontsForNode', { nodeId })) as PlatformFonts;
      roles.push(fontRole(role, mainFace(fonts)));
    }
    // Electron prints: no separate browser is involved.
    return { roles, browser: null };
  } finally {
    dbg.detach();
  }
}
