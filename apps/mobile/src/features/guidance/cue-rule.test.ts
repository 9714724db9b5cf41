import { FIRST_BREATH, phaseBoundaries, planSession } from '@exhale/core';

import { cueFor, cuesPhasesOf } from './cue-rule';

describe('cuesPhasesOf', () => {
  it('cues every phase of the first three breaths, then every third breath', () => {
    const cued = Array.from({ length: 18 }, (_, i) => i + 1).filter(cuesPhasesOf);
    expect(cued).toEqual([1, 2, 3, 6, 9, 12, 15, 18]);
  });
});

describe('cueFor', () => {
  const change = { breath: 1, phase: 'inhale', breathStart: true, checkIn: null } as const;

  it('says the phase on a cued breath, holds included', () => {
    expect(cueFor(change)).toEqual({ kind: 'phase', text: 'Breathe in' });
    expect(cueFor({ ...change, phase: 'exhale', breathStart: false })).toEqual({
      kind: 'phase',
      text: 'Breathe out',
    });
    expect(cueFor({ ...change, breath: 6, phase: 'holdIn', breathStart: false })).toEqual({
      kind: 'phase',
      text: 'Hold',
    });
  });

  it('stays quiet on the breaths between reminders', () => {
    expect(cueFor({ ...change, breath: 4 })).toBeNull();
    expect(cueFor({ ...change, breath: 5, phase: 'exhale', breathStart: false })).toBeNull();
  });

  it('always speaks a check-in as its breath begins, instead of "Breathe in"', () => {
    const checkIn = 'Notice your shoulders.';
    expect(cueFor({ ...change, breath: 4, checkIn })).toEqual({ kind: 'checkIn', text: checkIn });
    expect(cueFor({ ...change, breath: 6, checkIn })).toEqual({ kind: 'checkIn', text: checkIn });
    // The rest of that breath follows the usual rule.
    expect(cueFor({ ...change, breath: 6, phase: 'exhale', breathStart: false, checkIn })).toEqual({
      kind: 'phase',
      text: 'Breathe out',
    });
    expect(
      cueFor({ ...change, breath: 4, phase: 'exhale', breathStart: false, checkIn }),
    ).toBeNull();
  });

  it("speaks at 16 of First Breath's 36 phase changes when there are no check-ins", () => {
    const spoken = phaseBoundaries(planSession(FIRST_BREATH))
      .map((b, i, all) =>
        cueFor({
          breath: b.breath,
          phase: b.kind,
          breathStart: i === 0 || all[i - 1]!.breath !== b.breath,
          checkIn: null,
        }),
      )
      .filter((cue) => cue !== null);
    // 8 cued breaths × 2 phases, out of 36 phase changes.
    expect(spoken).toHaveLength(16);
  });
});
