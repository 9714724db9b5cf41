import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIRST_BREATH, PATTERN_LIMITS } from '../breathing/pattern';
import { planSession } from '../breathing/timeline';
import {
  EXPERIENCES,
  GOALS,
  sessionPlanResponseSchemaFor,
  type CoachProfilePatch,
  type SafetyAnswers,
  type SessionPlanRequest,
} from './contracts';
import { containsMedicalClaim } from './medical-claims';
import { fillName } from './name';
import { seededRandom } from './random';
import { MAX_SCRIPTED_CHECK_INS, checkInBreaths, scriptedSessionPlan } from './session-plan';

const allNo: SafetyAnswers = {
  pregnancy: false,
  seizures: false,
  heartOrBloodPressure: false,
  recentSurgery: false,
  panicAttacks: false,
};

const firstBreath = (profile: CoachProfilePatch = {}): SessionPlanRequest => ({
  profile,
  patternId: FIRST_BREATH.id,
  totalBreaths: 18,
});

const profileArb: fc.Arbitrary<CoachProfilePatch> = fc.record(
  {
    experience: fc.constantFrom(...EXPERIENCES),
    goal: fc.constantFrom(...GOALS),
    safety: fc.constantFrom(allNo, { ...allNo, pregnancy: true }, { ...allNo, seizures: null }),
  },
  { requiredKeys: [] },
);

describe('checkInBreaths', () => {
  it('puts First Breath check-ins at breaths 4, 10 and 15', () => {
    expect(checkInBreaths(planSession(FIRST_BREATH).cycles)).toEqual([4, 10, 15]);
  });

  it.each([
    [1, []],
    [3, []],
    [4, [3]],
    [6, [3]],
    [9, [4, 6]],
    [12, [4, 9]],
    [30, [4, 10, 16, 21, 27]],
  ])('spreads check-ins over %i breaths as %j', (total, expected) => {
    expect(checkInBreaths(total)).toEqual(expected);
  });

  it('keeps check-ins sorted, distinct, clear of the first two breaths and the last', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: PATTERN_LIMITS.maxCycles }), (total) => {
        const breaths = checkInBreaths(total);
        expect(breaths.length === 0).toBe(total < 4);
        expect(breaths.length).toBeLessThanOrEqual(MAX_SCRIPTED_CHECK_INS);
        breaths.forEach((breath, i) => {
          expect(Number.isInteger(breath)).toBe(true);
          expect(breath).toBeGreaterThanOrEqual(3);
          expect(breath).toBeLessThanOrEqual(total - 1);
          if (i > 0) expect(breath).toBeGreaterThan(breaths[i - 1] as number);
        });
        // About one every six breaths until the cap.
        if (total >= 4) {
          expect(breaths.length).toBe(
            Math.min(MAX_SCRIPTED_CHECK_INS, Math.max(1, Math.round(total / 6))),
          );
        }
      }),
    );
  });
});

describe('scriptedSessionPlan', () => {
  it('introduces First Breath: timing, pace, why it calms', () => {
    for (let seed = 0; seed < 20; seed++) {
      const { introduction } = scriptedSessionPlan(firstBreath(), seededRandom(seed));
      expect(introduction).toMatch(/5 seconds/);
      expect(introduction).toMatch(/\b18\b/);
      expect(introduction).toMatch(/three minutes/);
      expect(introduction).toMatch(/six breaths a minute/);
      expect(introduction).toMatch(/rest and digest/);
      expect(introduction).toMatch(/out-breaths|exhales|breath out/);
    }
  });

  it('plans three body check-ins for First Breath: settling first, closing last', () => {
    for (let seed = 0; seed < 20; seed++) {
      const { checkIns } = scriptedSessionPlan(firstBreath({ goal: 'stress' }), seededRandom(seed));
      expect(checkIns.map((c) => c.breath)).toEqual([4, 10, 15]);
      expect(checkIns[0]?.text).toMatch(/shoulders|jaw|hands|forehead/);
      expect(checkIns[2]?.text).toMatch(/^(A few breaths left|Nearly there|Almost done)/);
      expect(new Set(checkIns.map((c) => c.text)).size).toBe(3);
    }
  });

  it('adapts the introduction to experience', () => {
    const intro = (experience: 'beginner' | 'some' | 'regular') =>
      scriptedSessionPlan(firstBreath({ experience }), seededRandom(1)).introduction;
    expect(intro('beginner')).toMatch(/nothing to get right|No experience needed/);
    expect(intro('regular')).not.toMatch(/nothing to get right|No experience needed/);
    expect(intro('regular')).toMatch(/force|reset/);
  });

  it('adapts the introduction and prompts to the goal', () => {
    const sleep = Array.from({ length: 10 }, (_, s) =>
      scriptedSessionPlan(firstBreath({ goal: 'sleep' }), seededRandom(s)),
    );
    expect(sleep.every((p) => /wind down|rest/.test(p.introduction))).toBe(true);
    // The middle check-in of First Breath is always one for their goal.
    expect(sleep.every((p) => /heavy|eyes|sink/.test(p.checkIns[1]?.text ?? ''))).toBe(true);
    expect(new Set(sleep.map((p) => p.checkIns[1]?.text)).size).toBeGreaterThan(1);
  });

  it('keeps a gentle-only profile gentle and tells everyone how to stop', () => {
    const gentle = scriptedSessionPlan(firstBreath({ safety: { ...allNo, recentSurgery: true } }));
    expect(gentle.introduction).toMatch(/gentle, with no breath holds/);
    const clear = scriptedSessionPlan(firstBreath({ safety: allNo }));
    expect(clear.introduction).not.toMatch(/no breath holds/);
    for (const plan of [gentle, clear])
      expect(plan.introduction).toMatch(/breathe normally|breathing normally/);
  });

  it('speaks generally about a pattern it does not know', () => {
    const plan = scriptedSessionPlan(
      { profile: {}, patternId: 'box', totalBreaths: 12 },
      seededRandom(2),
    );
    expect(plan.introduction).toMatch(/12 slow breaths/);
    expect(plan.introduction).not.toMatch(/six breaths|5 seconds|minutes/);
    expect(plan.checkIns.map((c) => c.breath)).toEqual([4, 9]);
  });

  it('only mentions check-ins when there are some', () => {
    const short = scriptedSessionPlan({ profile: {}, patternId: FIRST_BREATH.id, totalBreaths: 3 });
    expect(short.checkIns).toEqual([]);
    expect(short.introduction).not.toMatch(/check in/);
    expect(short.introduction).toMatch(/30 seconds/);
    const one = scriptedSessionPlan({ profile: {}, patternId: FIRST_BREATH.id, totalBreaths: 6 });
    expect(one.checkIns).toHaveLength(1);
    expect(one.introduction).toMatch(/check in (once|with you once)/);
  });

  it('is always a valid plan, within the session, without medical claims', () => {
    const request = fc.record({
      profile: profileArb,
      patternId: fc.constantFrom(FIRST_BREATH.id, 'coherent', 'box'),
      totalBreaths: fc.integer({ min: 1, max: PATTERN_LIMITS.maxCycles }),
    });
    fc.assert(
      fc.property(request, fc.nat(), (req, seed) => {
        const plan = scriptedSessionPlan(req, seededRandom(seed));
        expect(sessionPlanResponseSchemaFor(req.totalBreaths).parse(plan)).toEqual(plan);
        expect(plan.checkIns.map((c) => c.breath)).toEqual(checkInBreaths(req.totalBreaths));
        expect(plan.source).toBe('scripted');
        for (const text of [plan.introduction, ...plan.checkIns.map((c) => c.text)]) {
          expect(containsMedicalClaim(text)).toBe(false);
          expect(fillName(text, null)).toBe(text);
        }
        // No prompt repeats while unused ones remain.
        expect(new Set(plan.checkIns.map((c) => c.text)).size).toBe(plan.checkIns.length);
      }),
    );
  });

  it('varies its wording and replays with the same seed', () => {
    const intros = new Set(
      Array.from(
        { length: 20 },
        (_, s) => scriptedSessionPlan(firstBreath(), seededRandom(s)).introduction,
      ),
    );
    expect(intros.size).toBeGreaterThanOrEqual(10);
    expect(scriptedSessionPlan(firstBreath(), seededRandom(5))).toEqual(
      scriptedSessionPlan(firstBreath(), seededRandom(5)),
    );
  });
});
