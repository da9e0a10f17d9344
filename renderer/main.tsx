import '@mantine/core/styles.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { HunterApi } from '../shared/ipc/contract';
import { installTransport, transportFromHunterApi } from './api/api';
import { prefetchFirstWindow } from './api/lead-pages';
import type { Transport } from './api/api';
import { createWebTransport } from './api/web-client';
import { App } from './App';
import { NoConnection } from './screens/NoConnection';
import './i18n';

declare global {
  interface Window {
    hunter?: HunterApi;
  }
}

const TOKEN_KEY = 'hunter.token';

/**
 * The bridge's token arrives in the link's query string. It is moved to this tab's session storage and removed
 * from the address bar at once, so it does not linger in the visible URL, in history or in a copied link, while a
 * reload of the tab still finds it.
 */
function takeBridgeToken(): string | null {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    window.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const query = params.toString();
    window.history.replaceState(
      null,
      '',
      `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`,
    );
  }
  return fromUrl ?? window.sessionStorage.getItem(TOKEN_KEY);
}

/** Electron preload wins; otherwise the loopback bridge (token from the link it printed). */
function resolveTransport(): Transport | null {
  if (window.hunter) return transportFromHunterApi(window.hunter);
  const token = takeBridgeToken();
  return token ? createWebTransport(window.location.origin, token) : null;
}

/** How long the first render waits for the grid's first rows before showing the app without them. */
const FIRST_WINDOW_WAIT_MS = 300;

const transport = resolveTransport();
if (transport) {
  installTransport(transport);
  await Promise.race([prefetchFirstWindow(), new Promise((resolve) => setTimeout(resolve, FIRST_WINDOW_WAIT_MS))]);
}
createRoot(document.getElementById('root')!).render(<StrictMode>{transport ? <App /> : <NoConnection />}</StrictMode>);
