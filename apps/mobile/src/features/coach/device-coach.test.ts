import {
  CRISIS_RESOURCES,
  NAME_PLACEHOLDER,
  scriptedOnboardingTurn,
  seededRandom,
  type OnboardingTurnRequest,
} from '@exhale/core/coach';

import { createCoachClient } from '@/lib/api';
import {
  eventStream,
  nodeFetch,
  sseEvent,
  startTestServer,
  type TestServer,
} from '@/lib/api/coach-test-server';

import { createDeviceCoach } from './device-coach';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

/** The API's behaviour with no model: the scripted coach, streamed word by word. */
function scriptedApi() {
  server.handle((request, response) => {
    const turn = scriptedOnboardingTurn(JSON.parse(request.body) as OnboardingTurnRequest, {
      random: seededRandom(1),
    });
    eventStream(response);
    for (const word of turn.reply.split(/(?<= )/)) {
      response.write(sseEvent('delta', { text: word }));
    }
    response.end(sseEvent('done', turn));
  });
}

function coach(options: { responseTimeoutMs?: number } = {}) {
  return createDeviceCoach({
    client: createCoachClient({
      baseUrl: server.url,
      deviceId: () => Promise.resolve('device-0123456789abcdef'),
      fetch: nodeFetch,
      ...options,
    }),
    random: seededRandom(7),
  });
}

describe('the coach on the device', () => {
  it('never sends the name: the name step stays here, and later turns carry the placeholder', async () => {
    scriptedApi();
    const device = coach();
    const shown: string[] = [];

    const named = await device.onboardingTurn(
      { messages: [], message: "I'm Sam Lee", profile: {}, step: 'name' },
      { name: 'Sam Lee' },
    );
    expect(server.requests).toHaveLength(0); // answered on the device
    expect(named.step).toBe('experience');

    const next = await device.onboardingTurn(
      {
        messages: [
          { role: 'coach', text: 'What should I call you?' },
          { role: 'person', text: "I'm Sam Lee" },
          { role: 'coach', text: named.reply },
        ],
        message: 'Sam is a total beginner, honestly',
        profile: named.profile,
        step: 'experience',
      },
      { name: 'Sam Lee', onText: (text) => shown.push(text) },
    );
    expect(next.source).toBe('scripted');
    expect(next.step).toBe('goal');
    expect(shown.length).toBeGreaterThan(3); // the words streamed in
    expect(shown.at(-1)).toBe(next.shown);

    const body = server.requests.map((request) => request.body).join('\n');
    expect(server.requests).toHaveLength(1);
    expect(body).not.toMatch(/sam|lee/i);
    expect(body).toContain(`${NAME_PLACEHOLDER} is a total beginner`);
    expect(body).toContain(`I'm ${NAME_PLACEHOLDER}`);
  });

  it('fills the name in the reply, on the device', async () => {
    server.handle((_request, response) => {
      eventStream(response);
      response.write(sseEvent('delta', { text: 'Lovely, {{na' }));
      response.write(sseEvent('delta', { text: 'me}}. What brings you here?' }));
      response.end(
        sseEvent('done', {
          reply: 'Lovely, {{name}}. What brings you here?',
          chips: [],
          step: 'goal',
          profile: { experience: 'beginner' },
          done: false,
          source: 'model',
        }),
      );
    });
    const shown: string[] = [];
    const turn = await coach().onboardingTurn(
      { messages: [], message: 'beginner', profile: {}, step: 'experience' },
      { name: 'Ana', onText: (text) => shown.push(text) },
    );
    expect(turn.shown).toBe('Lovely, Ana. What brings you here?');
    expect(turn.reply).toContain(NAME_PLACEHOLDER); // kept for the history sent later
    expect(shown).toEqual(['Lovely, ', 'Lovely, Ana. What brings you here?']);
  });

  it('answers crisis language on the device at once, without the network', async () => {
    scriptedApi();
    const turn = await coach().onboardingTurn(
      { messages: [], message: 'I want to end my life', profile: {}, step: 'goal' },
      { name: null },
    );
    expect(server.requests).toHaveLength(0);
    expect(turn.crisis).toBe(true);
    expect(turn.done).toBe(false);
    expect(turn.shown).toContain(CRISIS_RESOURCES);
  });

  it('falls back to the scripted coach without an error when the API fails or is slow', async () => {
    server.handle((_request, response) => {
      response.writeHead(429);
      response.end();
    });
    const request = {
      messages: [],
      message: 'some experience',
      profile: {},
      step: 'experience' as const,
    };
    const limited = await coach().onboardingTurn(request, { name: null });
    expect(limited).toMatchObject({ source: 'scripted', step: 'goal' });

    server.handle(() => {}); // never answers
    const texts: string[] = [];
    const slow = await coach({ responseTimeoutMs: 100 }).onboardingTurn(request, {
      name: null,
      onText: (text) => texts.push(text),
    });
    expect(slow).toMatchObject({ source: 'scripted', step: 'goal' });

    const offline = createDeviceCoach({ client: null });
    const feedback = await offline.feedback(
      {
        patternId: 'first-breath',
        status: 'partial',
        breathsCompleted: 7,
        totalBreaths: 18,
        calmBefore: null,
        calmAfter: 3,
        timeOfDay: 'evening',
      },
      { name: null },
    );
    expect(feedback.source).toBe('scripted');
    expect(feedback.shown).toMatch(/7 slow breaths|7 breaths/);
    expect(feedback.shown).not.toContain('{{');
  });
});
