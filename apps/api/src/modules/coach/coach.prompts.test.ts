import type { FeedbackRequest } from '@exhale/core/coach';
import { describe, expect, it } from 'vitest';

import { feedbackMessages } from './coach.prompts';

const request: FeedbackRequest = {
  patternId: 'first-breath',
  status: 'completed',
  breathsCompleted: 18,
  totalBreaths: 18,
  calmBefore: 2,
  calmAfter: 4,
  goal: 'sleep',
  experience: 'beginner',
  timeOfDay: 'evening',
};

function userPrompt(overrides: Partial<FeedbackRequest>): string {
  const user = feedbackMessages({ ...request, ...overrides }).find((m) => m.role === 'user');
  return user?.content ?? '';
}

describe('feedbackMessages', () => {
  it('gives the model both calm ratings', () => {
    expect(userPrompt({})).toContain('Calm before 2, after 4');
  });

  it('says "not rated" for a skipped rating instead of passing on null', () => {
    expect(userPrompt({ calmBefore: null })).toContain('Calm before not rated, after 4');
    expect(userPrompt({ calmBefore: null, calmAfter: null })).toContain(
      'Calm before not rated, after not rated',
    );
    expect(userPrompt({ calmBefore: null })).not.toContain('null');
  });
});
