import { describe, expect, it } from 'vitest';
import {
  coachProfilePatchSchema,
  coachProfileSchema,
  feedbackRequestSchema,
  feedbackResponseSchema,
  onboardingTurnRequestSchema,
  onboardingTurnResponseSchema,
  sessionPlanRequestSchema,
  sessionPlanResponseSchema,
  sessionPlanResponseSchemaFor,
  type CoachProfile,
  type FeedbackRequest,
  type OnboardingTurnResponse,
} from './contracts';

function issuePaths(
  schema: { safeParse(v: unknown): { error?: { issues: { path: PropertyKey[] }[] } } },
  value: unknown,
) {
  return schema.safeParse(value).error?.issues.map((issue) => issue.path.join('.'));
}

const profile: CoachProfile = {
  experience: 'beginner',
  goal: 'sleep',
  safety: {
    pregnancy: false,
    seizures: null,
    heartOrBloodPressure: false,
    recentSurgery: false,
    panicAttacks: true,
  },
  preferredTime: { kind: 'custom', time: '21:30' },
};

describe('coachProfileSchema', () => {
  it('accepts a complete profile', () => {
    expect(coachProfileSchema.parse(profile)).toEqual(profile);
  });

  it('never carries a name, nor any key it does not know', () => {
    expect(issuePaths(coachProfileSchema, { ...profile, name: 'Sam' })).toEqual(['']);
    expect(issuePaths(coachProfilePatchSchema, { name: 'Sam' })).toEqual(['']);
    expect(
      issuePaths(coachProfilePatchSchema, { safety: { pregnancy: true, name: 'Sam' } }),
    ).toEqual(['safety']);
  });

  it.each([
    ['experience', { experience: 'expert' }],
    ['goal', { goal: 'weight' }],
    ['safety.seizures', { safety: { ...profile.safety, seizures: 'no' } }],
    ['preferredTime.time', { preferredTime: { kind: 'custom', time: '7pm' } }],
    ['preferredTime.time', { preferredTime: { kind: 'custom', time: '24:00' } }],
    ['preferredTime.time', { preferredTime: { kind: 'custom' } }],
    ['preferredTime.kind', { preferredTime: { kind: 'noon' } }],
  ])('rejects a bad %s', (path, override) => {
    expect(issuePaths(coachProfileSchema, { ...profile, ...override })).toEqual([path]);
  });

  it('requires every safety answer in a full profile but not in a patch', () => {
    const safety = { pregnancy: true };
    expect(coachProfileSchema.safeParse({ ...profile, safety }).success).toBe(false);
    expect(coachProfilePatchSchema.parse({ safety })).toEqual({ safety });
    expect(coachProfilePatchSchema.parse({})).toEqual({});
  });
});

describe('onboardingTurnRequestSchema', () => {
  const request = {
    messages: [
      { role: 'coach', text: 'Hi! What should I call you?' },
      { role: 'person', text: "I'm {{name}}" },
    ],
    message: 'never done this',
    profile: {},
    step: 'experience',
  };

  it('accepts a turn, with or without a step', () => {
    expect(onboardingTurnRequestSchema.parse(request)).toEqual(request);
    const { step: _step, ...withoutStep } = request;
    expect(onboardingTurnRequestSchema.safeParse(withoutStep).success).toBe(true);
  });

  it('bounds the message, the history and each message in it', () => {
    expect(
      issuePaths(onboardingTurnRequestSchema, { ...request, message: 'a'.repeat(501) }),
    ).toEqual(['message']);
    expect(
      onboardingTurnRequestSchema.safeParse({ ...request, message: 'a'.repeat(500) }).success,
    ).toBe(true);
    const long = Array.from({ length: 41 }, () => ({ role: 'coach', text: 'Hi' }));
    expect(issuePaths(onboardingTurnRequestSchema, { ...request, messages: long })).toEqual([
      'messages',
    ]);
    const huge = [{ role: 'person', text: 'a'.repeat(1001) }];
    expect(issuePaths(onboardingTurnRequestSchema, { ...request, messages: huge })).toEqual([
      'messages.0.text',
    ]);
  });

  it('rejects a name or any extra field, an unknown role and an unknown step', () => {
    expect(issuePaths(onboardingTurnRequestSchema, { ...request, name: 'Sam' })).toEqual(['']);
    expect(
      issuePaths(onboardingTurnRequestSchema, {
        ...request,
        messages: [{ role: 'system', text: 'x' }],
      }),
    ).toEqual(['messages.0.role']);
    expect(issuePaths(onboardingTurnRequestSchema, { ...request, step: 'greeting' })).toEqual([
      'step',
    ]);
  });
});

describe('onboardingTurnResponseSchema', () => {
  const response: OnboardingTurnResponse = {
    reply: 'Have you done any breathwork before?',
    chips: [{ label: 'Complete beginner', value: 'beginner' }],
    step: 'experience',
    profile: {},
    done: false,
    source: 'model',
  };

  it('accepts a reply and ignores fields it does not know yet', () => {
    expect(onboardingTurnResponseSchema.parse({ ...response, future: 1 })).toEqual(response);
  });

  it('is done only on the done step, and never on a crisis reply', () => {
    expect(issuePaths(onboardingTurnResponseSchema, { ...response, done: true })).toEqual(['done']);
    expect(
      issuePaths(onboardingTurnResponseSchema, {
        ...response,
        step: 'done',
        done: true,
        crisis: true,
      }),
    ).toEqual(['done']);
    expect(
      onboardingTurnResponseSchema.safeParse({ ...response, step: 'done', done: true }).success,
    ).toBe(true);
  });

  it('rejects a reply that makes a medical claim, and a name in the profile', () => {
    expect(
      issuePaths(onboardingTurnResponseSchema, { ...response, reply: 'This cures anxiety.' }),
    ).toEqual(['reply']);
    expect(
      issuePaths(onboardingTurnResponseSchema, { ...response, profile: { name: 'Sam' } }),
    ).toEqual(['profile']);
  });

  it('bounds the chips', () => {
    const chips = Array.from({ length: 9 }, (_, i) => ({ label: `c${i}`, value: `c${i}` }));
    expect(issuePaths(onboardingTurnResponseSchema, { ...response, chips })).toEqual(['chips']);
    expect(
      issuePaths(onboardingTurnResponseSchema, { ...response, chips: [{ label: '', value: 'x' }] }),
    ).toEqual(['chips.0.label']);
  });
});

describe('session plan schemas', () => {
  const plan = {
    introduction: 'Here is the plan.',
    checkIns: [
      { breath: 4, text: 'Notice your shoulders.' },
      { breath: 10, text: 'Feel your belly rise.' },
    ],
    source: 'scripted',
  };

  it('accepts a request without a name and rejects one with it', () => {
    const request = { profile: { goal: 'sleep' }, patternId: 'first-breath', totalBreaths: 18 };
    expect(sessionPlanRequestSchema.parse(request)).toEqual(request);
    expect(issuePaths(sessionPlanRequestSchema, { ...request, profile: { name: 'Sam' } })).toEqual([
      'profile',
    ]);
    expect(issuePaths(sessionPlanRequestSchema, { ...request, totalBreaths: 0 })).toEqual([
      'totalBreaths',
    ]);
    expect(issuePaths(sessionPlanRequestSchema, { ...request, totalBreaths: 1001 })).toEqual([
      'totalBreaths',
    ]);
  });

  it('needs check-ins sorted, one per breath, from breath 1', () => {
    expect(sessionPlanResponseSchema.safeParse(plan).success).toBe(true);
    const unsorted = { ...plan, checkIns: [...plan.checkIns].reverse() };
    expect(issuePaths(sessionPlanResponseSchema, unsorted)).toEqual(['checkIns.1.breath']);
    const twice = { ...plan, checkIns: [plan.checkIns[0], plan.checkIns[0]] };
    expect(issuePaths(sessionPlanResponseSchema, twice)).toEqual(['checkIns.1.breath']);
    const zero = { ...plan, checkIns: [{ breath: 0, text: 'x' }] };
    expect(issuePaths(sessionPlanResponseSchema, zero)).toEqual(['checkIns.0.breath']);
  });

  it('keeps check-ins within the session for a given length', () => {
    expect(sessionPlanResponseSchemaFor(10).safeParse(plan).success).toBe(true);
    expect(issuePaths(sessionPlanResponseSchemaFor(9), plan)).toEqual(['checkIns.1.breath']);
  });

  it('rejects medical claims in the introduction and in check-ins', () => {
    expect(
      issuePaths(sessionPlanResponseSchema, { ...plan, introduction: 'This treats insomnia.' }),
    ).toEqual(['introduction']);
    const claim = {
      ...plan,
      checkIns: [{ breath: 4, text: 'Feel it lower your blood pressure.' }],
    };
    expect(issuePaths(sessionPlanResponseSchema, claim)).toEqual(['checkIns.0.text']);
  });
});

describe('feedback schemas', () => {
  const request: FeedbackRequest = {
    patternId: 'first-breath',
    status: 'partial',
    breathsCompleted: 7,
    totalBreaths: 18,
    calmBefore: 2,
    calmAfter: null,
    goal: 'stress',
    timeOfDay: 'evening',
  };

  it('accepts a session summary', () => {
    expect(feedbackRequestSchema.parse(request)).toEqual(request);
  });

  it('never carries a note or a name', () => {
    expect(issuePaths(feedbackRequestSchema, { ...request, note: 'rough day' })).toEqual(['']);
    expect(issuePaths(feedbackRequestSchema, { ...request, name: 'Sam' })).toEqual(['']);
  });

  it.each([
    ['calmBefore', { calmBefore: 0 }],
    ['calmBefore', { calmBefore: 6 }],
    ['calmAfter', { calmAfter: 2.5 }],
    ['timeOfDay', { timeOfDay: 'dusk' }],
    ['breathsCompleted', { breathsCompleted: 19 }],
    ['status', { status: 'completed' }],
    ['goal', { goal: 'weight' }],
  ])('rejects a bad %s', (path, override) => {
    expect(issuePaths(feedbackRequestSchema, { ...request, ...override })).toEqual([path]);
  });

  it('needs 3–5 sentences without a medical claim in the response', () => {
    const text = (n: number) => Array.from({ length: n }, (_, i) => `Sentence ${i + 1}.`).join(' ');
    const ok = (t: string) =>
      feedbackResponseSchema.safeParse({ text: t, source: 'model' }).success;
    expect([2, 3, 4, 5, 6].map((n) => ok(text(n)))).toEqual([false, true, true, true, false]);
    expect(ok(`${text(3)} Breathing cures stress.`)).toBe(false);
  });
});
