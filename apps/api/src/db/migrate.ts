import { fileURLToPath } from 'node:url';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './client';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle/', import.meta.url));

/** Drizzle's default home for its journal, used unless the database is schema-isolated. */
const DEFAULT_MIGRATIONS_SCHEMA = 'drizzle';

// Any constant will do; it only has to be the same for every replica of this API.
const MIGRATION_LOCK_KEY = 7_301_945_118;

/** Applies pending migrations; already-applied ones are skipped, so it is safe on every boot. */
export async function runMigrations(database: Database): Promise<void> {
  const config = {
    migrationsFolder: MIGRATIONS_FOLDER,
    migrationsSchema: database.schema ?? DEFAULT_MIGRATIONS_SCHEMA,
  };

  if (database.kind === 'pglite') {
    await migratePglite(drizzlePglite({ client: database.client }), config);
    return;
  }

  // Replicas booting together would otherwise race to apply the same migration.
  const connection = await database.pool.connect();
  try {
    await connection.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migratePostgres(drizzlePostgres({ client: connection }), config);
    } finally {
      await connection.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    connection.release();
  }
}
