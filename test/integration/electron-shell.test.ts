// The Electron binary cannot be installed on the build machines, so the shell's wiring is checked against a
// recording stand-in for the electron module: the window's security options, navigation and window.open policy,
// permission denial, the IPC sender check, the app:// protocol's CSP and path guard, window-state persistence, and the
// single instance: files from the first launch, a second launch or macOS open-file reach the window's import preview.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunter-shell-'));
const launchCsv = path.join(dir, 'launched with.csv');
fs.writeFileSync(launchCsv, 'domain,company\nexample.com,Example\n');
const savedArgv = process.argv;

const recorded = vi.hoisted(() => ({
  appHandlers: new Map<string, (...args: any[]) => void>(),
  windowOptions: null as any,
  windowHandlers: new Map<string, (...args: any[]) => void>(),
  loadedUrl: '',
  ipcHandler: null as null | ((event: any, channel: unknown, input: unknown) => Promise<any>),
  protocolHandler: null as null | ((request: Request) => Promise<Response>),
  permissionHandler: null as null | ((wc: unknown, permission: string, callback: (ok: boolean) => void) => void),
  openedExternally: [] as string[],
  ready: null as null | Promise<void>,
  focused: 0,
  sent: [] as unknown[][],
}));

vi.mock('electron-log/main', () => ({
  default: { initialize: vi.fn(), debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() },
}));
vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { send: (...args: unknown[]) => recorded.sent.push(args) };
    constructor(options: unknown) {
      recorded.windowOptions = options;
    }
    maximize() {}
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {
      recorded.focused++;
    }
    show() {}
    once() {}
    on(event: string, handler: () => void) {
      recorded.windowHandlers.set(event, handler);
    }
    loadURL(url: string) {
      recorded.loadedUrl = url;
      return Promise.resolve();
    }
    getNormalBounds() {
      return { x: 10, y: 20, width: 1200, height: 800 };
    }
    isMaximized() {
      return false;
    }
  }
  return {
    app: {
      requestSingleInstanceLock: () => true,
      on: (event: string, handler: () => void) => recorded.appHandlers.set(event, handler),
      whenReady: () => (recorded.ready = Promise.resolve()),
      getPath: () => dir,
      getVersion: () => '0.0.0-test',
      isPackaged: false,
      quit: vi.fn(),
    },
    BrowserWindow,
    ipcMain: { handle: (_channel: string, handler: any) => (recorded.ipcHandler = handler) },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: (_scheme: string, handler: any) => (recorded.protocolHandler = handler),
    },
    net: { fetch: async () => new Response('<!doctype html>', { headers: { 'Content-Type': 'text/html' } }) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: any) => (recorded.permissionHandler = handler),
        setPermissionCheckHandler: vi.fn(),
      },
    },
    shell: { openExternal: (url: string) => recorded.openedExternally.push(url) },
  };
});

beforeAll(async () => {
  process.env.HUNTER_DB = path.join(dir, 'hunter.db');
  // how Windows and Linux start the app for a double-clicked file
  process.argv = [process.execPath, launchCsv];
  await import('../../main/index');
  await recorded.ready;
  // whenReady().then(...) runs one microtask later
  await new Promise((resolve) => setImmediate(resolve));
});
afterAll(() => {
  process.argv = savedArgv;
  delete process.env.HUNTER_DB;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('Electron shell', () => {
  it('opens one sandboxed, context-isolated window without Node, on the app scheme, after migrating the database', () => {
    expect(recorded.windowOptions.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
    expect(recorded.windowOptions.webPreferences.preload).toMatch(/preload[\\/]index\.cjs$/);
    expect(recorded.loadedUrl).toBe('hunter://app/index.html');
    expect(fs.existsSync(process.env.HUNTER_DB!)).toBe(true);
  });

  it('answers IPC only from the app frame, through the validating dispatch', async () => {
    const call = (frameUrl: string, channel: string, input: unknown) =>
      recorded.ipcHandler!({ senderFrame: { url: frameUrl } }, channel, input);
    expect(await call('https://evil.example/', 'leads.kpis', {})).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'IPC from an untrusted frame' },
    });
    expect(await call('hunter://app/index.html', 'leads.kpis', {})).toEqual({
      ok: true,
      data: { total_leads: 0, migration: 0, high_priority: 0, max_score: null },
    });
    expect((await call('hunter://app/index.html', 'shell.exec', {})).error.code).toBe('unknown_channel');
    expect((await call('hunter://app/index.html', 'leads.get', { domain: 42 })).error.code).toBe('validation');
  });

  it('blocks navigation away from the app, denies new windows and opens only http(s) links outside', () => {
    const contentsHandlers = new Map<string, (...args: any[]) => void>();
    let openHandler: (details: { url: string }) => { action: string } = () => ({ action: 'allow' });
    recorded.appHandlers.get('web-contents-created')!(
      {},
      {
        on: (event: string, handler: () => void) => contentsHandlers.set(event, handler),
        setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
      },
    );
    const navigate = (url: string) => {
      const event = { preventDefault: vi.fn() };
      contentsHandlers.get('will-navigate')!(event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('https://evil.example/phish')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('hunter://app/index.html#/settings')).toBe(false);
    const webview = { preventDefault: vi.fn() };
    contentsHandlers.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();

    expect(openHandler({ url: 'https://partner.microsoft.com/' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: 'file:///C:/Windows/system32/calc.exe' })).toEqual({ action: 'deny' });
    expect(recorded.openedExternally).toEqual(['https://partner.microsoft.com/']);
  });

  it('denies every permission request', () => {
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      recorded.permissionHandler!({}, permission, (ok) => answers.push(ok));
    }
    expect(answers).toEqual([false, false, false, false]);
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const page = await recorded.protocolHandler!(new Request('hunter://app/index.html'));
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("object-src 'none'");
    const escape = await recorded.protocolHandler!(new Request('hunter://app/%2e%2e/%2e%2e/package.json'));
    expect(escape.status).toBe(404);
  });

  it('remembers the window bounds for the next start', async () => {
    recorded.windowHandlers.get('close')!();
    const { openStore } = await import('../../main/store/db');
    const store = openStore(process.env.HUNTER_DB!);
    expect(store.settings.get('window')).toEqual({ x: 10, y: 20, width: 1200, height: 800, maximized: false });
    store.close();
  });

  describe('single instance', () => {
    const invoke = (channel: string, input: unknown = {}) =>
      recorded.ipcHandler!({ senderFrame: { url: 'hunter://app/index.html' } }, channel, input);
    const decoded = (files: { file_name: string; content_base64: string }[]) =>
      files.map((f) => [f.file_name, Buffer.from(f.content_base64, 'base64').toString('utf8')]);

    it('hands the file the app was launched with to the window, once', async () => {
      const first = await invoke('files.take_opened');
      expect(decoded(first.data)).toEqual([['launched with.csv', 'domain,company\nexample.com,Example\n']]);
      expect((await invoke('files.take_opened')).data).toEqual([]);
    });

    it('sends a second launch’s CSV to the running window and tells it to preview the import', async () => {
      const other = path.join(dir, 'sub', 'leads.xlsx');
      fs.mkdirSync(path.dirname(other), { recursive: true });
      fs.writeFileSync(other, 'xlsx bytes');
      const focusedBefore = recorded.focused;
      recorded.sent.length = 0;

      recorded.appHandlers.get('second-instance')!(
        {},
        ['/opt/Hunter/hunter', '--flag', 'sub/leads.xlsx', 'notes.txt'],
        dir,
      );

      expect(recorded.focused).toBe(focusedBefore + 1);
      expect(recorded.sent).toEqual([['hunter:event', 'files.opened', { count: 1 }]]);
      expect(decoded((await invoke('files.take_opened')).data)).toEqual([['leads.xlsx', 'xlsx bytes']]);
    });

    it('takes macOS open-file events the same way', async () => {
      const event = { preventDefault: vi.fn() };
      recorded.appHandlers.get('open-file')!(event, launchCsv);
      expect(event.preventDefault).toHaveBeenCalled();
      expect(decoded((await invoke('files.take_opened')).data).map(([name]) => name)).toEqual(['launched with.csv']);
    });

    it('skips files it cannot read instead of failing', async () => {
      recorded.appHandlers.get('second-instance')!({}, ['hunter', path.join(dir, 'missing.csv')], dir);
      expect((await invoke('files.take_opened')).data).toEqual([]);
    });
  });

  it('leaves updates off when the app is not installed', async () => {
    const status = await recorded.ipcHandler!(
      { senderFrame: { url: 'hunter://app/index.html' } },
      'updates.status',
      {},
    );
    expect(status.data).toMatchObject({ enabled: false });
  });

  it('on quit, holds the app until the services have stopped, then quits for real', async () => {
    const { app } = await import('electron');
    const beforeQuit = recorded.appHandlers.get('before-quit')!;
    const first = { preventDefault: vi.fn() };
    beforeQuit(first);
    expect(first.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    // the second round (app.quit calling before-quit again) goes through
    const second = { preventDefault: vi.fn() };
    beforeQuit(second);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });
});
