import { createStorage } from './create-storage';
import { DatabaseNewerThanAppError, MigrationFailedError } from './errors';
import { MIGRATIONS, migrate, schemaVersion, type Migration } from './migrations';
import type { SqlDriver } from './sql-driver';
import { DRIVERS } from './test-drivers';

const v1 = MIGRATIONS[0]!;
const LATEST = MIGRATIONS.length;
/** The version a migration added after today's schema would take. */
const NEXT = LATEST + 1;

const record = {
  id: 'kept',
  patternId: 'coherent-5-5',
  startedAt: '2025-03-10T07:00:00Z',
  endedAt: '2025-03-10T07:03:00Z',
  timeZone: 'UTC',
  breathsCompleted: 18,
  totalBreaths: 18,
  activeMs: 180_000,
  status: 'completed' as const,
};

async function schema(driver: SqlDriver) {
  return driver.all<{ type: string; name: string; sql: string | null }>(
    "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name",
  );
}

async function columns(driver: SqlDriver, table: string) {
  const rows = await driver.all<{ name: string }>(`PRAGMA table_info(${table})`);
  return rows.map((row) => row.name);
}

describe.each(DRIVERS)('migrate on the %s', (_name, openDriver) => {
  let driver: SqlDriver;

  beforeEach(() => {
    driver = openDriver();
  });

  afterEach(async () => {
    await driver.close();
  });

  it('creates the schema on an empty database and records its version', async () => {
    expect(await schemaVersion(driver)).toBe(0);

    expect(await migrate(driver)).toEqual({
      from: 0,
      to: LATEST,
      applied: MIGRATIONS.map(({ version }) => version),
    });

    expect(await schemaVersion(driver)).toBe(LATEST);
    expect((await schema(driver)).map(({ type, name }) => `${type} ${name}`)).toEqual([
      'table badges',
      'table profile',
      'table sessions',
      'index sessions_by_started_at',
      'table settings',
    ]);
  });

  it('does nothing when run again', async () => {
    await migrate(driver);
    const before = await schema(driver);

    expect(await migrate(driver)).toEqual({ from: LATEST, to: LATEST, applied: [] });
    expect(await schema(driver)).toEqual(before);
  });

  it('enforces the session CHECK constraints in the table itself', async () => {
    await migrate(driver);
    const insert = (status: string, completed: number, total: number) =>
      driver.run(
        `INSERT INTO sessions (id, pattern_id, started_at, started_at_ms, ended_at, time_zone,
           breaths_completed, total_breaths, active_ms, status, created_at)
         VALUES ('x', 'p', 's', 0, 'e', 'UTC', ?, ?, 0, ?, 'now')`,
        [completed, total, status],
      );

    // better-sqlite3's errors come from Node's realm, not Jest's, so match their message.
    const checkFailed = { message: expect.stringMatching(/^CHECK constraint failed/) };
    await expect(insert('done', 1, 1)).rejects.toMatchObject(checkFailed);
    await expect(insert('partial', 19, 18)).rejects.toMatchObject(checkFailed);
    await expect(insert('partial', -1, 18)).rejects.toMatchObject(checkFailed);
    await expect(insert('partial', 3, 18)).resolves.toEqual({ changes: 1 });
  });

  it('applies a later migration on top of existing data without losing rows', async () => {
    const storage = await createStorage(driver);
    await storage.sessions.add(record);
    await storage.profile.save({
      name: 'Ana',
      experience: 'beginner',
      goal: 'sleep',
      safety: null,
      preferredTime: null,
      onboardedAt: null,
    });
    await storage.settings.set('soundscape', 'rain');

    const next: Migration = {
      version: NEXT,
      name: 'session tags',
      up: async (db) => {
        await db.exec('ALTER TABLE sessions ADD COLUMN tag TEXT');
        await db.run("UPDATE sessions SET tag = 'from before'");
      },
    };
    expect(await migrate(driver, [...MIGRATIONS, next])).toEqual({
      from: LATEST,
      to: NEXT,
      applied: [NEXT],
    });

    expect(await schemaVersion(driver)).toBe(NEXT);
    expect(await storage.sessions.list()).toEqual([record]);
    expect(await driver.all('SELECT id, tag FROM sessions')).toEqual([
      { id: 'kept', tag: 'from before' },
    ]);
    expect(await storage.profile.get()).toMatchObject({ name: 'Ana', goal: 'sleep' });
    expect(await storage.settings.get('soundscape', 'ocean')).toBe('rain');
  });

  it('rolls a failing migration back entirely and leaves user_version where it was', async () => {
    const storage = await createStorage(driver);
    await storage.sessions.add(record);
    const broken: Migration = {
      version: NEXT,
      name: 'half done',
      // The first two statements succeed before the third fails.
      up: `
        ALTER TABLE sessions ADD COLUMN tag TEXT;
        DELETE FROM sessions;
        INSERT INTO no_such_table VALUES (1);
      `,
    };

    const error = await migrate(driver, [...MIGRATIONS, broken]).then(
      () => null,
      (rejection: unknown) => rejection,
    );

    expect(error).toBeInstanceOf(MigrationFailedError);
    expect(error).toMatchObject({ code: 'migration_failed', version: NEXT });
    expect((error as Error).message).toMatch(
      new RegExp(`migration ${NEXT} \\(half done\\) failed: .*no_such_table`),
    );
    expect(await schemaVersion(driver)).toBe(LATEST);
    expect(await columns(driver, 'sessions')).not.toContain('tag');
    expect(await storage.sessions.list()).toEqual([record]);
    // The connection is usable afterwards: the same list with the fault fixed applies.
    const fixed: Migration = { ...broken, up: 'ALTER TABLE sessions ADD COLUMN tag TEXT' };
    expect(await migrate(driver, [...MIGRATIONS, fixed])).toMatchObject({ applied: [NEXT] });
  });

  it('rolls back a failing function migration, the first one included', async () => {
    const failing: Migration = {
      version: 1,
      name: 'throws after writing',
      up: async (db) => {
        await db.exec('CREATE TABLE t (x INTEGER)');
        throw new Error('boom');
      },
    };

    await expect(migrate(driver, [failing])).rejects.toThrow(/migration 1 .*boom/);
    expect(await schemaVersion(driver)).toBe(0);
    expect(await schema(driver)).toEqual([]);
  });

  it('stops at the last good version when a later one of several fails', async () => {
    const v2: Migration = { version: 2, name: 'ok', up: 'CREATE TABLE two (x INTEGER)' };
    const v3: Migration = { version: 3, name: 'bad', up: 'CREATE TABLE two (x INTEGER)' };
    // Synthetic histories from version 1 only, so real later migrations do not interfere.

    await expect(migrate(driver, [v1, v2, v3])).rejects.toMatchObject({ version: 3 });
    expect(await schemaVersion(driver)).toBe(2);
  });

  it('refuses a database written by a newer build and leaves it untouched', async () => {
    await migrate(driver);
    await driver.exec('PRAGMA user_version = 7');

    await expect(migrate(driver)).rejects.toThrow(DatabaseNewerThanAppError);
    await expect(createStorage(driver)).rejects.toMatchObject({
      code: 'database_newer_than_app',
      databaseVersion: 7,
      appVersion: LATEST,
    });
    expect(await schemaVersion(driver)).toBe(7);
  });

  it('upgrades a version 1 database to onboarding answers and reflections, keeping rows', async () => {
    await migrate(driver, [v1]);
    await driver.run(
      `INSERT INTO sessions (id, pattern_id, started_at, started_at_ms, ended_at, time_zone,
         breaths_completed, total_breaths, active_ms, status, created_at)
       VALUES ('old', 'first-breath', '2025-03-10T07:00:00Z', 1741590000000,
         '2025-03-10T07:03:00Z', 'UTC', 18, 18, 180000, 'completed', 'then')`,
    );
    await driver.run(
      "INSERT INTO profile (id, name, experience, goal, updated_at) VALUES (1, 'Ana', 'some', 'focus', 'then')",
    );

    const storage = await createStorage(driver);

    expect(await schemaVersion(driver)).toBe(LATEST);
    expect(await storage.sessions.get('old')).toEqual({
      ...record,
      id: 'old',
      patternId: 'first-breath',
    });
    expect(await storage.profile.get()).toMatchObject({
      name: 'Ana',
      experience: 'some',
      goal: 'focus',
      safety: null,
      preferredTime: null,
      onboardedAt: null,
    });
    const rate = (value: number) =>
      driver.run('UPDATE sessions SET calm_before = ? WHERE id = ?', [value, 'old']);
    await expect(rate(6)).rejects.toMatchObject({
      message: expect.stringMatching(/^CHECK constraint failed/),
    });
  });

  it('refuses a migration list that is not numbered 1, 2, 3…', async () => {
    const skipped: Migration = { version: 3, name: 'skips 2', up: 'SELECT 1' };

    await expect(migrate(driver, [v1, skipped])).rejects.toThrow(/numbered 1, 2, 3/);
    expect(await schemaVersion(driver)).toBe(0);
  });
});
