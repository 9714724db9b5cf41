import { DatabaseNewerThanAppError, MigrationFailedError } from './errors';
import type { SqlDriver } from './sql-driver';

export interface Migration {
  /** 1, 2, 3… in order; stored in PRAGMA user_version once applied. */
  version: number;
  name: string;
  /** SQL to run, or a function for data migrations that need to read first. */
  up: string | ((driver: SqlDriver) => Promise<void>);
}

export interface MigrationResult {
  from: number;
  to: number;
  applied: number[];
}

/**
 * The app's schema history. Append only: a shipped migration is never edited, because
 * devices that already ran it will not run it again.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'profile, settings and sessions',
    // started_at keeps the offset the session was recorded with (local days need it);
    // started_at_ms is the same instant as a number, because ISO strings with different
    // offsets do not sort as text.
    up: `
      CREATE TABLE profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT,
        experience TEXT CHECK (experience IN ('beginner', 'some', 'regular')),
        goal TEXT CHECK (goal IN ('stress', 'sleep', 'focus', 'energy')),
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL CHECK (json_valid(value)),
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE sessions (
        id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
        pattern_id TEXT NOT NULL CHECK (pattern_id <> ''),
        started_at TEXT NOT NULL,
        started_at_ms INTEGER NOT NULL,
        ended_at TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        breaths_completed INTEGER NOT NULL CHECK (breaths_completed >= 0),
        total_breaths INTEGER NOT NULL CHECK (total_breaths >= 1),
        active_ms INTEGER NOT NULL CHECK (active_ms >= 0),
        status TEXT NOT NULL CHECK (status IN ('completed', 'partial')),
        created_at TEXT NOT NULL,
        CHECK (breaths_completed <= total_breaths)
      ) STRICT;

      CREATE INDEX sessions_by_started_at ON sessions (started_at_ms DESC, id DESC);
    `,
  },
  {
    version: 2,
    name: 'onboarding answers and session reflections',
    // safety and preferred_time hold the coach contract's JSON shapes, checked by the
    // repository on the way in and out; onboarded_at marks a finished welcome chat.
    up: `
      ALTER TABLE profile ADD COLUMN safety TEXT CHECK (safety IS NULL OR json_valid(safety));
      ALTER TABLE profile ADD COLUMN preferred_time TEXT
        CHECK (preferred_time IS NULL OR json_valid(preferred_time));
      ALTER TABLE profile ADD COLUMN onboarded_at TEXT;

      ALTER TABLE sessions ADD COLUMN calm_before INTEGER
        CHECK (calm_before IS NULL OR calm_before BETWEEN 1 AND 5);
      ALTER TABLE sessions ADD COLUMN calm_after INTEGER
        CHECK (calm_after IS NULL OR calm_after BETWEEN 1 AND 5);
      ALTER TABLE sessions ADD COLUMN note TEXT;
    `,
  },
  {
    version: 3,
    name: 'earned badges',
    // Apart from sessions and without a foreign key: retention pruning deletes sessions,
    // and a badge, once earned, stays with its date. earned_at is the local calendar day.
    up: `
      CREATE TABLE badges (
        id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
        earned_at TEXT NOT NULL CHECK (earned_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        session_id TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
    `,
  },
];

function assertWellOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Storage migrations must be numbered 1, 2, 3… in order; found version ${migration.version} at position ${index + 1}.`,
      );
    }
  });
}

export async function schemaVersion(driver: SqlDriver): Promise<number> {
  const row = await driver.first<{ user_version: number }>('PRAGMA user_version');
  return row?.user_version ?? 0;
}

/**
 * Applies the migrations the database has not seen yet, each in its own transaction
 * together with its user_version bump, so a failure leaves the database exactly at the
 * last version that completed.
 */
export async function migrate(
  driver: SqlDriver,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationResult> {
  assertWellOrdered(migrations);
  const from = await schemaVersion(driver);
  const latest = migrations.length;
  if (from > latest) throw new DatabaseNewerThanAppError(from, latest);

  const applied: number[] = [];
  for (const migration of migrations.slice(from)) {
    try {
      await driver.transaction(async () => {
        if (typeof migration.up === 'string') await driver.exec(migration.up);
        else await migration.up(driver);
        // PRAGMA takes no bound parameters; the version is an integer we own.
        await driver.exec(`PRAGMA user_version = ${migration.version}`);
      });
    } catch (error) {
      throw new MigrationFailedError(migration.version, migration.name, error);
    }
    applied.push(migration.version);
  }
  return { from, to: from + applied.length, applied };
}
