import {
  scriptedFeedback,
  scriptedSessionPlan,
  type OnboardingTurnResponse,
} from '@exhale/core/coach';

import { CoachUnavailableError, createCoachClient, type CoachClientOptions } from './coach-client';
import {
  eventStream,
  nodeFetch,
  sseEvent,
  startTestServer,
  type TestServer,
} from './coach-test-server';

const DEVICE_ID = 'device-0123456789abcdef';

const TURN: OnboardingTurnResponse = {
  reply: 'Lovely. Have you done any breathwork before?',
  chips: [{ label: 'Complete beginner', value: 'beginner' }],
  step: 'experience',
  profile: {},
  done: false,
  source: 'model',
};

const TURN_REQUEST = {
  messages: [{ role: 'coach' as const, text: 'What should I call you?' }],
  message: 'I would like to sleep better',
  profile: {},
  step: 'goal' as const,
};

const FEEDBACK_REQUEST = {
  patternId: 'first-breath',
  status: 'completed' as const,
  breathsCompleted: 18,
  totalBreaths: 18,
  calmBefore: 2,
  calmAfter: 4,
  timeOfDay: 'morning' as const,
};

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

function client(options: Partial<CoachClientOptions> = {}) {
  return createCoachClient({
    baseUrl: server.url,
    deviceId: () => Promise.resolve(DEVICE_ID),
    fetch: nodeFetch,
    ...options,
  });
}

async function failure(promise: Promise<unknown>): Promise<CoachUnavailableError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CoachUnavailableError);
  return error as CoachUnavailableError;
}

describe('the coach client', () => {
  it('streams an onboarding turn: words as they arrive, then the checked final answer', async () => {
    const seen: string[] = [];
    let sendRest: () => void = () => {};
    server.handle((_request, response) => {
      eventStream(response);
      // The comment, a delta split mid-event and mid-character ("é" is two bytes) …
      const first = Buffer.from(`: coach\n\n${sseEvent('delta', { text: 'Café, ' })}`);
      response.write(first.subarray(0, 25));
      response.write(first.subarray(25));
      // … the rest only once the first words have been handed on.
      sendRest = () => {
        response.write(sseEvent('delta', { text: 'then more.' }));
        response.end(sseEvent('done', TURN));
      };
    });

    const answer = client().onboardingTurn(TURN_REQUEST, {
      onDelta: (text) => {
        seen.push(text);
        if (seen.length === 1) sendRest();
      },
    });
    await expect(answer).resolves.toEqual(TURN);
    expect(seen).toEqual(['Café, ', 'then more.']);

    const [sent] = server.requests;
    expect(sent!.path).toBe('/v1/coach/onboarding');
    expect(sent!.headers['x-device-id']).toBe(DEVICE_ID);
    expect(sent!.headers.accept).toBe('text/event-stream');
    expect(JSON.parse(sent!.body)).toEqual(TURN_REQUEST);
  });

  it('voids the streamed text on retry and fallback events', async () => {
    const events: string[] = [];
    server.handle((_request, response) => {
      eventStream(response);
      response.end(
        sseEvent('delta', { text: 'Bad ' }) +
          sseEvent('retry', { reason: 'invalid_output' }) +
          sseEvent('delta', { text: 'Worse ' }) +
          sseEvent('fallback', { reason: 'invalid_output' }) +
          sseEvent('delta', { text: 'Good.' }) +
          sseEvent('done', { ...TURN, source: 'scripted' }),
      );
    });
    await client().onboardingTurn(TURN_REQUEST, {
      onDelta: (text) => events.push(text),
      onReset: () => events.push('<reset>'),
    });
    expect(events).toEqual(['Bad ', '<reset>', 'Worse ', '<reset>', 'Good.']);
  });

  it('reads a JSON session plan and checks it against the session length', async () => {
    const plan = scriptedSessionPlan({ profile: {}, patternId: 'first-breath', totalBreaths: 18 });
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(plan));
    });
    const request = { profile: {}, patternId: 'first-breath', totalBreaths: 18 };
    await expect(client().sessionPlan(request)).resolves.toEqual(plan);
    expect(server.requests[0]!.headers.accept).toBe('application/json');

    // Check-ins past the last breath are not a plan for this session.
    const tooShort = { ...request, totalBreaths: 12 };
    expect((await failure(client().sessionPlan(tooShort))).reason).toBe('invalid_response');
  });

  it('rejects an answer that breaks the contract, or a stream without its final event', async () => {
    server.handle((_request, response) => {
      eventStream(response);
      response.end(sseEvent('done', { text: 'Too short.', source: 'model' }));
    });
    expect((await failure(client().feedback(FEEDBACK_REQUEST))).reason).toBe('invalid_response');

    server.handle((_request, response) => {
      eventStream(response);
      response.end(sseEvent('delta', { text: 'Half' }));
    });
    expect((await failure(client().feedback(FEEDBACK_REQUEST))).reason).toBe('invalid_response');
  });

  it('gives up on 429 and server errors', async () => {
    server.handle((_request, response) => {
      response.writeHead(429, { 'retry-after': '30', 'content-type': 'application/problem+json' });
      response.end(JSON.stringify({ code: 'rate_limited' }));
    });
    expect((await failure(client().onboardingTurn(TURN_REQUEST))).reason).toBe('rate_limited');

    server.handle((_request, response) => {
      response.writeHead(503);
      response.end();
    });
    expect((await failure(client().onboardingTurn(TURN_REQUEST))).reason).toBe('server_error');
  });

  it('stops waiting for a slow answer, and for a stream that stalls', async () => {
    server.handle(() => {}); // never answers
    const slow = client({ responseTimeoutMs: 150 });
    const started = Date.now();
    expect((await failure(slow.onboardingTurn(TURN_REQUEST))).reason).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2_000);

    server.handle((_request, response) => {
      eventStream(response);
      response.write(sseEvent('delta', { text: 'Hello' })); // … and then nothing
    });
    const stalls = client({ idleTimeoutMs: 150 });
    expect((await failure(stalls.feedback(FEEDBACK_REQUEST))).reason).toBe('timeout');
  });

  it('reports no server, and a server that is not there', async () => {
    const none = client({ baseUrl: null });
    expect((await failure(none.onboardingTurn(TURN_REQUEST))).reason).toBe('no_server');
    await server.close();
    expect((await failure(client().onboardingTurn(TURN_REQUEST))).reason).toBe('offline');
    server = await startTestServer(); // for afterEach
  });

  it('sends nothing that breaks the strict request contract (a name, a note)', async () => {
    const withName = { ...TURN_REQUEST, profile: { name: 'Sam' } } as never;
    expect((await failure(client().onboardingTurn(withName))).reason).toBe('invalid_request');
    const withNote = { ...FEEDBACK_REQUEST, note: 'private' } as never;
    expect((await failure(client().feedback(withNote))).reason).toBe('invalid_request');
    expect(server.requests).toEqual([]);
  });

  it('accepts the scripted feedback the API falls back to', async () => {
    const feedback = scriptedFeedback(FEEDBACK_REQUEST);
    server.handle((_request, response) => {
      eventStream(response);
      response.end(sseEvent('done', feedback));
    });
    await expect(client().feedback(FEEDBACK_REQUEST)).resolves.toEqual(feedback);
  });
});
