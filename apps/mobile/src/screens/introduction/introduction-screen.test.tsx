import type { SessionPlanResponse } from '@exhale/core/coach';
import { act, fireEvent, screen, waitFor } from 'expo-router/testing-library';

import { SESSION_PLAN_KEY } from '@/features/coach/session-plan-cache';
import { renderJourney } from '@/features/coach/testing/render-journey';
import { startTestServer, type TestServer } from '@/lib/api/coach-test-server';
import { createTestStorage, type TestStorage } from '@/test-utils/test-storage';

const SLOW = { timeout: 4_000 };

// What a model might write for this person, through the API.
const MODEL_PLAN: SessionPlanResponse = {
  introduction:
    'Welcome to your first practice, {{name}}. We will breathe slowly together for three minutes.',
  checkIns: [
    { breath: 4, text: 'Let your jaw soften, {{name}}.' },
    { breath: 10, text: 'Notice the cool air at your nose.' },
    { breath: 15, text: 'Feel your feet on the floor.' },
  ],
  source: 'model',
};

async function settle() {
  for (let i = 0; i < 5; i++) await act(async () => {});
}

async function onboarded(storage: TestStorage) {
  await storage.profile.save({
    name: 'Robin',
    experience: 'some',
    goal: 'focus',
    safety: {
      pregnancy: false,
      seizures: false,
      heartOrBloodPressure: true,
      recentSurgery: false,
      panicAttacks: false,
    },
    preferredTime: { kind: 'morning' },
    onboardedAt: '2026-03-01T07:00:00.000Z',
  });
}

describe('the First Breath introduction', () => {
  let storage: TestStorage;
  let server: TestServer;
  beforeEach(async () => {
    storage = await createTestStorage();
    await onboarded(storage);
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it("explains the session, shows the coach's words, and the session uses the same plan offline", async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(MODEL_PLAN));
    });
    renderJourney(storage, { apiUrl: server.url, initialUrl: '/introduction' });
    await settle();
    expect(screen.getByTestId('what-will-happen')).toHaveTextContent(
      /5 seconds.*5 seconds.*18.*exactly 3:00/,
    );
    await waitFor(
      () =>
        expect(screen.getByTestId('coach-introduction-text')).toHaveTextContent(
          'Welcome to your first practice, Robin. We will breathe slowly together for three minutes.',
        ),
      SLOW,
    );

    // Asked with the profile the coach may know: no name; the safety answers keep it gentle.
    const sent = JSON.parse(server.requests[0]!.body) as Record<string, unknown>;
    expect(sent).toEqual({
      profile: {
        experience: 'some',
        goal: 'focus',
        safety: expect.objectContaining({ heartOrBloodPressure: true }),
      },
      patternId: 'first-breath',
      totalBreaths: 18,
    });
    expect(server.requests[0]!.body).not.toMatch(/robin/i);
    await waitFor(async () =>
      expect(await storage.settings.get(SESSION_PLAN_KEY, null)).not.toBeNull(),
    );

    // The API goes away; the session still gets the coach's check-in at breath 4.
    await server.close();
    jest.useFakeTimers({ now: new Date('2026-03-02T08:00:00.000Z') });
    try {
      fireEvent.press(screen.getByTestId('start-session'));
      await settle();
      fireEvent.press(screen.getByTestId('calm-before-skip'));
      await settle();
      for (let t = 0; t < 30_500; t += 100) {
        act(() => {
          jest.advanceTimersByTime(100);
        });
      }
      expect(screen.getByTestId('breath-counter')).toHaveTextContent('Breath 4 of 18');
      expect(screen.getByTestId('check-in')).toHaveTextContent('Let your jaw soften, Robin.');
    } finally {
      jest.useRealTimers();
    }
    server = await startTestServer(); // for afterEach
  });

  it("falls back to the scripted coach's introduction when the API fails", async () => {
    server.handle((_request, response) => {
      response.writeHead(502);
      response.end();
    });
    renderJourney(storage, { apiUrl: server.url, initialUrl: '/introduction' });
    await settle();
    await waitFor(
      () =>
        expect(screen.getByTestId('coach-introduction-text')).toHaveTextContent(
          /18.*no breath holds/,
        ),
      SLOW,
    );
    expect(screen.queryByText(/error|could not/i)).toBeNull();
  });
});
