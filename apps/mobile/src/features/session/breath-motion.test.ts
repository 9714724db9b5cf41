import { FIRST_BREATH, planSession, sessionStateAt } from '@exhale/core';

import {
  breathScale,
  easeInOut,
  MAX_SCALE,
  MIN_SCALE,
  phaseLabel,
  phaseSecondsLeft,
} from './breath-motion';

const PLAN = planSession(FIRST_BREATH);
const scaleAt = (ms: number) => breathScale(sessionStateAt(PLAN, ms));

describe('easeInOut', () => {
  it('starts and ends slowly and is half-way at the middle', () => {
    expect(easeInOut(0)).toBe(0);
    expect(easeInOut(0.5)).toBeCloseTo(0.5, 10);
    expect(easeInOut(1)).toBe(1);
    expect(easeInOut(0.1)).toBeLessThan(0.1);
    expect(easeInOut(0.9)).toBeGreaterThan(0.9);
  });

  it('clamps progress outside 0..1', () => {
    expect(easeInOut(-1)).toBe(0);
    expect(easeInOut(2)).toBe(1);
  });
});

describe('breathScale', () => {
  it('grows through the inhale and shrinks through the exhale', () => {
    expect(scaleAt(0)).toBe(MIN_SCALE);
    expect(scaleAt(2_500)).toBeCloseTo((MIN_SCALE + MAX_SCALE) / 2, 10);
    expect(scaleAt(4_999)).toBeCloseTo(MAX_SCALE, 4);
    expect(scaleAt(5_000)).toBe(MAX_SCALE);
    expect(scaleAt(7_500)).toBeCloseTo((MIN_SCALE + MAX_SCALE) / 2, 10);
    expect(scaleAt(9_999)).toBeCloseTo(MIN_SCALE, 4);
    expect(scaleAt(10_000)).toBe(MIN_SCALE);
  });

  it('is continuous across the turn of the breath (no jump at a boundary)', () => {
    expect(Math.abs(scaleAt(5_001) - scaleAt(4_999))).toBeLessThan(0.001);
    expect(Math.abs(scaleAt(10_001) - scaleAt(9_999))).toBeLessThan(0.001);
  });

  it('holds full after an inhale and small after an exhale', () => {
    expect(breathScale({ phase: 'holdIn', phaseProgress: 0.3 })).toBe(MAX_SCALE);
    expect(breathScale({ phase: 'holdOut', phaseProgress: 0.7 })).toBe(MIN_SCALE);
  });
});

describe('phase text', () => {
  it('names each phase for a beginner', () => {
    expect(phaseLabel('inhale')).toBe('Breathe in');
    expect(phaseLabel('holdIn')).toBe('Hold');
    expect(phaseLabel('exhale')).toBe('Breathe out');
    expect(phaseLabel('holdOut')).toBe('Hold');
  });

  it('rounds the time left up to whole seconds', () => {
    expect(phaseSecondsLeft({ phaseRemainingMs: 5_000 })).toBe(5);
    expect(phaseSecondsLeft({ phaseRemainingMs: 4_001 })).toBe(5);
    expect(phaseSecondsLeft({ phaseRemainingMs: 4_000 })).toBe(4);
    expect(phaseSecondsLeft({ phaseRemainingMs: 1 })).toBe(1);
  });
});
