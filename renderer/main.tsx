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

/** Electron preload wins; otherwise the loopback bridge (token in the URL). */
function resolveTransport(): Transport | null {
  if (window.hunter) return transportFromHunterApi(window.hunter);
  const token = new URLSearchParams(window.location.search).get('token');
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
