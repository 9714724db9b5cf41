import { describe, expect, it } from 'vitest';
import { SAFETY_CONDITIONS, type SafetyAnswers } from './contracts';
import { allowsBreathHolds, hasContraindication, isGentleOnly, safetyNoteFor } from './safety';

const allNo: SafetyAnswers = {
  pregnancy: false,
  seizures: false,
  heartOrBloodPressure: false,
  recentSurgery: false,
  panicAttacks: false,
};

describe('isGentleOnly and allowsBreathHolds', () => {
  it.each(SAFETY_CONDITIONS)('keeps someone who answered yes to %s on gentle patterns', (c) => {
    const profile = { safety: { ...allNo, [c]: true } };
    expect(isGentleOnly(profile)).toBe(true);
    expect(allowsBreathHolds(profile)).toBe(false);
    expect(hasContraindication(profile)).toBe(true);
  });

  it('allows breath holds only after a "no" to every condition', () => {
    expect(isGentleOnly({ safety: allNo })).toBe(false);
    expect(allowsBreathHolds({ safety: allNo })).toBe(true);
    expect(hasContraindication({ safety: allNo })).toBe(false);
  });

  it.each(SAFETY_CONDITIONS)('stays gentle while %s is unanswered or unsure', (c) => {
    expect(isGentleOnly({ safety: { ...allNo, [c]: null } })).toBe(true);
    const { [c]: _left, ...partial } = allNo;
    expect(isGentleOnly({ safety: partial })).toBe(true);
  });

  it('stays gentle before the safety screen is reached', () => {
    expect(isGentleOnly({})).toBe(true);
    expect(isGentleOnly({ experience: 'regular', goal: 'energy' })).toBe(true);
  });
});

describe('safetyNoteFor', () => {
  it('advises checking with a doctor after a yes, plainly and without diagnosis', () => {
    const note = safetyNoteFor({ safety: { ...allNo, seizures: true } });
    expect(note).toMatch(/check with your doctor/);
    expect(note).toMatch(/gentle/);
    expect(note).not.toMatch(/epilep|seizure|you have|diagnos/i);
  });

  it('gives the unsure wording when answers are missing, and none after all no', () => {
    expect(safetyNoteFor({ safety: { ...allNo, panicAttacks: null } })).toMatch(
      /^If any of these might apply/,
    );
    expect(safetyNoteFor({ safety: allNo })).toBeUndefined();
    expect(safetyNoteFor({})).toBeUndefined();
  });
});
