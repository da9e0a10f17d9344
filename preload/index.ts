// Exposes exactly one API, window.hunter, to the sandboxed renderer; ipcRenderer itself never leaves this file.
import { contextBridge, ipcRenderer } from 'electron';
import type {
  Channel,
  ChannelInput,
  ChannelOutput,
  EventName,
  HunterApi,
  HunterEvents,
  IpcResult,
} from '../shared/ipc/contract';

const api: HunterApi = {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>) {
    return ipcRenderer.invoke('hunter:invoke', channel, input) as Promise<IpcResult<ChannelOutput<C>>>;
  },
  on<E extends EventName>(event: E, listener: (payload: HunterEvents[E]) => void) {
    const wrapped = (_e: unknown, name: string, payload: unknown) => {
      if (name === event) listener(payload as HunterEvents[E]);
    };
    ipcRenderer.on('hunter:event', wrapped);
    return () => ipcRenderer.removeListener('hunter:event', wrapped);
  },
};

contextBridge.exposeInMainWorld('hunter', api);
