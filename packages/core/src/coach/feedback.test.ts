import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIRST_BREATH, PATTERN_LIMITS } from '../breathing/pattern';
import {
  EXPERIENCES,
  GOALS,
  NAME_PLACEHOLDER,
  TIMES_OF_DAY,
  feedbackRequestSchema,
  feedbackResponseSchema,
  type FeedbackRequest,
} from './contracts';
import { scriptedFeedback } from './feedback';
import { containsMedicalClaim } from './medical-claims';
import { fillName } from './name';
import { seededRandom } from './random';
import { sentenceCount } from './sentences';

const base: FeedbackRequest = {
  patternId: FIRST_BREATH.id,
  status: 'completed',
  breathsCompleted: 18,
  totalBreaths: 18,
  calmBefore: 2,
  calmAfter: 4,
  goal: 'stress',
  experience: 'beginner',
  timeOfDay: 'evening',
};

const requestArb: fc.Arbitrary<FeedbackRequest> = fc
  .record({
    patternId: fc.constantFrom(FIRST_BREATH.id, 'box', 'coherent'),
    totalBreaths: fc.integer({ min: 1, max: PATTERN_LIMITS.maxCycles }),
    partial: fc.boolean(),
    fraction: fc.double({ min: 0, max: 1, noNaN: true }),
    calmBefore: fc.integer({ min: 1, max: 5 }),
    calmAfter: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    goal: fc.option(fc.constantFrom(...GOALS), { nil: undefined }),
    experience: fc.option(fc.constantFrom(...EXPERIENCES), { nil: undefined }),
    timeOfDay: fc.constantFrom(...TIMES_OF_DAY),
  })
  .map(({ partial, fraction, goal, experience, ...rest }) => ({
    ...rest,
    status: partial ? ('partial' as const) : ('completed' as const),
    breathsCompleted: partial ? Math.floor(fraction * rest.totalBreaths) : rest.totalBreaths,
    ...(goal === undefined ? {} : { goal }),
    ...(experience === undefined ? {} : { experience }),
  }));

const text = (request: FeedbackRequest, seed = 1) =>
  scriptedFeedback(request, seededRandom(seed)).text;

// Words that would make an early stop sound like a failure.
const GUILT =
  /\b(?:only|fail(?:ed|ure)?|should(?:n't)? have|didn't finish|gave up|quit|unfortunately|too bad|disappoint)/i;
const KIND_ABOUT_STOPPING =
  /every one of them counts|worth something|completely fine|that counts|real start|worth doing/;

describe('scriptedFeedback', () => {
  it('always gives 3–5 sentences, with no medical claim, that the contract accepts', () => {
    fc.assert(
      fc.property(requestArb, fc.nat(), (request, seed) => {
        expect(feedbackRequestSchema.safeParse(request).success).toBe(true);
        const response = scriptedFeedback(request, seededRandom(seed));
        expect(feedbackResponseSchema.parse(response)).toEqual(response);
        expect(response.source).toBe('scripted');
        const count = sentenceCount(response.text);
        expect(count).toBeGreaterThanOrEqual(3);
        expect(count).toBeLessThanOrEqual(5);
        expect(containsMedicalClaim(response.text)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('uses the name only as the exact placeholder, reading well with or without a name', () => {
    fc.assert(
      fc.property(requestArb, fc.nat(), (request, seed) => {
        const t = text(request, seed);
        expect(t.replaceAll(NAME_PLACEHOLDER, '')).not.toMatch(/[{}]/);
        const anonymous = fillName(t, null);
        expect(anonymous).not.toMatch(/\{|\}| ,|,[.!?:;]| {2}/);
        expect(sentenceCount(anonymous)).toBe(sentenceCount(t));
        expect(fillName(t, 'Qzx').includes('Qzx')).toBe(t.includes(NAME_PLACEHOLDER));
      }),
    );
  });

  it('explains what happened: slow breathing near six a minute, long exhales, rest and digest', () => {
    for (let seed = 0; seed < 20; seed++) {
      const t = text(base, seed);
      expect(t).toMatch(/six (a|every) minute/);
      expect(t).toMatch(/out-breaths|breaths out|breath out|exhales/);
      expect(t).toMatch(/parasympathetic|rest and digest/);
    }
  });

  it('does not claim a pace for a pattern it does not know', () => {
    for (let seed = 0; seed < 20; seed++) {
      expect(text({ ...base, patternId: 'box' }, seed)).not.toMatch(/six/);
    }
  });

  it('speaks of a partial session kindly, without guilt', () => {
    fc.assert(
      fc.property(requestArb, fc.nat(), (request, seed) => {
        const t = text(request, seed);
        if (request.status === 'partial') {
          expect(t).toMatch(KIND_ABOUT_STOPPING);
          expect(t).not.toMatch(GUILT);
        } else {
          expect(t).not.toMatch(/before stopping|stopping after/);
        }
      }),
    );
    const partial = { ...base, status: 'partial' as const, breathsCompleted: 1 };
    const single = { ...base, breathsCompleted: 1, totalBreaths: 1 };
    for (let seed = 0; seed < 10; seed++) {
      for (const request of [partial, single]) {
        expect(text(request, seed)).toMatch(/\b1 (slow |slow, steady )?breath\b/);
        expect(text(request, seed)).not.toMatch(/\b1 [a-z, ]*breaths\b/);
      }
    }
    const none = { ...base, status: 'partial' as const, breathsCompleted: 0 };
    for (let seed = 0; seed < 10; seed++) expect(text(none, seed)).not.toMatch(/\b0\b/);
  });

  it('is honest about the ratings: rose, stayed, fell or not given', () => {
    for (let seed = 0; seed < 20; seed++) {
      const rose = text({ ...base, calmBefore: 2, calmAfter: 4 }, seed);
      expect(rose).toMatch(/\b2\b.*\b4\b/);
      const stayedLow = text({ ...base, calmBefore: 2, calmAfter: 2 }, seed);
      expect(stayedLow).toMatch(/stayed at 2|No change/);
      const stayedHigh = text({ ...base, calmBefore: 5, calmAfter: 5 }, seed);
      expect(stayedHigh).toMatch(/stayed there|held steady/);
      const fell = text({ ...base, calmBefore: 4, calmAfter: 3 }, seed);
      expect(fell).toMatch(/less calm|dipped/);
      const unrated = text({ ...base, calmAfter: null }, seed);
      for (const t of [stayedLow, stayedHigh, fell, unrated]) {
        expect(t).not.toMatch(/calmer|went from|Going from|seems to have noticed/);
      }
      expect(unrated).not.toMatch(/rated|rating|stayed at|dipped/);
      const afterOnly = text({ ...base, calmBefore: null, calmAfter: 4 }, seed);
      expect(afterOnly).toMatch(/\b4\b/);
      expect(afterOnly).not.toMatch(/before|went from|Going from|stayed|dipped|null/);
      const neither = text({ ...base, calmBefore: null, calmAfter: null }, seed);
      expect(neither).not.toMatch(/rated|rating|null/);
    }
  });

  it('tunes the benefit to goal and time of day', () => {
    const at = (goal: FeedbackRequest['goal'], timeOfDay: FeedbackRequest['timeOfDay']) =>
      Array.from({ length: 10 }, (_, s) => text({ ...base, goal, timeOfDay }, s)).join(' ');
    expect(at('sleep', 'night')).toMatch(/bedtime|rest/);
    expect(at('sleep', 'morning')).toMatch(/during the day|daytime/);
    expect(at('energy', 'morning')).toMatch(/the day|wake up/);
    expect(at('energy', 'morning')).not.toMatch(/sleep|bedtime/);
    expect(at('focus', 'afternoon')).toMatch(/clearer head|clear your head/);
    expect(at('stress', 'evening')).toMatch(/busy day|tense moment/);
  });

  it('tunes the closing to experience', () => {
    const closings = (experience: FeedbackRequest['experience']) =>
      Array.from({ length: 10 }, (_, s) => text({ ...base, experience }, s)).join(' ');
    expect(closings('beginner')).toMatch(/new to this|showing up|habit begins/);
    expect(closings('regular')).toMatch(/regular practice|steady practice/);
    expect(closings('regular')).not.toMatch(/new to this/);
  });

  it('varies its wording across seeds for the same session', () => {
    for (const request of [
      base,
      { ...base, status: 'partial' as const, breathsCompleted: 7, calmAfter: null },
    ]) {
      const texts = new Set(Array.from({ length: 20 }, (_, seed) => text(request, seed)));
      expect(texts.size).toBeGreaterThanOrEqual(15);
    }
    expect(text(base, 3)).toBe(text(base, 3));
  });
});
