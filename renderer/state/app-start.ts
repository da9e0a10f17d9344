// What the app does once it is up: opens the first-run setup if it was never done, and queues the files the OS
// opened Hunter with (at launch, by a second launch, or by macOS open-file) for the import preview.
import { useCallback, useEffect } from 'react';
import { api } from '../api/api';
import { useHunterEvent } from '../api/hooks';
import { useSession } from './ui-store';

export function useAppStart(): void {
  const setScreen = useSession((state) => state.setScreen);
  const addOpenedFiles = useSession((state) => state.addOpenedFiles);

  const takeOpenedFiles = useCallback(() => {
    api
      .invoke('files.take_opened', {})
      .then((files) => {
        if (files.length === 0) return;
        addOpenedFiles(files);
        // the setup finishes first; the preview is waiting on the leads screen after it
        if (useSession.getState().screen !== 'setup') setScreen('leads');
      })
      // main unreachable: the connection notice says so; the files stay in main for the next try
      .catch(() => {});
  }, [addOpenedFiles, setScreen]);

  useEffect(() => {
    api
      .invoke('setup.state', {})
      .then(({ done }) => {
        if (!done) setScreen('setup');
      })
      .catch(() => {});
    takeOpenedFiles();
  }, [setScreen, takeOpenedFiles]);

  useHunterEvent('files.opened', takeOpenedFiles);
}
