import { defineConfig } from 'drizzle-kit';

// Generation only: migrations are applied at start-up by src/db/migrate.ts, because
// `drizzle-kit migrate` cannot load PGlite extensions such as btree_gist.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './drizzle',
});
