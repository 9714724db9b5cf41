import { describe, expect, it } from 'vitest';
import { containsMedicalClaim } from './medical-claims';

describe('containsMedicalClaim', () => {
  it.each([
    'Breathwork cures anxiety.',
    'This will cure your insomnia.',
    'Slow breathing treats depression.',
    'It can heal your panic attacks.',
    'Regular practice lowers blood pressure.',
    'This reduces your cortisol.',
    'It is clinically proven to work.',
    'You may have an anxiety disorder; this is a diagnosis worth exploring.',
    'Think of this as a treatment for stress.',
    'You can use this instead of your medication.',
    'Results guaranteed.',
    'Breathing boosts your immune system.',
    'It will fix your sleep problems.',
    'This prevents migraines.',
  ])('flags %j', (text) => {
    expect(containsMedicalClaim(text)).toBe(true);
  });

  it.each([
    'Slow breathing tends to bring in the rest and digest response.',
    'Do any of these apply: a heart or blood-pressure condition, or panic attacks?',
    'Please check with your doctor before trying breathwork beyond gentle breathing.',
    'Treat yourself gently today.',
    'It gives a busy mind something steady to follow.',
    'A few slow breaths can help you wind down before bed.',
    'Your calm went from 2 to 4 in a short time.',
  ])('lets %j through', (text) => {
    expect(containsMedicalClaim(text)).toBe(false);
  });
});
