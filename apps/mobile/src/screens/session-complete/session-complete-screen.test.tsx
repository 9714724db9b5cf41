import type { FeedbackRequest } from '@exhale/core/coach';
import { act, fireEvent, screen, waitFor } from 'expo-router/testing-library';

import { renderJourney } from '@/features/coach/testing/render-journey';
import {
  eventStream,
  sseEvent,
  startTestServer,
  type TestServer,
} from '@/lib/api/coach-test-server';
import { createTestStorage, type TestStorage } from '@/test-utils/test-storage';

// The real session (fake clock), the real storage on in-memory SQLite, and the coach API
// played by a local HTTP server where a test needs one.

const START = new Date('2026-03-02T07:15:00.000Z'); // 07:15 in UTC, the tests' zone
const SLOW = { timeout: 4_000 };

async function settle() {
  for (let i = 0; i < 5; i++) await act(async () => {});
}

async function onboarded(storage: TestStorage, preferredTime: 'morning' | null = null) {
  await storage.profile.save({
    name: 'Robin',
    experience: 'beginner',
    goal: 'sleep',
    safety: null,
    preferredTime: preferredTime === null ? null : { kind: preferredTime },
    onboardedAt: '2026-03-01T07:00:00.000Z',
  });
}

/** Breathes the whole session on the fake clock (rated 2 before), then real time again. */
async function finishSession(storage: TestStorage, apiUrl: string | null = null) {
  jest.useFakeTimers({ now: START });
  try {
    renderJourney(storage, { apiUrl, initialUrl: '/session' });
    await settle();
    fireEvent.press(screen.getByTestId('calm-before-rating-2'));
    fireEvent.press(screen.getByTestId('calm-before-start'));
    await settle();
    for (let t = 0; t < 180_100; t += 500) {
      act(() => {
        jest.advanceTimersByTime(500);
      });
    }
    await settle();
  } finally {
    jest.useRealTimers();
  }
  await waitFor(() => expect(screen.getByTestId('session-complete')).toBeOnTheScreen(), SLOW);
  await settle();
}

describe('after the session', () => {
  let storage: TestStorage;
  beforeEach(async () => {
    storage = await createTestStorage();
    await onboarded(storage);
  });

  it('keeps the calm rating and a private note with the session, and explains it offline', async () => {
    await finishSession(storage);
    expect(screen.queryByTestId('coach-feedback')).toBeNull(); // the rating comes first
    fireEvent.press(screen.getByTestId('calm-after-rating-4'));
    await waitFor(
      () =>
        expect(screen.getByTestId('coach-feedback-text')).toHaveTextContent(
          /18 slow.*(2 before and 4 after|from 2 to 4|2 to 4)/,
        ),
      SLOW,
    );
    expect(screen.getByTestId('coach-feedback-text')).not.toHaveTextContent(/\{\{/);

    fireEvent.changeText(screen.getByTestId('session-note'), '  Shoulders finally dropped.  ');
    fireEvent.press(screen.getByTestId('save-note'));
    await waitFor(
      () => expect(screen.getByText('Note saved on this device.')).toBeOnTheScreen(),
      SLOW,
    );
    const [record] = await storage.sessions.list();
    expect(record).toMatchObject({
      status: 'completed',
      calmBefore: 2,
      calmAfter: 4,
      note: 'Shoulders finally dropped.',
    });
  });

  it('offers the same time tomorrow, and stores it only when there is none yet', async () => {
    await finishSession(storage);
    fireEvent.press(screen.getByTestId('same-time-yes'));
    await waitFor(
      () => expect(screen.getByTestId('same-time-tomorrow')).toHaveTextContent(/saved/),
      SLOW,
    );
    expect((await storage.profile.get())!.preferredTime).toEqual({ kind: 'custom', time: '07:15' });
  });

  it('keeps a practice time chosen in the welcome chat', async () => {
    await onboarded(storage, 'morning');
    await finishSession(storage);
    expect(screen.getByTestId('same-time-tomorrow')).toHaveTextContent('See you tomorrow morning.');
    expect(screen.queryByTestId('same-time-yes')).toBeNull();
  });

  describe('with the coach API', () => {
    let server: TestServer;
    beforeEach(async () => {
      server = await startTestServer();
    });
    afterEach(async () => {
      await server.close();
    });

    it('streams the feedback in with the name filled in here, and sends neither name nor note', async () => {
      const text =
        'You took 18 slow breaths, {{name}}. Long breaths out help your body settle. ' +
        'Your calm rose from 2 to 5. Well done.';
      server.handle((_request, response) => {
        eventStream(response);
        response.write(sseEvent('delta', { text: 'You took 18 slow breaths, {{name}}. ' }));
        setTimeout(() => {
          response.write(sseEvent('delta', { text: text.slice(36) }));
          response.end(sseEvent('done', { text, source: 'model' }));
        }, 300);
      });
      await finishSession(storage, server.url);
      fireEvent.changeText(screen.getByTestId('session-note'), 'Robin felt sleepy');
      fireEvent.press(screen.getByTestId('save-note'));
      fireEvent.press(screen.getByTestId('calm-after-rating-5'));

      await waitFor(
        () =>
          expect(screen.getByTestId('coach-feedback-text')).toHaveTextContent(
            'You took 18 slow breaths, Robin.',
          ),
        SLOW,
      );
      await waitFor(
        () =>
          expect(screen.getByTestId('coach-feedback-text')).toHaveTextContent(
            'You took 18 slow breaths, Robin. Long breaths out help your body settle. Your calm rose from 2 to 5. Well done.',
          ),
        SLOW,
      );
      const feedbackCalls = server.requests.filter((r) => r.path === '/v1/coach/feedback');
      expect(feedbackCalls).toHaveLength(1);
      const sent = JSON.parse(feedbackCalls[0]!.body) as FeedbackRequest;
      expect(sent).toEqual({
        patternId: 'first-breath',
        status: 'completed',
        breathsCompleted: 18,
        totalBreaths: 18,
        calmBefore: 2,
        calmAfter: 5,
        goal: 'sleep',
        experience: 'beginner',
        timeOfDay: 'morning',
      });
      for (const request of server.requests) expect(request.body).not.toMatch(/robin|sleepy/i);
    });

    it('shows scripted feedback, with no error, when the API is rate-limited', async () => {
      server.handle((_request, response) => {
        response.writeHead(429, { 'retry-after': '60' });
        response.end();
      });
      await finishSession(storage, server.url);
      fireEvent.press(screen.getByTestId('calm-after-skip'));
      await waitFor(
        () => expect(screen.getByTestId('coach-feedback-text')).toHaveTextContent(/18 slow/),
        SLOW,
      );
      expect(screen.queryByText(/error|too many|could not/i)).toBeNull();
    });
  });
});
