// The thin Electron shell: window, security policy and IPC wiring. Everything else (engine, store, services)
// is plain Node and is exercised without Electron by the CLI, the web bridge and the tests.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, net, protocol, session, shell } from 'electron';
import log from 'electron-log/main';
import type { IpcResult } from '../shared/ipc/contract';
import { createHunter } from './app/create-hunter';
import type { Hunter } from './app/create-hunter';
import { errorContext } from './core/log';
import type { Log } from './core/log';
import { dispatch } from './ipc/dispatch';
import { createHandlers } from './ipc/handlers';
import { appFiles } from './platform/app-files';
import { openableArgs } from './services/opened-files';
import { createElectronPlatform } from './shell/electron-platform';
import { electronUpdates } from './shell/updates';
import { rendererCsp, resolveRendererFile } from './security/renderer-files';
import { APP_ORIGIN, APP_SCHEME, isAllowedExternalUrl, isAllowedNavigation, isTrustedSender } from './security/urls';

const FILES = appFiles();
/** how long quitting waits for the services to stop (a running scan pauses) before the app exits anyway */
const QUIT_WAIT_MS = 3000;

interface WindowState {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized?: boolean;
}

log.initialize();
/** the shell's structured log: event name plus context, as JSON in electron-log's file */
const shellLog: Log = {
  debug: (event, context) => log.debug(event, context ?? {}),
  info: (event, context) => log.info(event, context ?? {}),
  warn: (event, context) => log.warn(event, context ?? {}),
  error: (event, context) => log.error(event, context ?? {}),
};
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let hunter: Hunter | null = null;
  let win: BrowserWindow | null = null;
  // a file the app was launched with (Windows/Linux pass it on the command line, macOS sends open-file, possibly
  // before the app is ready): it waits here until the store is open
  const filesBeforeReady = openableArgs(process.argv.slice(1), process.cwd());

  const focusWindow = () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  };
  const openFiles = (paths: string[]) => {
    if (hunter) hunter.openedFiles.offer(paths);
    else filesBeforeReady.push(...paths);
  };

  // a second launch (another double-clicked CSV) ends at once; its files go to this window's import preview
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusWindow();
    openFiles(openableArgs(argv.slice(1), workingDirectory));
  });
  app.on('open-file', (event, file) => {
    event.preventDefault();
    focusWindow();
    openFiles([file]);
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
    const dbPath = process.env.HUNTER_DB ?? path.join(app.getPath('userData'), 'hunter.db');
    const updates = electronUpdates({
      builtInConfig: FILES.updateConfig,
      window: () => win,
      language: () => hunter?.settings.get().language ?? 'en',
    });
    const started = createHunter({ dbPath, platform: createElectronPlatform(dbPath), log: shellLog, updates });
    hunter = started;
    started.openedFiles.offer(filesBeforeReady.splice(0));
    const handlers = createHandlers(started, { version: app.getVersion(), platform: process.platform });

    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);

    protocol.handle(APP_SCHEME, async (request) => {
      const file = resolveRendererFile(FILES.renderer, new URL(request.url).pathname);
      if (!file) return new Response('Not found', { status: 404 });
      const response = await net.fetch(pathToFileURL(file).toString());
      const headers = new Headers(response.headers);
      headers.set('Content-Security-Policy', rendererCsp());
      return new Response(response.body, { status: response.status, headers });
    });

    ipcMain.handle('hunter:invoke', async (event, channel: unknown, input: unknown): Promise<IpcResult<unknown>> => {
      if (!isTrustedSender(event.senderFrame?.url)) {
        return { ok: false, error: { code: 'forbidden', message: 'IPC from an untrusted frame' } };
      }
      return dispatch(handlers, String(channel), input, (err) =>
        shellLog.error('ipc.handler_failed', { channel: String(channel), ...errorContext(err) }),
      );
    });

    const saved = started.store.settings.get<WindowState>('window') ?? { width: 1360, height: 860 };
    win = new BrowserWindow({
      ...saved,
      minWidth: 960,
      minHeight: 600,
      show: false,
      title: 'Hunter',
      webPreferences: {
        preload: FILES.preload,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
      },
    });
    if (saved.maximized) win.maximize();
    const unsubscribe = started.bus.subscribe((name, payload) => win?.webContents.send('hunter:event', name, payload));
    win.once('ready-to-show', () => win?.show());
    win.on('close', () => {
      if (!win) return;
      started.store.settings.set('window', { ...win.getNormalBounds(), maximized: win.isMaximized() });
    });
    win.on('closed', () => {
      unsubscribe();
      win = null;
    });
    void win.loadURL(`${APP_ORIGIN}/index.html`);

    void started.start();
  });

  // Quitting waits (bounded) for the services to stop: a running scan pauses and stays resumable, the store closes.
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting || !hunter) return;
    quitting = true;
    event.preventDefault();
    const stopped = hunter.stop();
    void Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, QUIT_WAIT_MS))]).finally(() => app.quit());
  });

  app.on('window-all-closed', () => app.quit());
}
