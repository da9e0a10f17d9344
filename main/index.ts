// The thin Electron shell: window, security policy and IPC wiring. Everything else (engine, store, services)
// is plain Node and is exercised without Electron by the CLI, the web bridge and the tests.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, net, protocol, session, shell } from 'electron';
import log from 'electron-log/main';
import type { IpcResult } from '../shared/ipc/contract';
import { dispatch } from './ipc/dispatch';
import { EventBus } from './ipc/events';
import { createHandlers } from './ipc/handlers';
import { APP_ORIGIN, APP_SCHEME, isAllowedExternalUrl, isAllowedNavigation, isTrustedSender } from './security/urls';
import { openHunter } from './services/context';
import type { HunterContext } from './services/context';

const RENDERER_DIR = path.join(__dirname, '..', 'renderer');
const PRELOAD = path.join(__dirname, '..', 'preload', 'index.cjs');
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

interface WindowState {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized?: boolean;
}

log.initialize();
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let ctx: HunterContext | null = null;
  let win: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });

  app.whenReady().then(() => {
    // migrations run here, before any window exists
    ctx = openHunter({ dbPath: process.env.HUNTER_DB ?? path.join(app.getPath('userData'), 'hunter.db') });
    const bus = new EventBus();
    const { handlers, jobs } = createHandlers(ctx, bus, { version: app.getVersion(), platform: process.platform });

    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);

    protocol.handle(APP_SCHEME, async (request) => {
      const rel = decodeURIComponent(new URL(request.url).pathname);
      const file = path.resolve(RENDERER_DIR, '.' + (rel === '/' ? '/index.html' : rel));
      if (!file.startsWith(RENDERER_DIR + path.sep) || !fs.existsSync(file))
        return new Response('Not found', { status: 404 });
      const response = await net.fetch(pathToFileURL(file).toString());
      const headers = new Headers(response.headers);
      headers.set('Content-Security-Policy', CSP);
      return new Response(response.body, { status: response.status, headers });
    });

    ipcMain.handle('hunter:invoke', async (event, channel: unknown, input: unknown): Promise<IpcResult<unknown>> => {
      if (!isTrustedSender(event.senderFrame?.url)) {
        return { ok: false, error: { code: 'forbidden', message: 'IPC from an untrusted frame' } };
      }
      return dispatch(handlers, String(channel), input, (err) => log.error('ipc handler failed', channel, err));
    });

    const saved = ctx.store.settings.get<WindowState>('window') ?? { width: 1360, height: 860 };
    win = new BrowserWindow({
      ...saved,
      minWidth: 960,
      minHeight: 600,
      show: false,
      title: 'Hunter',
      webPreferences: {
        preload: PRELOAD,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
      },
    });
    if (saved.maximized) win.maximize();
    const unsubscribe = bus.subscribe((name, payload) => win?.webContents.send('hunter:event', name, payload));
    win.once('ready-to-show', () => win?.show());
    win.on('close', () => {
      if (!win || !ctx) return;
      ctx.store.settings.set('window', { ...win.getNormalBounds(), maximized: win.isMaximized() });
    });
    win.on('closed', () => {
      unsubscribe();
      win = null;
    });
    void win.loadURL(`${APP_ORIGIN}/index.html`);

    app.on('before-quit', () => {
      void jobs.idle().finally(() => ctx?.close());
    });
  });

  app.on('window-all-closed', () => app.quit());
}
