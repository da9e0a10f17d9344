// drizzle-kit only generates migration files from the schema; the app applies them itself at open (main/store/db.ts).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './main/store/schema.ts',
  out: './main/store/migrations',
});
