import { eq, lte, sql } from 'drizzle-orm';
import type { TtlCache } from '../engine/cache';
import type { Db } from './db-types';
import { scanCache } from './schema';

/** The engine's TTL cache persisted in scan_cache, so DNS/WHOIS answers survive restarts. Values are JSON. */
export class SqliteTtlCache implements TtlCache {
  private readonly selectEntry;
  private readonly upsertEntry;
  private readonly deleteEntry;

  constructor(
    private readonly db: Db,
    /** epoch ms */
    private readonly now: () => number = Date.now,
  ) {
    const p = (name: string) => sql`${sql.placeholder(name)}`;
    this.selectEntry = db
      .select({ value: scanCache.value, expires_at: scanCache.expires_at })
      .from(scanCache)
      .where(eq(scanCache.key, p('key')))
      .prepare();
    this.upsertEntry = db
      .insert(scanCache)
      .values({ key: p('key'), value: p('value'), expires_at: p('expires_at') })
      .onConflictDoUpdate({
        target: scanCache.key,
        set: { value: sql`excluded.value`, expires_at: sql`excluded.expires_at` },
      })
      .prepare();
    this.deleteEntry = db
      .delete(scanCache)
      .where(eq(scanCache.key, p('key')))
      .prepare();
  }

  get<T>(key: string): T | undefined {
    const hit = this.selectEntry.get({ key });
    if (!hit) return undefined;
    if (hit.expires_at <= this.now()) {
      this.deleteEntry.run({ key });
      return undefined;
    }
    return JSON.parse(hit.value) as T;
  }

  set(key: string, value: unknown, ttlMs: number): void {
    this.upsertEntry.run({ key, value: JSON.stringify(value), expires_at: this.now() + ttlMs });
  }

  delete(key: string): void {
    this.deleteEntry.run({ key });
  }

  /** Drops every expired entry (get() only drops the ones it meets); returns how many. */
  purgeExpired(): number {
    return this.db.delete(scanCache).where(lte(scanCache.expires_at, this.now())).run().changes;
  }
}
