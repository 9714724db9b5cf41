import type { SessionRecord } from '@exhale/core';
import { progressSnapshot, retentionCutoff, sessionsToPrune } from '@exhale/core/progress';

import { createStorage } from './create-storage';
import { ImportRejectedError, InvalidBadgeError } from './data-errors';
import type { SqlDriver } from './sql-driver';
import { DRIVERS } from './test-drivers';
import type { Storage } from './types';

function session(id: string, startedAt: string, overrides: Partial<SessionRecord> = {}) {
  const endedAt = new Date(Date.parse(startedAt) + 180_000).toISOString();
  return {
    id,
    patternId: 'first-breath',
    startedAt,
    endedAt,
    timeZone: 'Europe/Paris',
    breathsCompleted: 18,
    totalBreaths: 18,
    activeMs: 180_000,
    status: 'completed',
    ...overrides,
  } satisfies SessionRecord;
}

const NOW = Date.parse('2026-11-25T12:00:00Z');

async function fill(storage: Storage) {
  await storage.sessions.add(
    session('old', '2025-01-05T07:00:00+01:00', {
      calmBefore: 2,
      calmAfter: 4,
      note: 'Tight chest, then easier',
    }),
  );
  await storage.sessions.add(session('recent', '2026-11-20T21:40:00+01:00', { calmBefore: 3 }));
  await storage.sessions.add(
    session('partial', '2026-11-24T08:00:00+01:00', {
      status: 'partial',
      breathsCompleted: 4,
      activeMs: 42_000,
      patternId: 'box',
      timeZone: 'Asia/Tokyo',
    }),
  );
  await storage.profile.save({
    name: 'Ana',
    experience: 'beginner',
    goal: 'sleep',
    safety: {
      pregnancy: false,
      seizures: false,
      heartOrBloodPressure: null,
      recentSurgery: false,
      panicAttacks: true,
    },
    preferredTime: { kind: 'custom', time: '07:15' },
    onboardedAt: '2026-11-01T09:00:00.000Z',
  });
  await storage.settings.set('progress.showStreaks', false);
  await storage.settings.set('privacy.retention', '1y');
  await storage.badges.award([{ id: 'first-breath', earnedAt: '2025-01-05', sessionId: 'old' }]);
}

/** Everything on the device, for "nothing changed" checks (the export minus its stamp). */
async function everything(storage: Storage) {
  const { exportedAt: _stamp, ...rest } = await storage.data.exportAll();
  return rest;
}

describe.each(DRIVERS)('device data on the %s', (_name, openDriver) => {
  let driver: SqlDriver;
  let storage: Storage;

  beforeEach(async () => {
    driver = openDriver();
    storage = await createStorage(driver, { now: () => new Date(NOW) });
  });

  afterEach(async () => {
    await storage.close();
  });

  describe('badges', () => {
    it('stores a badge once, keeping the first date, and reports only what it stored', async () => {
      expect(
        await storage.badges.award([
          { id: 'first-breath', earnedAt: '2026-11-20', sessionId: 'a' },
        ]),
      ).toEqual([{ id: 'first-breath', earnedAt: '2026-11-20', sessionId: 'a' }]);

      expect(
        await storage.badges.award([
          { id: 'first-breath', earnedAt: '2026-11-24', sessionId: 'b' },
          { id: 'streak-3', earnedAt: '2026-11-22' },
        ]),
      ).toEqual([{ id: 'streak-3', earnedAt: '2026-11-22' }]);

      expect(await storage.badges.list()).toEqual([
        { id: 'first-breath', earnedAt: '2026-11-20', sessionId: 'a' },
        { id: 'streak-3', earnedAt: '2026-11-22' },
      ]);
    });

    it('takes two awards at the same moment (two screens) without a transaction clash', async () => {
      const award = { id: 'first-breath', earnedAt: '2026-11-20', sessionId: 'a' };
      const [one, two] = await Promise.all([
        storage.badges.award([award, award]),
        storage.badges.award([award]),
      ]);

      expect([...one, ...two]).toEqual([award]);
      expect(await storage.badges.list()).toEqual([award]);
    });

    it('refuses a malformed badge and stores none of the batch', async () => {
      await expect(
        storage.badges.award([
          { id: 'sessions-10', earnedAt: '2026-11-20' },
          { id: 'streak-7', earnedAt: '2026-02-30' },
        ]),
      ).rejects.toBeInstanceOf(InvalidBadgeError);
      expect(await storage.badges.list()).toEqual([]);
    });
  });

  describe('progressHistory', () => {
    it('returns lean sessions oldest first and the complete calm ratings', async () => {
      await fill(storage);
      const history = await storage.sessions.progressHistory();

      expect(history.sessions).toEqual([
        {
          id: 'old',
          patternId: 'first-breath',
          startedAt: '2025-01-05T07:00:00+01:00',
          timeZone: 'Europe/Paris',
          activeMs: 180_000,
          status: 'completed',
        },
        expect.objectContaining({ id: 'recent', startedAt: '2026-11-20T21:40:00+01:00' }),
        expect.objectContaining({ id: 'partial', status: 'partial', timeZone: 'Asia/Tokyo' }),
      ]);
      // Only "old" has both ratings; a lone "before" cannot show a change.
      expect(history.ratings).toEqual([{ sessionId: 'old', calmBefore: 2, calmAfter: 4 }]);
    });

    it('gives progressSnapshot the same answer as the validated records do', async () => {
      await fill(storage);
      const options = { today: '2026-11-25' };
      const lean = await storage.sessions.progressHistory();
      const full = await storage.sessions.list();

      expect(progressSnapshot(lean.sessions, options)).toEqual(progressSnapshot(full, options));
    });
  });

  describe('retention', () => {
    it('removes sessions older than the policy and keeps every badge', async () => {
      await fill(storage);
      const expected = sessionsToPrune(await storage.sessions.list(), '30d', NOW);

      expect(await storage.data.deleteSessionsBefore(retentionCutoff('30d', NOW)!)).toBe(
        expected.length,
      );
      expect(expected).toEqual(['old']);
      expect((await storage.sessions.list()).map((s) => s.id).sort()).toEqual([
        'partial',
        'recent',
      ]);
      expect(await storage.badges.list()).toEqual([
        { id: 'first-breath', earnedAt: '2025-01-05', sessionId: 'old' },
      ]);
    });

    it('deletes nothing for a cutoff that is not a time', async () => {
      await fill(storage);
      await expect(storage.data.deleteSessionsBefore(Number.NaN)).rejects.toThrow(RangeError);
      expect(await storage.sessions.count()).toBe(3);
    });
  });

  describe('export and import', () => {
    it('round-trips losslessly through delete all: profile, settings, sessions, notes, badges', async () => {
      await fill(storage);
      const before = await everything(storage);
      const file = JSON.stringify(await storage.data.exportAll());

      await storage.data.deleteAll();
      expect(await storage.sessions.count()).toBe(0);
      expect(await storage.profile.get()).toBeNull();
      expect(await storage.badges.list()).toEqual([]);
      expect(await storage.settings.get('privacy.retention', null)).toBeNull();

      expect(await storage.data.importFile(file)).toEqual({
        sessionsAdded: 3,
        sessionsAlreadyHere: 0,
        badgesAdded: 1,
        profileRestored: true,
        settingsRestored: 2,
      });
      expect(await everything(storage)).toEqual(before);
      expect((await storage.sessions.get('old'))?.note).toBe('Tight chest, then easier');
    });

    it('merges without duplicates and keeps reflections made on this device since', async () => {
      await fill(storage);
      const file = JSON.stringify(await storage.data.exportAll());
      await storage.sessions.saveReflection('recent', { calmAfter: 5, note: 'Lovely' });
      await storage.sessions.add(session('new-here', '2026-11-25T07:00:00+01:00'));

      const summary = await storage.data.importFile(file);

      expect(summary).toMatchObject({ sessionsAdded: 0, sessionsAlreadyHere: 3, badgesAdded: 0 });
      expect(await storage.sessions.count()).toBe(4);
      expect(await storage.sessions.get('recent')).toMatchObject({
        calmBefore: 3,
        calmAfter: 5,
        note: 'Lovely',
      });
    });

    it('fills reflection gaps from the file but never overwrites a value', async () => {
      await storage.sessions.add(session('s', '2026-11-20T08:00:00Z', { calmBefore: 1 }));
      const exported = await storage.data.exportAll();
      const withRatings = {
        ...exported,
        sessions: [{ ...exported.sessions[0], calmBefore: 4, calmAfter: 5, note: 'from backup' }],
      };

      await storage.data.importFile(JSON.stringify(withRatings));

      expect(await storage.sessions.get('s')).toMatchObject({
        calmBefore: 1,
        calmAfter: 5,
        note: 'from backup',
      });
    });

    const rejected: [string, (valid: string) => string, RegExp][] = [
      ['a truncated file', (valid) => valid.slice(0, valid.length / 2), /cut short/],
      ['an empty file', () => '', /not complete JSON/],
      [
        'a foreign JSON file',
        () => JSON.stringify({ name: 'package', version: '1.0.0' }),
        /not an Exhale export/,
      ],
      ['a JSON array', () => '[1, 2, 3]', /not an Exhale export/],
      [
        'an export from a newer version',
        (valid) => JSON.stringify({ ...JSON.parse(valid), version: 2 }),
        /newer version of Exhale/,
      ],
      [
        'an export with a broken session',
        (valid) => {
          const file = JSON.parse(valid);
          file.sessions[1].startedAt = 'yesterday';
          return JSON.stringify(file);
        },
        /damaged.*session 2 \(startedAt\)/,
      ],
      [
        'an export with a rating out of range',
        (valid) => {
          const file = JSON.parse(valid);
          file.sessions[0].calmAfter = 9;
          return JSON.stringify(file);
        },
        /damaged.*session 1 \(calmAfter\)/,
      ],
      [
        'an export with unknown fields',
        (valid) => JSON.stringify({ ...JSON.parse(valid), passwords: [] }),
        /damaged/,
      ],
    ];

    it.each(rejected)(
      'rejects %s with a clear message and changes nothing',
      async (_what, spoil, message) => {
        await fill(storage);
        const valid = JSON.stringify(await storage.data.exportAll());
        await storage.data.deleteAll();
        await storage.sessions.add(session('kept', '2026-11-23T08:00:00Z'));
        const before = await everything(storage);

        const attempt = storage.data.importFile(spoil(valid));

        await expect(attempt).rejects.toBeInstanceOf(ImportRejectedError);
        await expect(attempt).rejects.toThrow(message);
        await expect(attempt).rejects.toThrow(/Nothing on this device was changed\.$/);
        expect(await everything(storage)).toEqual(before);
      },
    );

    it('rolls back a write that fails halfway, so nothing is half-imported', async () => {
      await fill(storage);
      const file = JSON.stringify(await storage.data.exportAll());
      await storage.data.deleteAll();
      const before = await everything(storage);
      // The third statement of the import (its second session) fails, as a full disk would.
      const run = driver.run.bind(driver);
      let writes = 0;
      driver.run = async (sql, params) => {
        if (sql.trimStart().startsWith('INSERT INTO sessions') && ++writes === 2) {
          throw new Error('database or disk is full');
        }
        return run(sql, params);
      };

      const attempt = storage.data.importFile(file);

      await expect(attempt).rejects.toMatchObject({ reason: 'write_failed' });
      driver.run = run;
      expect(await everything(storage)).toEqual(before);
    });
  });

  it('deletes everything on the device', async () => {
    await fill(storage);
    await storage.data.deleteAll();

    expect(await everything(storage)).toEqual({
      format: 'exhale-export',
      version: 1,
      profile: null,
      settings: {},
      sessions: [],
      badges: [],
    });
  });
});
