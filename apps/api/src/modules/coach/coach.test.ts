import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  feedbackResponseSchema,
  isGentleOnly,
  onboardingTurnResponseSchema,
  sessionPlanResponseSchema,
  type OnboardingTurnRequest,
} from '@exhale/core/coach';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../app';
import {
  startLocalOpenAiServer,
  type LocalAnswer,
  type LocalOpenAiServer,
} from '../../lib/llm/local-openai-server';
import { recordingAnalytics } from '../../testing/analytics';
import { deadPort } from '../../testing/network';
import {
  HEADERS,
  SSE_HEADERS,
  coachTestApps,
  deltaText,
  eventOrder,
  parseSse,
  purposeOf,
} from './coach.test-support';
import { mentionsBreathHold } from './coach.output';

// The real openai SDK talks over HTTP to a local OpenAI-compatible server started here;
// nothing is mocked. Timeouts are shortened so slow-model cases take a fraction of a second.
const FAST_LIMITS = {
  COACH_FIRST_TOKEN_TIMEOUT_MS: '300',
  COACH_TOTAL_TIMEOUT_MS: '1500',
  COACH_RATE_LIMIT_PER_DEVICE: '1000',
  COACH_RATE_LIMIT_PER_IP: '1000',
};

const GOAL_TURN: OnboardingTurnRequest = {
  messages: [
    { role: 'coach', text: "Hi, I'm your Exhale coach. What should I call you?" },
    { role: 'person', text: '{{name}}' },
    { role: 'coach', text: 'Lovely to meet you, {{name}}. Have you done any breathwork before?' },
    { role: 'person', text: 'never' },
    { role: 'coach', text: 'Perfect, no experience needed. What brings you here?' },
  ],
  message: "I lie awake for hours and it's wearing me down",
  profile: { experience: 'beginner' },
  step: 'goal',
};

const MODEL_TURN = {
  reply:
    'That sounds tiring, {{name}}, and slow breathing is a gentle way to wind down. One quick safety check: do any of these apply to you? Pregnancy, epilepsy or seizures, a heart or blood-pressure condition, recent surgery, or panic attacks.',
  step: 'safety',
  profile: { goal: 'sleep' },
};

const FEEDBACK_REQUEST = {
  patternId: 'first-breath',
  status: 'completed',
  breathsCompleted: 18,
  totalBreaths: 18,
  calmBefore: 2,
  calmAfter: 4,
  goal: 'sleep',
  experience: 'beginner',
  timeOfDay: 'night',
};

const MODEL_FEEDBACK =
  'You just took 18 slow breaths, about six a minute, with long, easy exhales. ' +
  "Breathing like this invites your body's parasympathetic, rest-and-digest response. " +
  'Your calm rose from 2 to 4, a lovely shift before sleep. ' +
  'A few minutes like this at bedtime can become a gentle signal that the day is done.';

const PLAN_REQUEST = {
  profile: { goal: 'sleep', experience: 'beginner' },
  patternId: 'first-breath',
  totalBreaths: 18,
};
const MODEL_PLAN = {
  introduction:
    "For three minutes you'll breathe in for 5 seconds and out for 5. Long, slow exhales invite the 'rest and digest' response. Just follow the circle.",
  checkIns: [
    'Let your shoulders drop.',
    'Feel your belly rise and fall.',
    'A few breaths left. Notice how you feel.',
  ],
};

const json = (value: unknown): LocalAnswer => ({ content: JSON.stringify(value) });

describe('coach with a model (local OpenAI-compatible server)', () => {
  const apps = coachTestApps();
  let server: LocalOpenAiServer;
  let app: App;

  beforeAll(async () => {
    server = await startLocalOpenAiServer(() => json(MODEL_TURN));
    app = await apps.start({
      OPENAI_BASE_URL: server.baseUrl,
      OPENAI_MODEL: 'local-test',
      ...FAST_LIMITS,
    });
  });
  afterAll(async () => {
    await apps.closeAll();
    await server.close();
  });
  beforeEach(() => {
    server.requests.length = 0;
    server.rawBodies.length = 0;
    server.cancelled.length = 0;
    server.setScript(() => json(MODEL_TURN));
  });

  /** Real HTTP, for what inject cannot show: timing and hanging up. */
  const listening = async () => {
    if (!app.server.listening) await app.listen({ port: 0, host: '127.0.0.1' });
    return (app.server.address() as AddressInfo).port;
  };

  const post = (url: string, payload: unknown, headers: Record<string, string> = HEADERS) =>
    app.inject({ method: 'POST', url, headers, payload: payload as object });

  describe('onboarding', () => {
    it('answers with the model, checked, with the scripted chips for the next question', async () => {
      const response = await post('/v1/coach/onboarding', GOAL_TURN);
      expect(response.statusCode).toBe(200);
      const body = onboardingTurnResponseSchema.parse(response.json());
      expect(body).toMatchObject({
        reply: MODEL_TURN.reply,
        step: 'safety',
        profile: { experience: 'beginner', goal: 'sleep' },
        done: false,
        source: 'model',
      });
      expect(body.chips.map((chip) => chip.value)).toEqual(['none', 'yes', 'unsure']);
      expect(body.fallbackReason).toBeUndefined();

      const sent = server.requests[0];
      expect(sent).toMatchObject({ model: 'local-test', store: false, stream: false });
      expect(sent?.response_format).toMatchObject({ type: 'json_schema' });
      expect(sent?.messages.map((message) => message.role)).toEqual(['system', 'user']);
      expect(sent?.messages[1]?.content).toContain(JSON.stringify(GOAL_TURN.message));
    });

    it('streams the reply as Server-Sent Events ending in one done event', async () => {
      const response = await post('/v1/coach/onboarding', GOAL_TURN, SSE_HEADERS);
      expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      const events = parseSse(response.body);
      expect(eventOrder(events)).toBe('delta,done');
      const done = onboardingTurnResponseSchema.parse(events.at(-1)?.data);
      expect(done.source).toBe('model');
      expect(deltaText(events)).toBe(done.reply);
      // Released a whole sentence at a time, so each can be checked before it is shown.
      expect(events.filter((event) => event.event === 'delta').length).toBeGreaterThan(1);
      expect(server.requests[0]).toMatchObject({ stream: true, store: false });
    });

    it('asks again once when the output breaks the schema, and uses the second answer', async () => {
      server.setScript((_body, index) =>
        index === 0 ? json({ ...MODEL_TURN, step: 'favourite colour' }) : json(MODEL_TURN),
      );
      const response = await post('/v1/coach/onboarding', GOAL_TURN, SSE_HEADERS);
      const events = parseSse(response.body);
      expect(eventOrder(events)).toBe('delta,retry,delta,done');
      expect(events.at(-1)?.data).toMatchObject({ source: 'model', step: 'safety' });
      expect(server.requests).toHaveLength(2);
    });

    it('falls back to the scripted coach when the output is unusable twice', async () => {
      server.setScript(() => ({ content: '{"reply": "Sure!", "step": ' }));
      const response = await post('/v1/coach/onboarding', GOAL_TURN);
      expect(response.json()).toMatchObject({
        source: 'scripted',
        fallbackReason: 'invalid_output',
        step: 'safety',
        profile: { experience: 'beginner' },
      });
      expect(server.requests).toHaveLength(2);
    });

    it('never shows a medical claim, even mid-stream, and falls back', async () => {
      const claim = 'Slow breathing will cure your insomnia for good.';
      server.setScript(() =>
        json({ ...MODEL_TURN, reply: `That sounds hard. ${claim} Shall we go on?` }),
      );
      const response = await post('/v1/coach/onboarding', GOAL_TURN, SSE_HEADERS);
      const events = parseSse(response.body);
      expect(eventOrder(events)).toBe('delta,retry,delta,fallback,delta,done');
      expect(response.body).not.toContain('cure');
      expect(events.at(-1)?.data).toMatchObject({
        source: 'scripted',
        fallbackReason: 'invalid_output',
      });
    });

    it('falls back when the first token is late, without asking twice', async () => {
      server.setScript(() => ({ ...json(MODEL_TURN), firstTokenDelayMs: 3000 }));
      const started = performance.now();
      const response = await post('/v1/coach/onboarding', GOAL_TURN, SSE_HEADERS);
      expect(performance.now() - started).toBeLessThan(1200);
      const events = parseSse(response.body);
      expect(eventOrder(events)).toBe('fallback,delta,done');
      expect(events[0]?.data).toEqual({ reason: 'first_token_timeout' });
      expect(events.at(-1)?.data).toMatchObject({
        source: 'scripted',
        fallbackReason: 'first_token_timeout',
      });
      expect(server.requests).toHaveLength(1);
    });

    it('falls back when the whole answer takes too long (JSON)', async () => {
      server.setScript(() => ({ ...json(MODEL_TURN), firstTokenDelayMs: 3000 }));
      const response = await post('/v1/coach/onboarding', GOAL_TURN);
      expect(response.json()).toMatchObject({
        source: 'scripted',
        fallbackReason: 'total_timeout',
      });
    });

    it('falls back when the provider answers with an error', async () => {
      server.setScript(() => ({ content: '', status: 503 }));
      const response = await post('/v1/coach/onboarding', GOAL_TURN);
      expect(response.json()).toMatchObject({
        source: 'scripted',
        fallbackReason: 'upstream_error',
      });
      expect(server.requests).toHaveLength(1);
    });

    it('falls back when nothing listens at the model’s address', async () => {
      const down = await apps.start({
        OPENAI_BASE_URL: `http://127.0.0.1:${await deadPort()}/v1`,
        ...FAST_LIMITS,
      });
      const response = await down.inject({
        method: 'POST',
        url: '/v1/coach/onboarding',
        headers: SSE_HEADERS,
        payload: GOAL_TURN,
      });
      const events = parseSse(response.body);
      expect(eventOrder(events)).toBe('fallback,delta,done');
      expect(onboardingTurnResponseSchema.parse(events.at(-1)?.data)).toMatchObject({
        source: 'scripted',
        fallbackReason: 'upstream_error',
        step: 'safety',
      });
    });

    it('rejects a model that asks for the name', async () => {
      server.setScript(() =>
        json({ ...MODEL_TURN, reply: 'Got it. What is your name, by the way?' }),
      );
      const response = await post('/v1/coach/onboarding', GOAL_TURN);
      expect(response.json()).toMatchObject({
        source: 'scripted',
        fallbackReason: 'invalid_output',
      });
    });
  });

  describe('safety', () => {
    const CRISIS_TURN = { ...GOAL_TURN, message: "honestly I don't want to be alive anymore" };

    it.each([
      ['JSON', HEADERS],
      ['SSE', SSE_HEADERS],
    ])(
      'answers crisis language with the fixed help message, never the model (%s)',
      async (_kind, headers) => {
        const response = await post('/v1/coach/onboarding', CRISIS_TURN, headers);
        const body =
          headers === SSE_HEADERS ? parseSse(response.body).at(-1)?.data : response.json();
        expect(body).toMatchObject({ crisis: true, done: false, source: 'scripted', chips: [] });
        expect((body as { reply: string }).reply).toContain('988');
        expect(server.requests).toHaveLength(0);
      },
    );

    it('keeps a "yes" on the safety screen gentle-only, with the note to check with a doctor', async () => {
      server.setScript(() =>
        json({
          reply: 'Thank you for telling me. When would you like to practise each day?',
          step: 'preferredTime',
          profile: {
            safety: {
              pregnancy: true,
              seizures: false,
              heartOrBloodPressure: false,
              recentSurgery: false,
              panicAttacks: false,
            },
          },
        }),
      );
      const response = await post('/v1/coach/onboarding', {
        messages: [],
        message: "I'm pregnant, nothing else",
        profile: { experience: 'beginner', goal: 'sleep' },
        step: 'safety',
      });
      const body = onboardingTurnResponseSchema.parse(response.json());
      expect(body.source).toBe('model');
      expect(isGentleOnly(body.profile)).toBe(true);
      expect(body.safetyNote).toMatch(/check with your doctor/);
      // The prompt for later turns carries the gentle-only rule.
      await post('/v1/coach/onboarding', {
        messages: [],
        message: 'mornings',
        profile: body.profile,
        step: 'preferredTime',
      });
      expect(server.requests[1]?.messages[0]?.content).toContain('gentle breathing only');
    });

    it('does not let the model clear a "yes" or answer the safety screen unasked', async () => {
      server.setScript(() =>
        json({
          ...MODEL_TURN,
          step: 'preferredTime',
          profile: {
            goal: 'sleep',
            safety: {
              pregnancy: false,
              seizures: false,
              heartOrBloodPressure: false,
              recentSurgery: false,
              panicAttacks: false,
            },
          },
        }),
      );
      const response = await post('/v1/coach/onboarding', GOAL_TURN);
      expect(response.json()).toMatchObject({
        source: 'scripted',
        fallbackReason: 'invalid_output',
        step: 'safety',
      });
    });

    it('rejects a plan that suggests a breath hold for a gentle-only profile', async () => {
      const gentle = {
        ...PLAN_REQUEST,
        profile: { ...PLAN_REQUEST.profile, safety: { panicAttacks: true } },
      };
      server.setScript(() =>
        json({
          ...MODEL_PLAN,
          checkIns: ['Hold your breath for a moment.', ...MODEL_PLAN.checkIns.slice(1)],
        }),
      );
      const rejected = sessionPlanResponseSchema.parse(
        (await post('/v1/coach/session-plan', gentle)).json(),
      );
      expect(rejected).toMatchObject({ source: 'scripted', fallbackReason: 'invalid_output' });
      expect(
        [rejected.introduction, ...rejected.checkIns.map((c) => c.text)].some(mentionsBreathHold),
      ).toBe(false);
      expect(server.requests[0]?.messages[0]?.content).toContain('gentle breathing only');

      // Saying there will be no holds is exactly right.
      server.setScript(() =>
        json({
          ...MODEL_PLAN,
          introduction: `${MODEL_PLAN.introduction} We'll keep it gentle, with no breath holds.`,
        }),
      );
      const accepted = (await post('/v1/coach/session-plan', gentle)).json();
      expect(accepted).toMatchObject({ source: 'model' });
    });

    it('tells a negated hold from a real one', () => {
      expect(mentionsBreathHold('Breathe in, then hold for 4.')).toBe(true);
      expect(mentionsBreathHold('Gentle breathing, with no breath holds.')).toBe(false);
      expect(
        mentionsBreathHold("You won't hold your breath at all; do not hold your breath."),
      ).toBe(true);
    });
  });

  describe('session plan', () => {
    it('keys the model’s check-ins to the planned breaths', async () => {
      server.setScript(() => json(MODEL_PLAN));
      const response = await post('/v1/coach/session-plan', PLAN_REQUEST);
      expect(response.json()).toEqual({
        introduction: MODEL_PLAN.introduction,
        checkIns: [
          { breath: 4, text: MODEL_PLAN.checkIns[0] },
          { breath: 10, text: MODEL_PLAN.checkIns[1] },
          { breath: 15, text: MODEL_PLAN.checkIns[2] },
        ],
        source: 'model',
      });
      expect(server.requests[0]?.messages[1]?.content).toContain('Check-in breaths: 4, 10, 15');
    });

    it('falls back when the model writes the wrong number of check-ins', async () => {
      server.setScript(() => json({ ...MODEL_PLAN, checkIns: ['Relax.'] }));
      const body = sessionPlanResponseSchema.parse(
        (await post('/v1/coach/session-plan', PLAN_REQUEST)).json(),
      );
      expect(body).toMatchObject({ source: 'scripted', fallbackReason: 'invalid_output' });
      expect(body.checkIns.map((checkIn) => checkIn.breath)).toEqual([4, 10, 15]);
    });
  });

  describe('feedback', () => {
    it('streams 3-5 model sentences', async () => {
      server.setScript(() => json({ text: MODEL_FEEDBACK }));
      const events = parseSse(
        (await post('/v1/coach/feedback', FEEDBACK_REQUEST, SSE_HEADERS)).body,
      );
      expect(eventOrder(events)).toBe('delta,done');
      expect(feedbackResponseSchema.parse(events.at(-1)?.data)).toEqual({
        text: MODEL_FEEDBACK,
        source: 'model',
      });
    });

    it('treats the wrong number of sentences as invalid, twice → scripted', async () => {
      server.setScript(() => json({ text: 'Well done. That was lovely.' }));
      const body = feedbackResponseSchema.parse(
        (await post('/v1/coach/feedback', FEEDBACK_REQUEST)).json(),
      );
      expect(body).toMatchObject({ source: 'scripted', fallbackReason: 'invalid_output' });
      expect(server.requests).toHaveLength(2);
    });

    it('rejects a note with 400 before anything is sent', async () => {
      const response = await post('/v1/coach/feedback', {
        ...FEEDBACK_REQUEST,
        note: 'felt dizzy at breath 9',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'personal_data_rejected',
        errors: [{ path: 'body.note', message: 'must not be sent' }],
      });
      expect(server.requests).toHaveLength(0);
    });
  });

  describe('privacy', () => {
    const NAME = 'Zebulonia';

    it('never lets the name reach the provider across a whole onboarding', async () => {
      server.setScript((body) => {
        if (purposeOf(body) !== 'onboarding') return json({ text: MODEL_FEEDBACK });
        return json(MODEL_TURN);
      });
      // The person typed their name at the name step; the app keeps it and sends {{name}}.
      const history = [
        { role: 'coach' as const, text: 'Hi, I am your coach. What should I call you?' },
        { role: 'person' as const, text: '{{name}}' },
        {
          role: 'coach' as const,
          text: 'Lovely to meet you, {{name}}. Have you done any breathwork before?',
        },
      ];
      const nameTurn = await post('/v1/coach/onboarding', {
        messages: history.slice(0, 1),
        message: '{{name}}',
        profile: {},
        step: 'name',
      });
      expect(nameTurn.json()).toMatchObject({ step: 'experience', source: 'scripted' });
      await post('/v1/coach/onboarding', {
        messages: history,
        message: 'never tried it',
        profile: {},
        step: 'experience',
      });
      await post('/v1/coach/onboarding', GOAL_TURN, SSE_HEADERS);

      // Even a faulty app that left the raw name in the history does not leak it: only the
      // latest message is forwarded, and the name step itself is never sent to a model.
      const leaky = history.map((message) => ({
        ...message,
        text: message.text.replace('{{name}}', NAME),
      }));
      await post('/v1/coach/onboarding', {
        messages: leaky,
        message: 'some experience',
        profile: {},
        step: 'experience',
      });
      await post('/v1/coach/onboarding', {
        messages: leaky.slice(0, 1),
        message: `I'm ${NAME}`,
        profile: {},
        step: 'name',
      });

      expect(server.rawBodies.length).toBeGreaterThanOrEqual(3);
      for (const body of server.rawBodies) expect(body).not.toContain(NAME);
      // Chat messages may carry a participant `name`; ours never do.
      for (const request of server.requests) {
        for (const message of request.messages)
          expect(Object.keys(message)).toEqual(['role', 'content']);
      }
    });

    it.each([
      ['a name in the profile', { ...GOAL_TURN, profile: { name: NAME } }, 'body.profile.name'],
      ['a top-level name', { ...GOAL_TURN, name: NAME }, 'body.name'],
      ['a displayName', { ...GOAL_TURN, displayName: NAME }, 'body.displayName'],
      [
        'a note in a message',
        { ...GOAL_TURN, messages: [{ role: 'person', text: 'hi', note: NAME }] },
        'body.messages.0.note',
      ],
    ])('rejects %s with 400 before anything is sent', async (_case, payload, path) => {
      const response = await post('/v1/coach/onboarding', payload);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'personal_data_rejected', errors: [{ path }] });
      expect(server.requests).toHaveLength(0);
    });
  });

  it('delivers each checked sentence over HTTP while the model is still writing', async () => {
    server.setScript(() => ({ ...json({ text: MODEL_FEEDBACK }), chunkDelayMs: 5 }));
    const port = await listening();
    const arrivals: { at: number; text: string }[] = [];
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const request = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/v1/coach/feedback',
        headers: { ...SSE_HEADERS, 'content-type': 'application/json' },
      });
      request.on('error', reject);
      request.on('response', (response) => {
        response.setEncoding('utf8');
        response.on('data', (text: string) =>
          arrivals.push({ at: performance.now() - started, text }),
        );
        response.on('end', resolve);
      });
      request.end(JSON.stringify(FEEDBACK_REQUEST));
    });
    const events = parseSse(arrivals.map((arrival) => arrival.text).join(''));
    expect(eventOrder(events)).toBe('delta,done');
    expect(events.filter((event) => event.event === 'delta')).toHaveLength(4);
    const firstDelta = arrivals.find((arrival) => arrival.text.includes('event: delta'));
    const done = arrivals.find((arrival) => arrival.text.includes('event: done'));
    // About 70 words at 5 ms each: the first sentence is on screen long before the last.
    expect(done!.at - firstDelta!.at).toBeGreaterThan(150);
  });

  it('aborts the upstream request when the client goes away mid-stream', async () => {
    server.setScript(() => ({ ...json(MODEL_TURN), firstTokenDelayMs: 1000 }));
    const port = await listening();
    // node:http rather than fetch: undici opens a spare connection after an abort, which
    // would keep the server from closing.
    const request = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/v1/coach/onboarding',
      headers: { ...SSE_HEADERS, 'content-type': 'application/json' },
    });
    const response = await new Promise<IncomingMessage>((resolve) => {
      request.on('response', resolve);
      request.end(JSON.stringify(GOAL_TURN));
    });
    expect(response.headers['content-type']).toContain('text/event-stream');
    const hungUpAt = performance.now();
    request.destroy();
    // Well before the 300 ms first-token limit would have ended it anyway.
    await expect.poll(() => server.cancelled, { interval: 5, timeout: 1000 }).toEqual([0]);
    expect(performance.now() - hungUpAt).toBeLessThan(200);
  });
});

describe('coach without a model', () => {
  const apps = coachTestApps();
  let app: App;

  beforeAll(async () => {
    app = await apps.start();
  });
  afterAll(() => apps.closeAll());

  it('answers every endpoint with the scripted coach', async () => {
    const onboarding = await app.inject({
      method: 'POST',
      url: '/v1/coach/onboarding',
      headers: HEADERS,
      payload: GOAL_TURN,
    });
    expect(onboarding.json()).toMatchObject({
      source: 'scripted',
      fallbackReason: 'not_configured',
      step: 'safety',
    });
    const plan = await app.inject({
      method: 'POST',
      url: '/v1/coach/session-plan',
      headers: HEADERS,
      payload: PLAN_REQUEST,
    });
    expect(sessionPlanResponseSchema.parse(plan.json()).checkIns).toHaveLength(3);
    const feedback = await app.inject({
      method: 'POST',
      url: '/v1/coach/feedback',
      headers: HEADERS,
      payload: FEEDBACK_REQUEST,
    });
    expect(feedbackResponseSchema.parse(feedback.json()).source).toBe('scripted');
  });

  it('counts each reply for analytics by kind and source, with nothing from the request', async () => {
    const analytics = recordingAnalytics();
    const counted = await apps.start({}, { analytics });
    for (const [url, payload] of [
      ['/v1/coach/onboarding', GOAL_TURN],
      ['/v1/coach/session-plan', PLAN_REQUEST],
      ['/v1/coach/feedback', FEEDBACK_REQUEST],
    ] as const) {
      expect(
        (await counted.inject({ method: 'POST', url, headers: HEADERS, payload })).statusCode,
      ).toBe(200);
    }
    const streamed = await counted.inject({
      method: 'POST',
      url: '/v1/coach/feedback',
      headers: SSE_HEADERS,
      payload: FEEDBACK_REQUEST,
    });
    expect(eventOrder(parseSse(streamed.body))).toMatch(/done$/);

    const scripted = { source: 'scripted', fallback_reason: 'not_configured' };
    expect(analytics.events).toEqual([
      { name: 'coach_replied', properties: { kind: 'onboarding', ...scripted } },
      { name: 'coach_replied', properties: { kind: 'session_plan', ...scripted } },
      { name: 'coach_replied', properties: { kind: 'feedback', ...scripted } },
      { name: 'coach_replied', properties: { kind: 'feedback', ...scripted } },
    ]);
  });

  it('streams scripted text word by word, then done', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/coach/feedback',
      headers: SSE_HEADERS,
      payload: FEEDBACK_REQUEST,
    });
    const events = parseSse(response.body);
    expect(eventOrder(events)).toBe('delta,done');
    const done = feedbackResponseSchema.parse(events.at(-1)?.data);
    expect(deltaText(events)).toBe(done.text);
    expect(events.length - 1).toBe(done.text.split(/\s+/).length);
  });

  it('gives crisis language the help message on the scripted path too', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/coach/onboarding',
      headers: HEADERS,
      payload: { ...GOAL_TURN, message: 'I keep thinking about ending it all' },
    });
    expect(response.json()).toMatchObject({ crisis: true, done: false, source: 'scripted' });
  });

  it('keeps a "yes" on the safety screen gentle-only with the doctor note', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/coach/onboarding',
      headers: HEADERS,
      payload: {
        messages: [],
        message: 'epilepsy',
        profile: { experience: 'some', goal: 'focus' },
        step: 'safetyDetail',
      },
    });
    const body = onboardingTurnResponseSchema.parse(response.json());
    expect(isGentleOnly(body.profile)).toBe(true);
    expect(body.safetyNote).toMatch(/check with your doctor/);
  });

  it('needs a well-formed x-device-id', async () => {
    const missing = await app.inject({
      method: 'POST',
      url: '/v1/coach/feedback',
      payload: FEEDBACK_REQUEST,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([
      {
        path: 'headers.x-device-id',
        message: 'is required: a random id the app makes once per install',
      },
    ]);
    const bad = await app.inject({
      method: 'POST',
      url: '/v1/coach/feedback',
      headers: { 'x-device-id': 'short' },
      payload: FEEDBACK_REQUEST,
    });
    expect(bad.json().errors[0].path).toBe('headers.x-device-id');
  });

  it('lists the body fields a bad request got wrong', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/coach/feedback',
      headers: HEADERS,
      payload: { ...FEEDBACK_REQUEST, calmBefore: 9, timeOfDay: 'teatime' },
    });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((error: { path: string }) => error.path)
        .sort(),
    ).toEqual(['body.calmBefore', 'body.timeOfDay']);
  });

  it('documents the three endpoints, with both content types where it streams', async () => {
    const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const onboarding = document.paths['/v1/coach/onboarding'].post;
    expect(Object.keys(onboarding.responses['200'].content)).toEqual([
      'application/json',
      'text/event-stream',
    ]);
    expect(onboarding.responses['429']).toBeDefined();
    expect(onboarding.parameters).toContainEqual(
      expect.objectContaining({ in: 'header', name: 'x-device-id', required: true }),
    );
    expect(document.paths['/v1/coach/session-plan'].post.responses['200']).toBeDefined();
    expect(
      Object.keys(document.paths['/v1/coach/feedback'].post.responses['200'].content),
    ).toContain('text/event-stream');
  });
});
