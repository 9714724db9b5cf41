import type { SessionRecord } from '@exhale/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createStorage } from './create-storage';
import { InvalidProfileError, InvalidSessionRecordError, SessionNotFoundError } from './errors';
import { MIGRATIONS, migrate, schemaVersion } from './migrations';
import type { SqlDriver } from './sql-driver';
import { DRIVERS } from './test-drivers';
import type { Storage, StorageWarning } from './types';

function session(overrides: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id: 'session-1',
    patternId: 'coherent-5-5',
    startedAt: '2025-03-10T08:00:00+01:00',
    endedAt: '2025-03-10T08:03:00+01:00',
    timeZone: 'Europe/Paris',
    breathsCompleted: 18,
    totalBreaths: 18,
    activeMs: 180_000,
    status: 'completed',
    ...overrides,
  };
}

/** The onboarding fields a profile saved before the welcome chat has. */
const NOT_ONBOARDED = { safety: null, preferredTime: null, onboardedAt: null } as const;

/** A clock that moves one minute forward on every reading. */
function steppingClock(startIso = '2025-03-10T12:00:00.000Z') {
  let next = Date.parse(startIso);
  return () => {
    const now = new Date(next);
    next += 60_000;
    return now;
  };
}

describe.each(DRIVERS)('Storage on the %s', (_name, openDriver) => {
  let driver: SqlDriver;
  let storage: Storage;
  let warnings: StorageWarning[];

  beforeEach(async () => {
    driver = openDriver();
    warnings = [];
    storage = await createStorage(driver, {
      now: steppingClock(),
      onWarning: (warning) => warnings.push(warning),
    });
  });

  afterEach(async () => {
    await storage.close();
  });

  describe('sessions', () => {
    it('starts empty', async () => {
      expect(await storage.sessions.count()).toBe(0);
      expect(await storage.sessions.list()).toEqual([]);
      expect(await storage.sessions.get('session-1')).toBeNull();
    });

    it('returns an added session unchanged', async () => {
      const record = session({ status: 'partial', breathsCompleted: 7, activeMs: 70_250 });
      await storage.sessions.add(record);

      expect(await storage.sessions.get(record.id)).toEqual(record);
      expect(await storage.sessions.count()).toBe(1);
    });

    it('lists newest first by instant, whatever offset each start was written with', async () => {
      // As text these sort a > b > c; as instants b (07:30Z) > a (07:00Z) > c (04:00Z).
      const a = session({
        id: 'a',
        startedAt: '2025-03-10T08:00:00+01:00',
        endedAt: '2025-03-10T08:03:00+01:00',
      });
      const b = session({
        id: 'b',
        startedAt: '2025-03-10T07:30:00Z',
        endedAt: '2025-03-10T07:33:00Z',
      });
      const c = session({
        id: 'c',
        startedAt: '2025-03-09T23:00:00-05:00',
        endedAt: '2025-03-09T23:03:00-05:00',
      });
      for (const record of [a, c, b]) await storage.sessions.add(record);

      expect((await storage.sessions.list()).map((record) => record.id)).toEqual(['b', 'a', 'c']);
    });

    it('pages with limit and before without gaps or repeats', async () => {
      const days = ['01', '02', '03', '04', '05'];
      for (const day of days) {
        await storage.sessions.add(
          session({
            id: `day-${day}`,
            startedAt: `2025-04-${day}T07:00:00.123456+02:00`,
            endedAt: `2025-04-${day}T07:03:00.123456+02:00`,
            timeZone: 'Europe/Berlin',
          }),
        );
      }

      const pages: string[][] = [];
      let before: string | undefined;
      for (;;) {
        const page = await storage.sessions.list(
          before === undefined ? { limit: 2 } : { limit: 2, before },
        );
        if (page.length === 0) break;
        pages.push(page.map((record) => record.id));
        before = page[page.length - 1]!.startedAt;
      }

      expect(pages).toEqual([['day-05', 'day-04'], ['day-03', 'day-02'], ['day-01']]);
      expect(await storage.sessions.list({ limit: 0 })).toEqual([]);
      expect(
        (await storage.sessions.list({ before: '2025-04-03T05:00:00Z' })).map(
          (record) => record.id,
        ),
      ).toEqual(['day-02', 'day-01']);
    });

    it('refuses list options it cannot honour', async () => {
      await expect(storage.sessions.list({ limit: -1 })).rejects.toThrow(RangeError);
      await expect(storage.sessions.list({ limit: 2.5 })).rejects.toThrow(/limit/);
      await expect(storage.sessions.list({ before: 'yesterday' })).rejects.toThrow(/before/);
    });

    it('updates instead of duplicating when the same id is added again', async () => {
      await storage.sessions.add(
        session({
          id: 'other',
          startedAt: '2025-03-10T07:30:00Z',
          endedAt: '2025-03-10T07:33:00Z',
        }),
      );
      await storage.sessions.add(
        session({ status: 'partial', breathsCompleted: 9, activeMs: 90_000 }),
      );
      // Every field changes, the start included (so the sort key must follow it).
      const corrected: SessionRecord = {
        id: 'session-1',
        patternId: 'box-4-4-4-4',
        startedAt: '2025-03-10T10:00:00+02:00',
        endedAt: '2025-03-10T10:04:00+02:00',
        timeZone: 'Europe/Helsinki',
        breathsCompleted: 15,
        totalBreaths: 15,
        activeMs: 240_000,
        status: 'completed',
      };
      await storage.sessions.add(corrected);
      await storage.sessions.add(corrected);

      expect(await storage.sessions.count()).toBe(2);
      expect(await storage.sessions.get('session-1')).toEqual(corrected);
      // It moved from 07:00Z to 08:00Z, so it now sorts ahead of the other session's 07:30Z.
      expect((await storage.sessions.list()).map((record) => record.id)).toEqual([
        'session-1',
        'other',
      ]);
      // The first write's stamp survives the updates (the clock moved on between calls).
      expect(await driver.first("SELECT created_at FROM sessions WHERE id = 'session-1'")).toEqual({
        created_at: '2025-03-10T12:01:00.000Z',
      });
    });

    it('rejects an invalid record with the offending fields and writes nothing', async () => {
      const invalid = {
        ...session(),
        startedAt: 'yesterday',
        breathsCompleted: 20,
        status: 'done',
      } as unknown as SessionRecord;

      const error = await storage.sessions.add(invalid).then(
        () => null,
        (rejection: unknown) => rejection,
      );

      expect(error).toBeInstanceOf(InvalidSessionRecordError);
      const { code, issues, message } = error as InvalidSessionRecordError;
      expect(code).toBe('invalid_session_record');
      expect(issues.map((issue) => issue.path)).toEqual(
        expect.arrayContaining(['startedAt', 'status']),
      );
      expect(message).toMatch(/^Invalid session record: .*startedAt/);
      expect(await storage.sessions.count()).toBe(0);
    });

    it('rejects records the core contract refuses as a whole (end before start)', async () => {
      await expect(
        storage.sessions.add(session({ endedAt: '2025-03-10T06:59:59Z' })),
      ).rejects.toThrow(/endedAt must not be before startedAt/);
      expect(await storage.sessions.count()).toBe(0);
    });

    it('does not store fields outside the contract', async () => {
      const withExtra = { ...session(), coachNote: 'hi' } as SessionRecord;
      await storage.sessions.add(withExtra);

      expect(await storage.sessions.get('session-1')).toEqual(session());
    });

    it('skips and reports a stored row that no longer matches the contract', async () => {
      await storage.sessions.add(session({ id: 'good' }));
      // Passes the table's CHECKs but not the contract: a completed session missing breaths.
      await driver.run(
        `INSERT INTO sessions (id, pattern_id, started_at, started_at_ms, ended_at, time_zone,
           breaths_completed, total_breaths, active_ms, status, created_at)
         VALUES ('bad', 'coherent-5-5', '2025-03-11T08:00:00Z', ?, '2025-03-11T08:03:00Z',
           'Not a zone!', 10, 18, 100000, 'completed', '2025-03-11T08:03:00Z')`,
        [Date.parse('2025-03-11T08:00:00Z')],
      );

      expect((await storage.sessions.list()).map((record) => record.id)).toEqual(['good']);
      expect(await storage.sessions.get('bad')).toBeNull();
      expect(await storage.sessions.count()).toBe(2);
      expect(warnings).toHaveLength(2);
      expect(warnings[0]).toMatchObject({ code: 'corrupt_session_row', id: 'bad' });
      expect(warnings[0]!.message).toMatch(/timeZone/);
    });
  });

  describe('profile', () => {
    it('has none until saved, then returns what was saved with its save time', async () => {
      expect(await storage.profile.get()).toBeNull();

      const saved = await storage.profile.save({
        name: 'Ana',
        experience: 'beginner',
        goal: 'sleep',
        ...NOT_ONBOARDED,
      });

      expect(saved).toEqual({
        name: 'Ana',
        experience: 'beginner',
        goal: 'sleep',
        ...NOT_ONBOARDED,
        updatedAt: '2025-03-10T12:00:00.000Z',
      });
      expect(await storage.profile.get()).toEqual(saved);
    });

    it('keeps a single profile that each save replaces, nulls included', async () => {
      await storage.profile.save({
        name: 'Ana',
        experience: 'beginner',
        goal: 'sleep',
        ...NOT_ONBOARDED,
      });
      const second = await storage.profile.save({
        name: null,
        experience: 'regular',
        goal: null,
        ...NOT_ONBOARDED,
      });

      expect(await storage.profile.get()).toEqual(second);
      expect(second.updatedAt).toBe('2025-03-10T12:01:00.000Z');
      expect(await driver.first('SELECT COUNT(*) AS n FROM profile')).toEqual({ n: 1 });
    });

    it('rejects values outside the choices and keeps the stored profile', async () => {
      const before = await storage.profile.save({
        name: 'Ana',
        experience: 'some',
        goal: 'focus',
        ...NOT_ONBOARDED,
      });
      const invalid = {
        name: 'Ana',
        experience: 'expert',
        goal: 'focus',
        ...NOT_ONBOARDED,
      } as unknown as Parameters<Storage['profile']['save']>[0];

      await expect(storage.profile.save(invalid)).rejects.toThrow(InvalidProfileError);
      await expect(storage.profile.save(invalid)).rejects.toThrow(/experience: must be one of/);
      expect(await storage.profile.get()).toEqual(before);
    });

    it('keeps the welcome chat answers: safety screen, preferred time, when it was finished', async () => {
      const answers = {
        name: 'Ana',
        experience: 'beginner' as const,
        goal: 'stress' as const,
        safety: {
          pregnancy: false,
          seizures: false,
          heartOrBloodPressure: true,
          recentSurgery: null,
          panicAttacks: false,
        },
        preferredTime: { kind: 'custom' as const, time: '07:15' },
        onboardedAt: '2025-03-10T11:59:00.000Z',
      };

      const saved = await storage.profile.save(answers);

      expect(saved).toEqual({ ...answers, updatedAt: '2025-03-10T12:00:00.000Z' });
      expect(await storage.profile.get()).toEqual(saved);
    });

    it.each([
      ['safety.seizures', { safety: { pregnancy: false } }],
      ['preferredTime.time', { preferredTime: { kind: 'custom', time: '25:00' } }],
      ['preferredTime.kind', { preferredTime: { kind: 'lunch' } }],
      ['onboardedAt', { onboardedAt: 'yesterday' }],
    ])('rejects a bad %s and keeps the stored profile', async (path, override) => {
      const before = await storage.profile.save({
        name: null,
        experience: null,
        goal: null,
        ...NOT_ONBOARDED,
      });
      const invalid = { ...before, ...override } as unknown as Parameters<
        Storage['profile']['save']
      >[0];

      const error = await storage.profile.save(invalid).then(
        () => null,
        (rejection: unknown) => rejection,
      );

      expect(error).toBeInstanceOf(InvalidProfileError);
      expect((error as InvalidProfileError).issues.map((issue) => issue.path)).toContain(path);
      expect(await storage.profile.get()).toEqual(before);
    });
  });

  describe('session reflections', () => {
    it('stores calm ratings and a note given with the session', async () => {
      const record = session({ calmBefore: 2, calmAfter: 4, note: 'Shoulders dropped.' });
      await storage.sessions.add(record);

      expect(await storage.sessions.get(record.id)).toEqual(record);
      expect(await storage.sessions.list()).toEqual([record]);
    });

    it('adds, changes and clears a reflection field by field', async () => {
      await storage.sessions.add(session({ calmBefore: 2 }));

      const rated = await storage.sessions.saveReflection('session-1', {
        calmAfter: 4,
        note: 'Calmer',
      });
      expect(rated).toEqual(session({ calmBefore: 2, calmAfter: 4, note: 'Calmer' }));

      const cleared = await storage.sessions.saveReflection('session-1', {
        calmBefore: null,
        note: null,
      });
      expect(cleared).toEqual(session({ calmAfter: 4 }));
      expect(await storage.sessions.get('session-1')).toEqual(cleared);
    });

    it('rejects an out-of-range rating or an overlong note and writes nothing', async () => {
      await storage.sessions.add(session({ calmBefore: 3 }));

      await expect(storage.sessions.saveReflection('session-1', { calmAfter: 6 })).rejects.toThrow(
        InvalidSessionRecordError,
      );
      await expect(
        storage.sessions.saveReflection('session-1', { calmBefore: 1, note: 'x'.repeat(2001) }),
      ).rejects.toThrow(/note/);
      expect(await storage.sessions.get('session-1')).toEqual(session({ calmBefore: 3 }));
    });

    it('says which session is missing', async () => {
      await expect(storage.sessions.saveReflection('nope', { calmAfter: 3 })).rejects.toThrow(
        SessionNotFoundError,
      );
    });
  });

  describe('settings', () => {
    it('returns the fallback for a key never set', async () => {
      expect(await storage.settings.get('soundscape', 'ocean')).toBe('ocean');
    });

    it('round-trips JSON values and overwrites by key', async () => {
      const reminder = { time: '07:30', days: [1, 2, 3, 4, 5], enabled: true, volume: 0.6 };
      await storage.settings.set('reminder', reminder);
      await storage.settings.set('soundscape', 'rain');
      await storage.settings.set('soundscape', 'silence');
      await storage.settings.set('lastPatternId', null);

      expect(await storage.settings.get('reminder', null)).toEqual(reminder);
      expect(await storage.settings.get('soundscape', 'ocean')).toBe('silence');
      // A stored null is a value, not a missing key.
      expect(await storage.settings.get('lastPatternId', 'coherent-5-5')).toBeNull();
    });

    it('refuses a value with no JSON form and keeps the previous one', async () => {
      await storage.settings.set('volume', 0.5);

      await expect(storage.settings.set('volume', undefined)).rejects.toThrow(TypeError);
      expect(await storage.settings.get('volume', 1)).toBe(0.5);
    });
  });
});

describe.each(DRIVERS)('a database file on the %s', (_name, openDriver) => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'exhale-storage-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps everything across close and reopen, without migrating again', async () => {
    const file = join(dir, 'exhale.db');
    const first = await createStorage(openDriver(file), { now: steppingClock() });
    await first.sessions.add(session());
    const profile = await first.profile.save({
      name: 'Ana',
      experience: 'some',
      goal: 'stress',
      ...NOT_ONBOARDED,
    });
    await first.settings.set('soundscape', 'rain');
    await first.close();

    const driver = openDriver(file);
    expect(await schemaVersion(driver)).toBe(MIGRATIONS.length);
    expect(await migrate(driver)).toEqual({
      from: MIGRATIONS.length,
      to: MIGRATIONS.length,
      applied: [],
    });
    const reopened = await createStorage(driver);

    expect(await reopened.sessions.list()).toEqual([session()]);
    expect(await reopened.profile.get()).toEqual(profile);
    expect(await reopened.settings.get('soundscape', 'ocean')).toBe('rain');
    await reopened.close();
  });
});
