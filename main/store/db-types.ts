import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';

/** drizzle over better-sqlite3; `$client` is the raw connection, used for synchronous transactions. */
export type Db = BetterSQLite3Database & { $client: Database.Database };
/** Injected time source; tests pin it so dates, expiry and "last 30 days" are deterministic. */
export type Clock = () => Date;
