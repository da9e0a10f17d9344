/**
 * A small TTL cache seam. The engine depends only on this interface so scans can be cached in memory
 * (CLI bench, tests) or in the SQLite scan_cache table (the app), without the engine knowing which.
 */
export interface TtlCache {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown, ttlMs: number): void;
  delete(key: string): void;
}

/** What the WHOIS lookup needs: reads may be asynchronous (a scan worker asks the main thread, which owns the store). */
export interface AsyncTtlCache {
  get<T>(key: string): T | undefined | Promise<T | undefined>;
  set(key: string, value: unknown, ttlMs: number): void;
}

export class MemoryTtlCache implements TtlCache {
  private readonly entries = new Map<string, { value: unknown; expiresAt: number }>();

  constructor(
    private readonly maxEntries = 50_000,
    private readonly now: () => number = Date.now,
  ) {}

  get<T>(key: string): T | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.value as T;
  }

  set(key: string, value: unknown, ttlMs: number): void {
    if (this.entries.size >= this.maxEntries) {
      // Map keeps insertion order: dropping the oldest entry is a cheap approximation of LRU
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
