import { describe, expect, it } from 'vitest';
import { mergeProfile, nextOnboardingStep } from './profile';

describe('mergeProfile', () => {
  it('lays the patch over the profile and merges safety answers one by one', () => {
    expect(
      mergeProfile(
        { experience: 'beginner', safety: { pregnancy: null, seizures: false } },
        { goal: 'sleep', safety: { pregnancy: true } },
      ),
    ).toEqual({
      experience: 'beginner',
      goal: 'sleep',
      safety: { pregnancy: true, seizures: false },
    });
  });

  it('adds no safety key when neither side has one, and does not mutate its inputs', () => {
    const base = { experience: 'some' as const };
    expect(mergeProfile(base, {})).toEqual({ experience: 'some' });
    expect('safety' in mergeProfile(base, {})).toBe(false);
    expect(base).toEqual({ experience: 'some' });
  });
});

describe('nextOnboardingStep', () => {
  it('asks experience, goal, safety, then time, then is done', () => {
    const safety = {
      pregnancy: false,
      seizures: false,
      heartOrBloodPressure: false,
      recentSurgery: false,
      panicAttacks: false,
    };
    expect(nextOnboardingStep({})).toBe('experience');
    expect(nextOnboardingStep({ goal: 'sleep' })).toBe('experience');
    expect(nextOnboardingStep({ experience: 'some' })).toBe('goal');
    expect(nextOnboardingStep({ experience: 'some', goal: 'focus' })).toBe('safety');
    expect(nextOnboardingStep({ experience: 'some', goal: 'focus', safety })).toBe('preferredTime');
    expect(
      nextOnboardingStep({
        experience: 'some',
        goal: 'focus',
        safety,
        preferredTime: { kind: 'morning' },
      }),
    ).toBe('done');
  });
});
