import {
  CRISIS_RESOURCES,
  scriptedOnboardingTurn,
  type OnboardingTurnRequest,
} from '@exhale/core/coach';
import { router } from 'expo-router';
import { act, fireEvent, screen, waitFor, within } from 'expo-router/testing-library';

import { analytics } from '@/features/analytics/analytics';
import { renderJourney } from '@/features/coach/testing/render-journey';
import {
  eventStream,
  sseEvent,
  startTestServer,
  type TestServer,
} from '@/lib/api/coach-test-server';
import { createTestStorage, type TestStorage } from '@/test-utils/test-storage';

// Real parts throughout: the screen, the scripted coach, storage on in-memory SQLite, and
// (where a test starts one) a local HTTP server speaking the coach API's event stream.

const SLOW = { timeout: 4_000 };

async function settle() {
  for (let i = 0; i < 5; i++) await act(async () => {});
}

function lastCoachText() {
  const bubbles = screen.getAllByTestId('chat-coach');
  return bubbles.at(-1)!;
}

async function waitForCoach(text: RegExp | string) {
  await waitFor(() => expect(lastCoachText()).toHaveTextContent(text), SLOW);
}

async function tapChip(value: string) {
  await waitFor(() => expect(screen.getByTestId(`chip-${value}`)).toBeEnabled(), SLOW);
  fireEvent.press(screen.getByTestId(`chip-${value}`));
  await settle();
}

async function type(text: string) {
  await waitFor(() => expect(screen.getByTestId('chat-send')).toBeTruthy(), SLOW);
  fireEvent.changeText(screen.getByTestId('chat-input'), text);
  fireEvent.press(screen.getByTestId('chat-send'));
  await settle();
}

async function openFirstLaunch(storage: TestStorage, apiUrl: string | null = null) {
  const app = renderJourney(storage, { apiUrl, responseTimeoutMs: 300 });
  await settle();
  return app;
}

describe('the onboarding chat', () => {
  let storage: TestStorage;
  beforeEach(async () => {
    storage = await createTestStorage();
  });

  it('opens on first launch, and completes with chips and free text, saving the profile', async () => {
    const track = jest.spyOn(analytics, 'track');
    const app = await openFirstLaunch(storage);
    expect(app.getPathname()).toBe('/onboarding');
    await waitForCoach(/call you|your name/); // the greeting appears word by word

    await type("Hi, I'm sam");
    expect(screen.getAllByTestId('chat-person').at(-1)).toHaveTextContent("Hi, I'm sam");
    await waitForCoach(/Sam/);

    await tapChip('beginner');
    expect(screen.getAllByTestId('chat-person').at(-1)).toHaveTextContent('Complete beginner');
    await tapChip('sleep');

    // A "yes" on the safety screen: which ones, several at once, then a plain note.
    await tapChip('yes');
    expect(screen.getByTestId('chip-pregnancy')).toHaveProp('accessibilityRole', 'checkbox');
    expect(screen.getByTestId('chips-send')).toBeDisabled();
    fireEvent.press(screen.getByTestId('chip-pregnancy'));
    fireEvent.press(screen.getByTestId('chip-panicAttacks'));
    fireEvent.press(screen.getByTestId('chips-send'));
    await settle();
    expect(screen.getAllByTestId('chat-person').at(-1)).toHaveTextContent(
      'Pregnancy, Panic attacks',
    );
    await waitFor(() => expect(screen.getByTestId('safety-note')).toBeOnTheScreen(), SLOW);
    expect(screen.getByTestId('safety-note')).toHaveTextContent(/check with your doctor/);

    await tapChip('custom');
    await type('half past seven in the morning');
    await waitFor(() => expect(screen.getByTestId('onboarding-continue')).toBeEnabled(), SLOW);
    expect(screen.queryByTestId('chat-input')).toBeNull();

    const profile = await storage.profile.get();
    expect(profile).toMatchObject({
      name: 'Sam',
      experience: 'beginner',
      goal: 'sleep',
      safety: {
        pregnancy: true,
        panicAttacks: true,
        seizures: false,
        heartOrBloodPressure: false,
        recentSurgery: false,
      },
      preferredTime: { kind: 'custom', time: '07:30' },
    });
    expect(profile!.onboardedAt).toEqual(expect.any(String));
    // Only the choices go to (opt-in) analytics: never the name or the time itself.
    expect(track).toHaveBeenCalledWith({
      name: 'onboarding_completed',
      properties: { experience: 'beginner', goal: 'sleep', preferred_time: 'custom' },
    });
    track.mockRestore();

    fireEvent.press(screen.getByTestId('onboarding-continue'));
    await settle();
    expect(app.getPathname()).toBe('/introduction');
  });

  it('asks the name again on the device when the answer is not one, and skips it on request', async () => {
    await openFirstLaunch(storage);
    await type('hello');
    await waitForCoach(/call you|name/);
    await tapChip('skip');
    await waitForCoach(/breathwork|breathing exercises/);
    expect(lastCoachText()).not.toHaveTextContent(/\{\{/);
  });

  it('shows help for crisis language and stays on the question', async () => {
    await openFirstLaunch(storage);
    await tapChip('skip');
    await type('honestly I want to kill myself');
    await waitFor(
      () =>
        expect(screen.getByTestId('crisis-help')).toHaveTextContent(CRISIS_RESOURCES, {
          exact: false,
        }),
      SLOW,
    );
    // The same question's answers are offered again; nothing moved on.
    await tapChip('some');
    await waitForCoach(/brings you|help with|breathing to help/);
    expect(await storage.profile.get()).toBeNull();
  });

  describe('with the coach API', () => {
    let server: TestServer;
    beforeEach(async () => {
      server = await startTestServer();
    });
    afterEach(async () => {
      await server.close();
    });

    it('shows the typing indicator, then the words as they stream in', async () => {
      let finish: () => void = () => {};
      server.handle((request, response) => {
        const turn = scriptedOnboardingTurn(JSON.parse(request.body) as OnboardingTurnRequest);
        eventStream(response);
        response.write(': coach\n\n');
        finish = () => {
          response.write(sseEvent('delta', { text: 'Got it. ' }));
          setTimeout(
            () => response.end(sseEvent('done', { ...turn, reply: `Got it. ${turn.reply}` })),
            200,
          );
        };
      });
      await openFirstLaunch(storage, server.url);
      await tapChip('skip'); // the name step: answered on the device
      expect(server.requests).toHaveLength(0);

      await tapChip('regular');
      await waitFor(() => expect(screen.getByTestId('typing-indicator')).toBeOnTheScreen(), SLOW);
      act(() => finish());
      await waitForCoach(/^Got it\.$/);
      await waitForCoach(/^Got it\. .*\?$/);
      expect(screen.queryByTestId('typing-indicator')).toBeNull();
      expect(JSON.parse(server.requests[0]!.body)).toMatchObject({
        message: 'regular',
        step: 'experience',
      });
    });

    it('carries on with the scripted coach, with no error, when the API fails', async () => {
      server.handle((_request, response) => {
        response.writeHead(500);
        response.end();
      });
      await openFirstLaunch(storage, server.url);
      await tapChip('skip');
      await tapChip('beginner');
      await waitForCoach(/brings you|help with|breathing to help/);
      expect(server.requests).toHaveLength(1);
      expect(screen.queryByText(/error|wrong|could not/i)).toBeNull();
    });

    it('never sends the name or anything typed at the name step', async () => {
      server.handle((request, response) => {
        const turn = scriptedOnboardingTurn(JSON.parse(request.body) as OnboardingTurnRequest);
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(turn));
      });
      await openFirstLaunch(storage, server.url);
      await type('Call me Rosalind');
      await waitForCoach(/Rosalind/);
      await type('Rosalind has meditated a bit before');
      await waitForCoach(/brings you|help with|breathing to help/);
      await tapChip('stress');
      await waitFor(() => expect(server.requests).toHaveLength(2), SLOW); // not the name step
      for (const request of server.requests) {
        expect(request.body).not.toMatch(/rosalind/i);
        expect(request.headers['x-device-id']).toMatch(/^[A-Za-z0-9]{32}$/);
      }
      expect(server.requests[0]!.body).toContain('{{name}} has meditated');
      // One id for the device, kept across requests.
      expect(new Set(server.requests.map((r) => r.headers['x-device-id'])).size).toBe(1);
    });
  });

  it('goes home instead when this device finished the chat before', async () => {
    await storage.profile.save({
      name: null,
      experience: 'some',
      goal: 'focus',
      safety: null,
      preferredTime: null,
      onboardedAt: '2026-01-01T08:00:00.000Z',
    });
    const app = renderJourney(storage, { initialUrl: '/onboarding' });
    await settle();
    expect(app.getPathname()).toBe('/');
    expect(screen.queryByTestId('onboarding')).toBeNull();
  });

  it('redoes the answers from settings, overwriting the profile, then goes back', async () => {
    await storage.profile.save({
      name: 'Old',
      experience: 'regular',
      goal: 'focus',
      safety: null,
      preferredTime: { kind: 'morning' },
      onboardedAt: '2026-01-01T08:00:00.000Z',
    });
    const app = renderJourney(storage, { initialUrl: '/' });
    await settle();
    expect(app.getPathname()).toBe('/');
    act(() => router.push('/onboarding?redo=1'));
    await settle();
    expect(screen.getByText('Update your answers')).toBeOnTheScreen();
    await tapChip('skip');
    await tapChip('some');
    await tapChip('energy');
    await tapChip('none');
    await tapChip('bedtime');
    await waitFor(() => expect(screen.getByTestId('onboarding-continue')).toBeEnabled(), SLOW);
    expect(
      within(screen.getByTestId('onboarding')).getByRole('button', { name: 'Done' }),
    ).toBeTruthy();
    expect(await storage.profile.get()).toMatchObject({
      name: null,
      experience: 'some',
      goal: 'energy',
      preferredTime: { kind: 'bedtime' },
      onboardedAt: '2026-01-01T08:00:00.000Z',
    });
    fireEvent.press(screen.getByTestId('onboarding-continue'));
    await settle();
    expect(app.getPathname()).toBe('/');
  });
});
