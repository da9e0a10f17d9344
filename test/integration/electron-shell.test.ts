// The Electron binary cannot be installed on the build machines, so the shell's wiring is checked against a
// recording stand-in for the electron module: the window's security options, navigation and window.open policy,
// permission denial, the IPC sender check, the app:// protocol's CSP and path guard, and window-state persistence.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunter-shell-'));

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
}));

vi.mock('electron-log/main', () => ({ default: { initialize: vi.fn(), error: vi.fn() } }));
vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { send: vi.fn() };
    constructor(options: unknown) {
      recorded.windowOptions = options;
    }
    maximize() {}
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
  await import('../../main/index');
  await recorded.ready;
  // whenReady().then(...) runs one microtask later
  await new Promise((resolve) => setImmediate(resolve));
});
afterAll(() => {
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
