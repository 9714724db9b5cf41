import { FIRST_BREATH, phaseBoundaries, planSession } from '@exhale/core';

import { launchChromium } from '../../scripts/lib/chromium.mjs';
import { withServedApp } from '../lib/served-app';
import { type Observation, type PacerSummary, matchBoundaries, summarise } from './analyse';
import { installPacerObserver } from './observer';

/** The app marks the start of its session clock with this User Timing name. */
const SESSION_START_MARK = 'exhale:session-start';
const FRAME_MS = 1000 / 60;

interface PacerRecording {
  sessionStartedAt: number | null;
  labels: (Observation & { writtenAt: number; text: string })[];
  reversals: (Observation & { writtenAt: number; direction: string })[];
  frames: number[];
}

async function recordSession(
  url: string,
  seconds: number,
  cpuThrottle: number,
): Promise<PacerRecording> {
  const context = await launchChromium();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    // tsx keeps function names with an `__name` helper that the page does not have.
    await page.addInitScript('window.__name = (fn) => fn;');
    await page.addInitScript(installPacerObserver, SESSION_START_MARK);
    if (cpuThrottle > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
    }
    // Straight to the session: the welcome chat and the introduction are not what is
    // measured, and the calm rating is skipped as a person may.
    await page.goto(`${url}/session`);
    await page.getByTestId('calm-before-skip').click();
    await page.getByTestId('phase-label').waitFor();
    await page.waitForTimeout(seconds * 1000 + 500);
    return (await page.evaluate('window.__pacer')) as PacerRecording;
  } finally {
    await context.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function analyse(recording: PacerRecording, seconds: number) {
  if (recording.sessionStartedAt === null) {
    throw new Error(`The app did not mark '${SESSION_START_MARK}': cannot line up the boundaries.`);
  }
  const plan = planSession(FIRST_BREATH);
  const horizon = Math.min(plan.totalMs, seconds * 1000);
  const expected = phaseBoundaries(plan).filter((b) => b.atMs > 0 && b.atMs < horizon);
  const window = Math.min(...plan.phases.map((phase) => phase.durationMs)) / 2;
  const start = recording.sessionStartedAt;
  const labels = matchBoundaries(expected, recording.labels.slice(1), start, window);
  const reversals = matchBoundaries(expected, recording.reversals, start, window);
  const labelWrites = matchBoundaries(
    expected,
    recording.labels.slice(1).map((label) => ({ at: label.writtenAt })),
    start,
    window,
  );
  return {
    labelWrites: summarise(labelWrites.errors, labelWrites.missing),
    frameMs: median(recording.frames.slice(1).map((time, i) => time - recording.frames[i]!)),
    label: summarise(labels.errors, labels.missing),
    circle: summarise(reversals.errors, reversals.missing),
  };
}

/**
 * Drift would make the error grow from the first breaths to the last. The sub-frame phase
 * between the display's refresh and the boundaries wanders on its own (a beat, bounded by
 * one frame), so growth counts only when the gap exceeds a frame.
 */
function growthMs(summary: PacerSummary): number {
  return summary.meanLastMs - summary.meanFirstMs;
}

function line(name: string, summary: PacerSummary): string {
  const growth = growthMs(summary);
  return (
    `  ${name.padEnd(7)} n=${summary.count}${summary.missing ? ` (missing ${summary.missing})` : ''} ` +
    `median ${summary.medianAbsMs.toFixed(1)} ms, max ${summary.maxAbsMs.toFixed(1)} ms; ` +
    `mean first breaths ${summary.meanFirstMs.toFixed(1)} ms → last ${summary.meanLastMs.toFixed(1)} ms ` +
    `(slope ${summary.slopeMsPerBreath.toFixed(2)} ms/breath): ${growth < FRAME_MS ? 'no growth' : 'GROWS'}`
  );
}

export async function runPacerBench(seconds: number): Promise<boolean> {
  return withServedApp(async (url) => {
    console.log(
      `\n## bench/pacer — First Breath, ${seconds} s in real time in Chromium; ` +
        `error = start of the frame that shows the change − the engine's boundary (target: max ≤ ${FRAME_MS.toFixed(1)} ms, no growth)`,
    );
    let ok = true;
    for (const throttle of [1, 4]) {
      const result = analyse(await recordSession(url, seconds, throttle), seconds);
      const cpu = throttle === 1 ? 'CPU unthrottled' : `CPU throttled ${throttle}x`;
      console.log(`  ${cpu} (median frame ${result.frameMs.toFixed(1)} ms):`);
      console.log(line('label', result.label));
      console.log(line('circle', result.circle));
      console.log(
        `  (label DOM write after the boundary, frame wait + render: median ` +
          `${result.labelWrites.medianAbsMs.toFixed(1)} ms, max ${result.labelWrites.maxAbsMs.toFixed(1)} ms)`,
      );
      for (const summary of [result.label, result.circle]) {
        ok &&=
          summary.missing === 0 && summary.maxAbsMs <= FRAME_MS && growthMs(summary) < FRAME_MS;
      }
    }
    return ok;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const seconds = Number(process.env.PACER_SECONDS ?? 180);
  process.exitCode = (await runPacerBench(seconds)) ? 0 : 1;
}
