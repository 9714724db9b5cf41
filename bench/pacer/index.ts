import { FIRST_BREATH, phaseBoundaries, planSession } from '@exhale/core';

import { launchChromium } from '../../scripts/lib/chromium.mjs';
import { withServedApp } from '../lib/served-app';
import { type Observation, type PacerSummary, matchBoundaries, summarise } from './analyse';
import { installPacerObserver } from './observer';

const FRAME_MS = 1000 / 60;

interface PacerRecording {
  sessionStartedAt: number | null;
  labels: (Observation & { text: string })[];
  reversals: (Observation & { direction: string })[];
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
    await page.addInitScript(installPacerObserver);
    if (cpuThrottle > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
    }
    await page.goto(url);
    await page.getByTestId('start-first-breath').click();
    await page.getByTestId('phase-label').waitFor();
    await page.waitForTimeout(seconds * 1000 + 500);
    return (await page.evaluate('window.__pacer')) as PacerRecording;
  } finally {
    await context.close();
  }
}

function analyse(recording: PacerRecording, seconds: number) {
  const plan = planSession(FIRST_BREATH);
  const horizon = Math.min(plan.totalMs, seconds * 1000);
  const expected = phaseBoundaries(plan).filter((b) => b.atMs > 0 && b.atMs < horizon);
  // Without the app's own start stamp, the first frame showing the session stands in for it.
  const startedAt = recording.sessionStartedAt ?? recording.labels[0]?.at ?? NaN;
  const window = Math.min(...plan.phases.map((phase) => phase.durationMs)) / 2;
  const labels = matchBoundaries(expected, recording.labels.slice(1), startedAt, window);
  const reversals = matchBoundaries(expected, recording.reversals, startedAt, window);
  return {
    startSource: recording.sessionStartedAt === null ? 'first frame' : 'app clock',
    label: summarise(labels.errors, labels.missing),
    circle: summarise(reversals.errors, reversals.missing),
  };
}

function line(name: string, summary: PacerSummary): string {
  const growth = summary.meanLastMs - summary.meanFirstMs;
  const grows = Math.abs(summary.slopeMsPerBreath) > 0.5 || Math.abs(growth) > FRAME_MS;
  return (
    `  ${name.padEnd(7)} n=${summary.count}${summary.missing ? ` (missing ${summary.missing})` : ''} ` +
    `median |error| ${summary.medianAbsMs.toFixed(1)} ms, max ${summary.maxAbsMs.toFixed(1)} ms; ` +
    `first breaths ${summary.meanFirstMs.toFixed(1)} ms → last ${summary.meanLastMs.toFixed(1)} ms ` +
    `(slope ${summary.slopeMsPerBreath.toFixed(2)} ms/breath): ${grows ? 'GROWS' : 'no growth'}`
  );
}

export async function runPacerBench(seconds: number): Promise<boolean> {
  return withServedApp(async (url) => {
    console.log(
      `\n## bench/pacer — First Breath for ${seconds} s in real time, Chromium (target: max error ≤ ${FRAME_MS.toFixed(0)} ms, no growth)`,
    );
    let ok = true;
    for (const throttle of [1, 4]) {
      const result = analyse(await recordSession(url, seconds, throttle), seconds);
      console.log(
        `  CPU ${throttle === 1 ? 'unthrottled' : `throttled ${throttle}x`} (start from ${result.startSource}):`,
      );
      console.log(line('label', result.label));
      console.log(line('circle', result.circle));
      for (const summary of [result.label, result.circle]) {
        ok &&=
          summary.missing === 0 &&
          summary.maxAbsMs <= FRAME_MS + 0.5 &&
          Math.abs(summary.slopeMsPerBreath) <= 0.5;
      }
    }
    return ok;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const seconds = Number(process.env.PACER_SECONDS ?? 180);
  process.exitCode = (await runPacerBench(seconds)) ? 0 : 1;
}
