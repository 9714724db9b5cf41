import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../testing/databases';
import type { Database } from './client';
import { MIGRATIONS_FOLDER, runMigrations } from './migrate';
import { appMeta } from './schema';

const migrationFiles = readdirSync(MIGRATIONS_FOLDER).filter((file) => file.endsWith('.sql'));

async function appliedMigrations(database: Database) {
  const schema = database.schema ?? 'drizzle';
  const result = await database.db.execute<{ count: number }>(
    sql`select count(*)::int as count from ${sql.identifier(schema)}.__drizzle_migrations`,
  );
  return result.rows[0]?.count;
}

describe.each(DATABASE_KINDS)('migrations on %s', (kind) => {
  let dataDir: string | undefined;
  let store: TestDatabase;

  beforeAll(async () => {
    // PGlite gets a real folder here, so "again" also means "after a restart".
    dataDir = kind === 'pglite' ? mkdtempSync(join(tmpdir(), 'exhale-migrate-')) : undefined;
    store = await openTestDatabase(kind, { migrate: false, pgliteDataDir: dataDir });
  });

  afterAll(async () => {
    await store?.dispose();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('applies every migration to an empty database', async () => {
    await runMigrations(store.db);
    expect(migrationFiles.length).toBeGreaterThan(0);
    expect(await appliedMigrations(store.db)).toBe(migrationFiles.length);

    await store.db.db.insert(appMeta).values({ key: 'greeting', value: 'exhale' });
    const rows = await store.db.db.select().from(appMeta).where(eq(appMeta.key, 'greeting'));
    expect(rows).toEqual([{ key: 'greeting', value: 'exhale', updatedAt: expect.any(Date) }]);
  });

  it('runs again without reapplying anything or losing data', async () => {
    await runMigrations(store.db);
    await store.db.close();

    const reopened = await store.reopen();
    await runMigrations(reopened);
    expect(await appliedMigrations(reopened)).toBe(migrationFiles.length);
    const rows = await reopened.db.select({ value: appMeta.value }).from(appMeta);
    expect(rows).toEqual([{ value: 'exhale' }]);
    store = { ...store, db: reopened };
  });

  it('installs btree_gist, so an exclusion constraint can refuse overlapping ranges', async () => {
    const { db } = store.db;
    await db.execute(sql`
      create temporary table booking_probe (
        practitioner int not null,
        during tstzrange not null,
        exclude using gist (practitioner with =, during with &&)
      )`);
    await db.execute(
      sql`insert into booking_probe values (1, '[2025-01-01 10:00Z, 2025-01-01 11:00Z)')`,
    );
    await db.execute(
      sql`insert into booking_probe values (2, '[2025-01-01 10:30Z, 2025-01-01 11:30Z)')`,
    );
    await expect(
      db.execute(
        sql`insert into booking_probe values (1, '[2025-01-01 10:30Z, 2025-01-01 11:30Z)')`,
      ),
    ).rejects.toMatchObject({ cause: expect.objectContaining({ code: '23P01' }) });
  });
});

describe('migrations on postgres from several replicas at once', () => {
  let store: TestDatabase;

  beforeAll(async () => {
    store = await openTestDatabase('postgres', { migrate: false });
  });

  afterAll(async () => {
    await store?.dispose();
  });

  it('applies each migration exactly once', async () => {
    const replicas = await Promise.all([store.reopen(), store.reopen(), store.reopen()]);
    await Promise.all(replicas.map((replica) => runMigrations(replica)));
    expect(await appliedMigrations(store.db)).toBe(migrationFiles.length);
  });
});
