// Provider names as people read them ("Kendi sunucusu", not "Local"), from the one list main serves. Loaded once;
// until it arrives (or for a name it lacks) the stored name shows, which is never wrong, only less friendly.
import { useEffect, useState } from 'react';
import type { Lang } from '../../shared/lang';
import { api } from './api';

let labels: Record<Lang, Record<string, string>> | null = null;
let loading: Promise<void> | null = null;
const waiting = new Set<() => void>();

function load(): Promise<void> {
  loading ??= api
    .invoke('app.providerLabels', {})
    .then((loaded) => {
      labels = loaded;
      for (const notify of waiting) notify();
    })
    .catch(() => {
      loading = null;
    });
  return loading;
}

export function providerLabel(name: string | null, lang: Lang): string {
  if (!name) return '';
  return labels?.[lang]?.[name] ?? name;
}

/** Re-renders the caller once the labels have arrived; true from then on (a dependency for memoised cells). */
export function useProviderLabels(): boolean {
  const [loaded, setLoaded] = useState(labels !== null);
  useEffect(() => {
    if (labels) return;
    const notify = () => setLoaded(true);
    waiting.add(notify);
    void load();
    return () => {
      waiting.delete(notify);
    };
  }, []);
  return loaded;
}
