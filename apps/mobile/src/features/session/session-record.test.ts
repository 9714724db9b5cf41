import { FIRST_BREATH, planSession, sessionRecordSchema, sessionStateAt } from '@exhale/core';

import { buildSessionRecord, newSessionId } from './session-record';

const PLAN = planSession(FIRST_BREATH);

describe('buildSessionRecord', () => {
  it('makes a valid partial record from a session ended early', () => {
    const startedAt = new Date('2026-03-02T08:00:00.000Z');
    const record = buildSessionRecord(PLAN, {
      state: sessionStateAt(PLAN, 72_000),
      startedAt,
      endedAt: new Date('2026-03-02T08:01:30.000Z'),
    });
    expect(sessionRecordSchema.parse(record)).toEqual(record);
    expect(record).toMatchObject({
      patternId: 'first-breath',
      status: 'partial',
      breathsCompleted: 7,
      totalBreaths: 18,
      activeMs: 72_000,
      startedAt: '2026-03-02T08:00:00.000Z',
      endedAt: '2026-03-02T08:01:30.000Z',
    });
    expect(record.timeZone).toMatch(/^[A-Za-z_]+(\/[A-Za-z_+-]+)*$/);
  });
});

describe('newSessionId', () => {
  it('gives a different id to sessions started in the same millisecond', () => {
    const at = new Date('2026-03-02T08:00:00.000Z');
    const ids = new Set(Array.from({ length: 1_000 }, () => newSessionId(at)));
    expect(ids.size).toBe(1_000);
  });
});
