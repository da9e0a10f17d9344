import { createHunter } from '../app/create-hunter';
import type { Hunter } from '../app/create-hunter';
import { defaultDbPath } from '../app-paths';

/** Opens the app's services on the chosen database for one command, and stops them (drained) afterwards. */
export async function withHunter<T>(dbOption: unknown, fn: (hunter: Hunter) => Promise<T>): Promise<T> {
  const hunter = createHunter({ dbPath: typeof dbOption === 'string' ? dbOption : defaultDbPath(), timers: false });
  try {
    await hunter.start();
    return await fn(hunter);
  } finally {
    await hunter.stop();
  }
}
