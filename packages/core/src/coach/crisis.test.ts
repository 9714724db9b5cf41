import { describe, expect, it } from 'vitest';
import { CRISIS_RESOURCES, crisisMessage, detectCrisis } from './crisis';
import { CRISIS_PHRASES, NOT_CRISIS_PHRASES } from './crisis-examples';
import { containsMedicalClaim } from './medical-claims';
import { seededRandom } from './random';

describe('detectCrisis', () => {
  it.each(CRISIS_PHRASES)('recognises %j', (phrase) => {
    expect(detectCrisis(phrase)).toBe(true);
  });

  it.each(NOT_CRISIS_PHRASES)('does not flag %j', (phrase) => {
    expect(detectCrisis(phrase)).toBe(false);
  });
});

describe('crisisMessage', () => {
  it('always names where to find help, kindly, without coaching or claims', () => {
    for (let seed = 0; seed < 30; seed++) {
      const message = crisisMessage(seededRandom(seed));
      expect(message).toContain(CRISIS_RESOURCES);
      expect(message).toContain('988');
      expect(message).toContain('Samaritans on 116 123');
      expect(message).toContain('findahelpline.com');
      expect(message).toMatch(/sorry|thank you/i);
      // No coaching: nothing that tells the person to breathe or practise.
      expect(message).not.toMatch(/\b(?:breathe|inhale|exhale|let's|try|practi[cs]e)\b/i);
      expect(containsMedicalClaim(message)).toBe(false);
    }
  });

  it('varies its wording around the fixed resources', () => {
    const messages = new Set(Array.from({ length: 20 }, (_, s) => crisisMessage(seededRandom(s))));
    expect(messages.size).toBeGreaterThan(3);
  });
});
