import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { validPattern } from '../breathing/pattern-arbitraries';
import { FIRST_BREATH } from '../breathing/pattern';
import { planSession, sessionStateAt } from '../breathing/timeline';
import { sessionRecordFromState, sessionRecordSchema, type SessionRecord } from './session-record';

const record: SessionRecord = {
  id: 'session-1',
  patternId: 'first-breath',
  startedAt: '2025-03-30T00:59:00.000Z',
  endedAt: '2025-03-30T03:02:00+02:00',
  timeZone: 'Europe/Paris',
  breathsCompleted: 18,
  totalBreaths: 18,
  activeMs: 180_000,
  status: 'completed',
};

function issuePaths(value: unknown) {
  return sessionRecordSchema.safeParse(value).error?.issues.map((issue) => issue.path.join('.'));
}

describe('sessionRecordSchema', () => {
  it('accepts a completed session whose times carry different offsets', () => {
    expect(sessionRecordSchema.parse(record)).toEqual(record);
  });

  it('accepts a partial session', () => {
    const partial = { ...record, breathsCompleted: 7, activeMs: 74_000, status: 'partial' };
    expect(sessionRecordSchema.safeParse(partial).success).toBe(true);
  });

  it.each(['UTC', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5', 'America/Port-au-Prince'])(
    'accepts the time zone %s',
    (timeZone) => {
      expect(sessionRecordSchema.safeParse({ ...record, timeZone }).success).toBe(true);
    },
  );

  it.each(['', 'Europe Paris', '/Paris', 'Europe/'])('rejects the time zone %j', (timeZone) => {
    expect(issuePaths({ ...record, timeZone })).toEqual(['timeZone']);
  });

  it.each([
    ['id', { id: '' }],
    ['patternId', { patternId: '' }],
    ['startedAt', { startedAt: '2025-03-30T01:59:00' }],
    ['endedAt', { endedAt: '30/03/2025 03:02' }],
    ['breathsCompleted', { breathsCompleted: -1, status: 'partial' }],
    ['breathsCompleted', { breathsCompleted: 2.5, status: 'partial' }],
    ['totalBreaths', { totalBreaths: 0, breathsCompleted: 0, status: 'partial' }],
    ['activeMs', { activeMs: -1 }],
    ['activeMs', { activeMs: 1.5 }],
    ['status', { status: 'abandoned' }],
    ['calmBefore', { calmBefore: 0 }],
    ['calmBefore', { calmBefore: 2.5 }],
    ['calmAfter', { calmAfter: 6 }],
    ['calmAfter', { calmAfter: null }],
    ['note', { note: 'x'.repeat(2001) }],
  ])('rejects a bad %s', (path, override) => {
    expect(issuePaths({ ...record, ...override })).toEqual([path]);
  });

  it('accepts the reflection: calm before and after from 1 to 5 and a note', () => {
    const reflected = { ...record, calmBefore: 1, calmAfter: 5, note: 'x'.repeat(2000) };
    expect(sessionRecordSchema.parse(reflected)).toEqual(reflected);
  });

  it('rejects more breaths completed than planned', () => {
    expect(issuePaths({ ...record, breathsCompleted: 19, status: 'partial' })).toEqual([
      'breathsCompleted',
    ]);
  });

  it('rejects a completed session with breaths missing', () => {
    expect(issuePaths({ ...record, breathsCompleted: 17 })).toEqual(['status']);
  });

  it('compares start and end as instants, not as strings', () => {
    // 01:30+02:00 is 23:30Z the day before: earlier than the start despite sorting later.
    expect(issuePaths({ ...record, endedAt: '2025-03-30T01:30:00+02:00' })).toEqual(['endedAt']);
    expect(issuePaths({ ...record, endedAt: record.startedAt })).toBeUndefined();
  });
});

describe('sessionRecordFromState', () => {
  const plan = planSession(FIRST_BREATH);
  const startedAt = new Date('2025-06-01T07:00:00.000Z');
  const args = { id: 'abc', plan, startedAt, timeZone: 'Asia/Tokyo' };

  it('records a finished session as completed', () => {
    const endedAt = new Date('2025-06-01T07:03:05.000Z');
    expect(
      sessionRecordFromState({ ...args, state: sessionStateAt(plan, 180_000), endedAt }),
    ).toEqual({
      id: 'abc',
      patternId: 'first-breath',
      startedAt: '2025-06-01T07:00:00.000Z',
      endedAt: '2025-06-01T07:03:05.000Z',
      timeZone: 'Asia/Tokyo',
      breathsCompleted: 18,
      totalBreaths: 18,
      activeMs: 180_000,
      status: 'completed',
    });
  });

  it('records a session ended early as partial, with the whole breaths taken', () => {
    const endedAt = new Date('2025-06-01T07:01:30.000Z');
    expect(
      sessionRecordFromState({ ...args, state: sessionStateAt(plan, 74_500), endedAt }),
    ).toMatchObject({ breathsCompleted: 7, totalBreaths: 18, activeMs: 74_500, status: 'partial' });
  });

  it('keeps the calm-before rating given at the start, and leaves it out when skipped', () => {
    const endedAt = new Date('2025-06-01T07:03:00.000Z');
    const state = sessionStateAt(plan, 180_000);
    expect(sessionRecordFromState({ ...args, state, endedAt, calmBefore: 2 }).calmBefore).toBe(2);
    expect(sessionRecordFromState({ ...args, state, endedAt })).not.toHaveProperty('calmBefore');
  });

  it('refuses to build a record that ends before it starts', () => {
    const endedAt = new Date('2025-06-01T06:59:59.999Z');
    expect(() =>
      sessionRecordFromState({ ...args, state: sessionStateAt(plan, 0), endedAt }),
    ).toThrow(ZodError);
  });

  it('always yields a valid record, completed exactly when the state is done', () => {
    const scenario = validPattern().chain(({ pattern }) => {
      const p = planSession(pattern);
      return fc.tuple(
        fc.constant(p),
        fc.integer({ min: -1000, max: p.totalMs + 1000 }),
        fc.integer({ min: 0, max: 86_400_000 }),
      );
    });
    fc.assert(
      fc.property(scenario, ([p, elapsed, wallMs]) => {
        const state = sessionStateAt(p, elapsed);
        const built = sessionRecordFromState({
          ...args,
          plan: p,
          state,
          endedAt: new Date(startedAt.getTime() + wallMs),
        });
        expect(sessionRecordSchema.parse(built)).toEqual(built);
        expect(built.status === 'completed').toBe(state.done);
        expect(built.patternId).toBe(p.pattern.id);
      }),
    );
  });
});
