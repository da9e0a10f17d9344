import '@mantine/core/styles.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { HunterApi } from '../shared/ipc/contract';
import { installTransport, transportFromHunterApi } from './api/api';
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

/** Electron preload wins; otherwise the loopback bridge (token in the URL); the fake only in dev/fake builds. */
async function resolveTransport(): Promise<Transport | null> {
  if (window.hunter) return transportFromHunterApi(window.hunter);
  const params = new URLSearchParams(window.location.search);
  // the condition is a build-time constant, so production bundles drop the fake import entirely
  if ((import.meta.env.DEV || import.meta.env.MODE === 'fake') && params.has('fake')) {
    const { createFakeApi } = await import('../test/support/fake-api');
    const count = Number(params.get('fake'));
    return transportFromHunterApi(createFakeApi({ count: count > 1 ? count : undefined, pausedJob: params.has('paused') }));
  }
  const token = params.get('token');
  return token ? createWebTransport(window.location.origin, token) : null;
}

const root = createRoot(document.getElementById('root')!);
void resolveTransport().then((transport) => {
  if (transport) installTransport(transport);
  root.render(<StrictMode>{transport ? <App /> : <NoConnection />}</StrictMode>);
});
