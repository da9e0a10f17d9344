import { eq, sql } from 'drizzle-orm';
import type { Clock, Db } from './db-types';
import { settings } from './schema';

/** Key → JSON value. Validation belongs to the caller (shared/settings.ts schemas), not to storage. */
export interface SettingsRepository {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
}

export function createSettingsRepository(db: Db, now: Clock): SettingsRepository {
  return {
    get<T>(key: string): T | undefined {
      const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get();
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
    set(key: string, value: unknown): void {
      if (value === undefined) throw new Error(`settings.set(${key}): undefined is not a storable value`);
      db.insert(settings)
        .values({ key, value: JSON.stringify(value), updated_at: now().toISOString() })
        .onConflictDoUpdate({
          target: settings.key,
          set: { value: sql`excluded.value`, updated_at: sql`excluded.updated_at` },
        })
        .run();
    },
  };
}
