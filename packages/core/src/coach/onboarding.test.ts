import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CRISIS_PHRASES, NOT_CRISIS_PHRASES } from './crisis-examples';
import {
  NAME_PLACEHOLDER,
  ONBOARDING_STEPS,
  SAFETY_CONDITIONS,
  coachProfileSchema,
  onboardingTurnRequestSchema,
  onboardingTurnResponseSchema,
  type ChatMessage,
  type CoachProfilePatch,
  type OnboardingStep,
  type OnboardingTurnResponse,
  type SafetyAnswers,
  type SafetyCondition,
} from './contracts';
import { containsMedicalClaim } from './medical-claims';
import { extractName, fillName } from './name';
import { onboardingChips, scriptedOnboardingTurn, startOnboarding } from './onboarding';
import { seededRandom } from './random';
import { isGentleOnly } from './safety';

const allSafety = (answer: boolean | null): SafetyAnswers => ({
  pregnancy: answer,
  seizures: answer,
  heartOrBloodPressure: answer,
  recentSurgery: answer,
  panicAttacks: answer,
});

/** A profile as it stands when each step is asked. */
const PROFILE_AT: Record<OnboardingStep, CoachProfilePatch> = {
  name: {},
  experience: {},
  goal: { experience: 'beginner' },
  safety: { experience: 'beginner', goal: 'stress' },
  safetyDetail: { experience: 'beginner', goal: 'stress', safety: allSafety(null) },
  preferredTime: { experience: 'beginner', goal: 'stress', safety: allSafety(false) },
  customTime: { experience: 'beginner', goal: 'stress', safety: allSafety(false) },
  done: {
    experience: 'beginner',
    goal: 'stress',
    safety: allSafety(false),
    preferredTime: { kind: 'morning' },
  },
};

/** Checks every response the way the app and API would, then hands it back. */
function checked(response: OnboardingTurnResponse): OnboardingTurnResponse {
  expect(onboardingTurnResponseSchema.parse(response)).toEqual(response);
  expect(response.source).toBe('scripted');
  expect(containsMedicalClaim(response.reply)).toBe(false);
  if (response.crisis !== true) expect(response.chips.length).toBeGreaterThan(0);
  expect(response.multiSelect === true).toBe(response.step === 'safetyDetail' && !response.crisis);
  return response;
}

/** An answer no step can use: any single word could be a name, so the name step differs. */
const unclear = (step: OnboardingStep) => (step === 'name' ? 'hello' : 'banana');

function turn(step: OnboardingStep, message: string, seed = 1, profile = PROFILE_AT[step]) {
  const request = { messages: [], message, profile, step };
  return checked(scriptedOnboardingTurn(request, { random: seededRandom(seed) }));
}

/** Plays a whole conversation as the app does: each request carries the last step and profile. */
function converse(answers: readonly string[], seed = 1): OnboardingTurnResponse[] {
  const random = seededRandom(seed);
  const responses = [checked(startOnboarding({ random }))];
  const messages: ChatMessage[] = [];
  for (const message of answers) {
    const previous = responses.at(-1) as OnboardingTurnResponse;
    messages.push({ role: 'coach', text: previous.reply });
    const request = onboardingTurnRequestSchema.parse({
      messages: [...messages],
      message,
      profile: previous.profile,
      step: previous.step,
    });
    messages.push({ role: 'person', text: message });
    responses.push(checked(scriptedOnboardingTurn(request, { random })));
  }
  return responses;
}

const last = (responses: OnboardingTurnResponse[]) => responses.at(-1) as OnboardingTurnResponse;
const steps = (responses: OnboardingTurnResponse[]) => responses.map((r) => r.step);

describe('scripted onboarding walk-throughs', () => {
  it('completes with chips alone', () => {
    const responses = converse(['skip', 'beginner', 'sleep', 'none', 'bedtime']);
    expect(steps(responses)).toEqual([
      'name',
      'experience',
      'goal',
      'safety',
      'preferredTime',
      'done',
    ]);
    const { profile, done } = last(responses);
    expect(done).toBe(true);
    expect(coachProfileSchema.parse(profile)).toEqual({
      experience: 'beginner',
      goal: 'sleep',
      safety: allSafety(false),
      preferredTime: { kind: 'bedtime' },
    });
    expect(responses.slice(0, -1).every((r) => !r.done)).toBe(true);
  });

  it('completes with free text alone', () => {
    const responses = converse([
      "Hi, I'm Sam",
      "I've never done this before",
      "I can't sleep",
      'no, none of those',
      'half past seven in the evening',
    ]);
    expect(last(responses)).toMatchObject({
      step: 'done',
      done: true,
      profile: {
        experience: 'beginner',
        goal: 'sleep',
        safety: allSafety(false),
        preferredTime: { kind: 'custom', time: '19:30' },
      },
    });
    expect(last(responses).reply).toContain('7:30 pm');
  });

  it('takes the long way through the follow-up questions', () => {
    const responses = converse([
      'call me Alex',
      'some',
      'focus',
      'yes',
      'heartOrBloodPressure, recentSurgery',
      'custom',
      '21:30',
    ]);
    expect(steps(responses)).toEqual([
      'name',
      'experience',
      'goal',
      'safety',
      'safetyDetail',
      'preferredTime',
      'customTime',
      'done',
    ]);
    expect(last(responses).profile).toEqual({
      experience: 'some',
      goal: 'focus',
      safety: { ...allSafety(false), heartOrBloodPressure: true, recentSurgery: true },
      preferredTime: { kind: 'custom', time: '21:30' },
    });
  });

  it('keeps a goal mentioned in passing and does not ask for it again', () => {
    const responses = converse(["I'm Sam and I'm so stressed", 'never', 'none', 'morning']);
    expect(steps(responses)).toEqual(['name', 'experience', 'safety', 'preferredTime', 'done']);
    expect(last(responses).profile.goal).toBe('stress');
  });

  it('suggests bedtime to someone practising for sleep, and mornings for energy', () => {
    expect(turn('safety', 'none', 1, { ...PROFILE_AT.safety, goal: 'sleep' }).reply).toMatch(
      /Bedtime is a natural fit/,
    );
    expect(turn('safety', 'none', 1, { ...PROFILE_AT.safety, goal: 'energy' }).reply).toMatch(
      /Mornings are a nice fit/,
    );
    expect(turn('safety', 'none', 1).reply).not.toMatch(/natural fit|nice fit/);
  });

  it('reads a bare hour as evening for sleep, and says back the time it understood', () => {
    const sleep = { ...PROFILE_AT.customTime, goal: 'sleep' as const };
    expect(turn('customTime', 'at 10', 1, sleep).profile.preferredTime).toEqual({
      kind: 'custom',
      time: '22:00',
    });
    const focus = turn('customTime', 'at 10');
    expect(focus.profile.preferredTime).toEqual({ kind: 'custom', time: '10:00' });
    expect(focus.reply).toContain('10:00 am');
  });
});

/** The step each chip leads to. */
const CHIP_LEADS_TO: Record<OnboardingStep, Record<string, OnboardingStep>> = {
  name: { skip: 'experience' },
  experience: { beginner: 'goal', some: 'goal', regular: 'goal' },
  goal: { stress: 'safety', sleep: 'safety', focus: 'safety', energy: 'safety' },
  safety: { none: 'preferredTime', yes: 'safetyDetail', unsure: 'preferredTime' },
  safetyDetail: {
    pregnancy: 'preferredTime',
    seizures: 'preferredTime',
    heartOrBloodPressure: 'preferredTime',
    recentSurgery: 'preferredTime',
    panicAttacks: 'preferredTime',
    skip: 'preferredTime',
  },
  preferredTime: { morning: 'done', bedtime: 'done', custom: 'customTime' },
  customTime: { '07:00': 'done', '12:30': 'done', '18:00': 'done', '21:30': 'done' },
  done: { start: 'done' },
};

describe('chips', () => {
  it.each(ONBOARDING_STEPS)(
    'are offered at %s, and each is understood as value or label',
    (step) => {
      const asked = turn(step, unclear(step));
      const offered = Object.fromEntries(asked.chips.map((chip) => [chip.value, chip.label]));
      expect(Object.keys(offered).sort()).toEqual(Object.keys(CHIP_LEADS_TO[step]).sort());
      for (const [value, label] of Object.entries(offered)) {
        const byValue = turn(step, value);
        const byLabel = turn(step, label);
        expect(byValue.step).toBe(CHIP_LEADS_TO[step][value]);
        expect(byLabel.step).toBe(byValue.step);
        expect(byLabel.profile).toEqual(byValue.profile);
      }
    },
  );

  it('offers the customTime chips as the times they show', () => {
    for (const chip of turn('customTime', 'banana').chips) {
      expect(chip.label).toMatch(/^\d{1,2}:\d{2} (am|pm)$/);
      const time = turn('customTime', chip.value).profile.preferredTime;
      expect(time?.kind === 'custom' && time.time).toBe(chip.value);
    }
  });
});

describe('answers it cannot understand', () => {
  it.each(ONBOARDING_STEPS.filter((step) => step !== 'done'))(
    'asks %s again, kindly, with the same chips and nothing changed',
    (step) => {
      const nonsenses =
        step === 'name'
          ? ['hello', '', '???', 'I am not sure']
          : ['banana', '', 'asdf qwerty', '42 bananas'];
      for (const nonsense of nonsenses) {
        const response = turn(step, nonsense);
        expect(response.step).toBe(step);
        expect(response.done).toBe(false);
        expect(response.profile).toEqual(PROFILE_AT[step]);
        expect(response.chips).toEqual(turn(step, unclear(step), 2).chips);
        expect(response.reply).toMatch(/^(Sorry|I'm not sure|Let me ask)/);
        expect(response.safetyNote).toBeUndefined();
      }
    },
  );

  it('meets a question with honesty rather than a bare repeat', () => {
    const response = turn('experience', 'what is breathwork?');
    expect(response.step).toBe('experience');
    expect(response.reply).toMatch(/question/);
  });

  it('does not accept "yes" as the list of conditions, nor a part of the day as a time', () => {
    expect(turn('safetyDetail', 'yes').step).toBe('safetyDetail');
    expect(turn('customTime', 'custom').step).toBe('customTime');
  });

  it('moves on from the customTime question when the person picks morning after all', () => {
    expect(turn('customTime', 'morning is fine').profile.preferredTime).toEqual({
      kind: 'morning',
    });
  });

  it('asks an evening person which time, then takes it', () => {
    const responses = converse(['Sam', 'regular', 'energy', 'none', 'in the evening', '6:30']);
    expect(steps(responses).slice(-2)).toEqual(['customTime', 'done']);
    expect(last(responses).profile.preferredTime).toEqual({ kind: 'custom', time: '18:30' });
  });
});

describe('done', () => {
  it('comes only once the preferred time is known, whatever chips are chosen', () => {
    const visited = new Set<OnboardingStep>();
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 12, maxLength: 12 }), fc.nat(), (picks, seed) => {
        const random = seededRandom(seed);
        let response = checked(startOnboarding({ random }));
        for (const index of picks) {
          visited.add(response.step);
          expect(response.done).toBe(response.profile.preferredTime !== undefined);
          expect(response.done).toBe(response.step === 'done');
          if (response.done) {
            expect(coachProfileSchema.safeParse(response.profile).success).toBe(true);
            return;
          }
          const chip = response.chips[index % response.chips.length];
          response = checked(
            scriptedOnboardingTurn(
              {
                messages: [],
                message: chip?.value ?? '',
                profile: response.profile,
                step: response.step,
              },
              { random },
            ),
          );
        }
        expect.unreachable('chips alone always finish within 12 turns');
      }),
    );
    expect([...visited].sort()).toEqual([...ONBOARDING_STEPS].sort());
  });

  it('answers kindly if the person keeps talking after onboarding', () => {
    const response = turn('done', 'thanks!');
    expect(response).toMatchObject({ step: 'done', done: true, profile: PROFILE_AT.done });
  });

  it('reminds a gentle-only person that First Breath has no holds', () => {
    const gentle = { ...PROFILE_AT.preferredTime, safety: allSafety(null) };
    expect(turn('preferredTime', 'morning', 1, gentle).reply).toMatch(/no breath holds/);
    expect(turn('preferredTime', 'morning').reply).not.toMatch(/no breath holds/);
  });
});

describe('the name', () => {
  it('is acknowledged with the placeholder and kept out of the profile', () => {
    const response = turn('name', "I'm Sam");
    expect(response.reply).toContain(NAME_PLACEHOLDER);
    expect(response.profile).toEqual({});
    expect(JSON.stringify(response)).not.toMatch(/\bsam\b/i);
  });

  it('accepts an answer the app has already redacted', () => {
    expect(turn('name', NAME_PLACEHOLDER).step).toBe('experience');
    expect(turn('name', `I'm ${NAME_PLACEHOLDER}`).step).toBe('experience');
    expect(turn('name', `hi, call me {{ Name }} please`).step).toBe('experience');
  });

  it('offers the same chips for a step as the turns do', () => {
    expect(onboardingChips('experience')).toEqual(turn('name', 'skip').chips);
    expect(onboardingChips('name').map((chip) => chip.value)).toEqual(['skip']);
  });

  it('asks again when the answer is not a name, and moves on when skipped', () => {
    expect(turn('name', 'hello').step).toBe('name');
    const skipped = turn('name', 'skip');
    expect(skipped.step).toBe('experience');
    expect(skipped.reply).not.toContain(NAME_PLACEHOLDER);
  });

  it('never appears in anything the coach sends back, whatever the name', () => {
    const name = fc
      .tuple(fc.stringMatching(/^[a-zà-öø-ÿ]{1,10}$/), fc.boolean())
      .map(([rest, upper]) => (upper ? 'QZ' + rest.toUpperCase() : 'Qz' + rest));
    const phrasing = fc.constantFrom(
      (n: string) => n,
      (n: string) => `I'm ${n}`,
      (n: string) => `hi, my name is ${n}!`,
      (n: string) => `call me ${n} please`,
      (n: string) => `${n} here, and I can't sleep`,
    );
    fc.assert(
      fc.property(name, phrasing, fc.nat(), (raw, say, seed) => {
        const answer = say(raw);
        // The name step really did take a name: the app would store exactly this locally.
        expect(extractName(answer)?.toLowerCase()).toBe(raw.toLowerCase());
        const responses = converse([answer, 'beginner', 'stress', 'none', '7am'], seed);
        expect(responses[1]?.reply).toContain(NAME_PLACEHOLDER);
        expect(last(responses).done).toBe(true);
        const sent = JSON.stringify(responses).toLowerCase();
        expect(sent).not.toContain(raw.toLowerCase());
      }),
    );
  });

  it('reads naturally once filled in on the device, with or without a name', () => {
    const paths = [
      ['Sam', 'beginner', 'sleep', 'yes', 'pregnancy', 'custom', '7pm', 'thanks'],
      ['skip', 'regular', 'energy', 'unsure', 'morning'],
      ['Sam', 'some', 'focus', 'banana', 'none', 'banana', 'bedtime'],
    ];
    for (let seed = 0; seed < 30; seed++) {
      for (const path of paths) {
        for (const response of converse(path, seed)) {
          const anonymous = fillName(response.reply, null);
          expect(anonymous).not.toMatch(/\{\{|\}\}| ,|,[.!?]| {2}|^\s|\s$/);
          expect(anonymous).toMatch(/^[A-Z0-9]/);
          const named = fillName(response.reply, 'Qzx');
          expect(named).not.toContain('{{');
          expect(named.includes('Qzx')).toBe(response.reply.includes(NAME_PLACEHOLDER));
        }
      }
    }
  });
});

describe('the safety screen', () => {
  const FREE_TEXT: Record<SafetyCondition, string> = {
    pregnancy: "I'm pregnant",
    seizures: 'I have epilepsy',
    heartOrBloodPressure: 'I have high blood pressure',
    recentSurgery: 'I had surgery two weeks ago',
    panicAttacks: 'I get panic attacks',
  };

  it.each(SAFETY_CONDITIONS)(
    'keeps someone with %s gentle, with a note, by chip or in words',
    (c) => {
      const byChip = turn('safetyDetail', c);
      expect(byChip.profile.safety).toEqual({ ...allSafety(false), [c]: true });
      const byWords = turn('safety', FREE_TEXT[c]);
      expect(byWords.profile.safety).toEqual({ ...allSafety(null), [c]: true });
      for (const response of [byChip, byWords]) {
        expect(response.step).toBe('preferredTime');
        expect(isGentleOnly(response.profile)).toBe(true);
        expect(response.safetyNote).toMatch(/check with your doctor/);
        expect(response.reply).toMatch(/gentle/);
      }
    },
  );

  it('lets someone who answers no to all go on without a note or restriction', () => {
    const responses = converse(['Sam', 'regular', 'energy', 'None of these', 'morning']);
    expect(isGentleOnly(last(responses).profile)).toBe(false);
    expect(responses.every((r) => r.safetyNote === undefined)).toBe(true);
  });

  it('treats "not sure" and "rather not say" as unanswered: gentle, with the note', () => {
    for (const [step, answer] of [
      ['safety', 'not sure'],
      ['safetyDetail', 'Rather not say'],
    ] as const) {
      const response = turn(step, answer);
      expect(response.profile.safety).toEqual(allSafety(null));
      expect(isGentleOnly(response.profile)).toBe(true);
      expect(response.safetyNote).toMatch(/^If any of these might apply/);
    }
  });

  it('is gentle while waiting to hear which condition applies', () => {
    const response = turn('safety', 'yes');
    expect(response.step).toBe('safetyDetail');
    expect(isGentleOnly(response.profile)).toBe(true);
    expect(response.safetyNote).toBeUndefined();
  });

  it('names no condition back to the person and makes no diagnosis', () => {
    for (const c of SAFETY_CONDITIONS) {
      const { reply, safetyNote } = turn('safety', FREE_TEXT[c]);
      expect(`${reply} ${safetyNote}`).not.toMatch(/you have|diagnos|pregnan|epilep|surgery/i);
    }
  });
});

describe('crisis language', () => {
  it.each(ONBOARDING_STEPS)('gets help, not coaching, at %s', (step) => {
    for (const phrase of CRISIS_PHRASES) {
      const response = turn(step, phrase);
      expect(response.crisis).toBe(true);
      expect(response.done).toBe(false);
      expect(response.step).toBe(step);
      expect(response.chips).toEqual([]);
      expect(response.profile).toEqual(PROFILE_AT[step]);
      expect(response.safetyNote).toBeUndefined();
      expect(response.reply).toMatch(/988/);
      expect(response.reply).toMatch(/116 123/);
      expect(response.reply).toMatch(/findahelpline\.com/);
      expect(response.reply).not.toMatch(/\?|breathe|practi[cs]e/i);
    }
  });

  it.each(ONBOARDING_STEPS)('is not triggered by everyday idioms at %s', (step) => {
    for (const phrase of NOT_CRISIS_PHRASES) {
      expect(turn(step, phrase).crisis).toBeUndefined();
    }
  });

  it('is caught even before the conversation has started', () => {
    const response = checked(
      scriptedOnboardingTurn({ messages: [], message: 'I want to die', profile: {} }),
    );
    expect(response).toMatchObject({ crisis: true, step: 'name', done: false });
  });

  it('lets the conversation carry on afterwards from the same question', () => {
    const crisis = turn('goal', 'I want to hurt myself');
    const next = turn('goal', 'stress', 1, crisis.profile);
    expect(next.step).toBe('safety');
  });
});

describe('the step a request answers', () => {
  it('is the greeting when nothing has been said', () => {
    const response = checked(scriptedOnboardingTurn({ messages: [], message: '', profile: {} }));
    expect(response.step).toBe('name');
    expect(response.reply).toMatch(/call you|your name/);
  });

  it('is the name when the person answers the greeting', () => {
    const greeting = startOnboarding({ random: seededRandom(3) });
    const response = checked(
      scriptedOnboardingTurn({
        messages: [{ role: 'coach', text: greeting.reply }],
        message: 'Sam',
        profile: {},
      }),
    );
    expect(response.step).toBe('experience');
  });

  it('is the first unanswered question later on', () => {
    const response = checked(
      scriptedOnboardingTurn({
        messages: [
          { role: 'coach', text: 'What should I call you?' },
          { role: 'person', text: NAME_PLACEHOLDER },
        ],
        message: 'focus',
        profile: { experience: 'some' },
      }),
    );
    expect(response.step).toBe('safety');
    expect(response.profile.goal).toBe('focus');
  });
});

describe('wording', () => {
  it('varies with the random source and replays with the same seed', () => {
    const greetings = new Set(
      Array.from({ length: 20 }, (_, s) => startOnboarding({ random: seededRandom(s) }).reply),
    );
    expect(greetings.size).toBeGreaterThanOrEqual(3);
    const replies = new Set(Array.from({ length: 20 }, (_, s) => turn('goal', 'sleep', s).reply));
    expect(replies.size).toBeGreaterThanOrEqual(5);
    expect(turn('goal', 'sleep', 7)).toEqual(turn('goal', 'sleep', 7));
  });

  it('stays brief', () => {
    for (let seed = 0; seed < 20; seed++) {
      for (const response of converse(
        ['Sam', 'some', 'stress', 'yes', 'panicAttacks', '8am'],
        seed,
      )) {
        expect(response.reply.length).toBeLessThanOrEqual(320);
      }
    }
  });
});
