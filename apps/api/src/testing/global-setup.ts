import { TEST_POSTGRES_URL, TEST_SCHEMA_PREFIX, withPostgresClient } from './databases';

const STALE_AFTER_MS = 60 * 60 * 1000;
const DUPLICATE_CODES = new Set(['23505', '42710']);

/**
 * Runs once before all test files. Installs btree_gist up front (CREATE EXTENSION is
 * database-wide and races when parallel files migrate at once) and drops test schemas
 * left behind by interrupted runs, leaving any recent one to the run that owns it.
 */
export default async function setup() {
  try {
    await withPostgresClient(async (client) => {
      try {
        await client.query('create extension if not exists btree_gist');
      } catch (error) {
        if (!DUPLICATE_CODES.has((error as { code?: string }).code ?? '')) throw error;
      }
      const { rows } = await client.query<{ name: string }>(
        `select nspname as name from pg_namespace where starts_with(nspname, $1)`,
        [TEST_SCHEMA_PREFIX],
      );
      for (const { name } of rows) {
        const createdAt = Number(name.slice(TEST_SCHEMA_PREFIX.length).split('_')[0]);
        if (Date.now() - createdAt > STALE_AFTER_MS) {
          await client.query(`drop schema if exists "${name}" cascade`);
        }
      }
    });
  } catch (error) {
    throw new Error(
      `The API tests need PostgreSQL at ${TEST_POSTGRES_URL} (set TEST_DATABASE_URL to change it).`,
      { cause: error },
    );
  }
}
