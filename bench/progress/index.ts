import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  awardBadges,
  computeStreaks,
  progressSnapshot,
  progressSummary,
  type CalmRating,
  type ProgressSession,
} from '@exhale/core/progress';

// The app's own storage code over better-sqlite3 (the driver its tests use): the same
// migrations, insert and list() the progress screen goes through (expo-sqlite on devices).
import { createBetterSqliteDriver } from '../../apps/mobile/src/lib/storage/better-sqlite-driver';
import { loadProgress } from '../../apps/mobile/src/features/progress/load-progress';
import { createStorage } from '../../apps/mobile/src/lib/storage/create-storage';
import { runProgressPaintBench } from './first-paint';
import { generateHistory } from './history';

export const TARGET_MEDIAN_MS = 10;
const WARM_UP_RUNS = 10;
const MEASURED_RUNS = 100;

interface Timing {
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
}

// Nothing stored yet: every badge is evaluated, the most work awardBadges can do.
function computeProgress(
  sessions: readonly ProgressSession[],
  ratings: CalmRating[],
  today: string,
) {
  return {
    streaks: computeStreaks(sessions, { today }),
    badges: awardBadges(sessions, []),
    summary: progressSummary(sessions, { today, ratings, weeks: 8, months: 12 }),
  };
}

function snapshot(sessions: readonly ProgressSession[], ratings: CalmRating[], today: string) {
  return progressSnapshot(sessions, { today, ratings, weeks: 8, months: 12, alreadyEarned: [] });
}

async function measure(run: () => unknown): Promise<Timing> {
  for (let i = 0; i < WARM_UP_RUNS; i += 1) await run();
  const samples: number[] = [];
  for (let i = 0; i < MEASURED_RUNS; i += 1) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)] ?? NaN;
  return { medianMs: at(0.5), p95Ms: at(0.95), minMs: samples[0] ?? NaN, maxMs: at(1) };
}

function report(label: string, timing: Timing): boolean {
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  const within = timing.medianMs < TARGET_MEDIAN_MS;
  const verdict = within ? 'within target' : 'over target';
  console.log(
    `  ${label}: median ${ms(timing.medianMs)}, p95 ${ms(timing.p95Ms)} ` +
      `(min ${ms(timing.minMs)}, max ${ms(timing.maxMs)}) → ${verdict}`,
  );
  return within;
}

async function runProgressComputeBench(): Promise<boolean> {
  const { sessions, ratings, today } = generateHistory();
  const zones = new Set(sessions.map((s) => s.timeZone)).size;
  const partial = sessions.filter((s) => s.status === 'partial').length;
  console.log('\n## bench/progress — streaks + badges + progress summary over 5 years');
  console.log(
    `  ${sessions.length} sessions (${partial} partial), ${ratings.length} calm ratings, ` +
      `${zones} time zones, ${sessions[0]?.startedAt.slice(0, 10)} → ${today}; Node ${process.version}; ` +
      `median and p95 of ${MEASURED_RUNS} runs after ${WARM_UP_RUNS} warm-up, target median < ${TARGET_MEDIAN_MS} ms`,
  );

  // The first call in a process also builds the per-zone formatters and offset caches.
  const coldStart = performance.now();
  const result = computeProgress(sessions, ratings, today);
  const coldMs = performance.now() - coldStart;
  console.log(
    `  (streak ${result.streaks.current}, longest ${result.streaks.longest}, ` +
      `${result.badges.earned.length} badges, ${result.summary.totals.minutes} minutes)`,
  );
  console.log(`  first call in the process (cold JIT, empty caches): ${coldMs.toFixed(2)} ms`);
  const computeOk = report(
    'computeStreaks + awardBadges + progressSummary, records in memory',
    await measure(() => computeProgress(sessions, ratings, today)),
  );
  report(
    'progressSnapshot (the same, local times worked out once), records in memory',
    await measure(() => snapshot(sessions, ratings, today)),
  );

  const dir = mkdtempSync(join(tmpdir(), 'exhale-bench-progress-'));
  const file = join(dir, 'exhale.db');
  try {
    const driver = createBetterSqliteDriver(file);
    const storage = await createStorage(driver, {
      onWarning: (warning) => {
        throw new Error(warning.message);
      },
    });
    try {
      // Setup, not measured: the app's own insert path, in one transaction.
      await driver.transaction(async () => {
        for (const session of sessions) await storage.sessions.add(session);
      });
      if ((await storage.sessions.progressHistory()).sessions.length !== sessions.length) {
        throw new Error('SQLite lost sessions');
      }

      report(
        'SQLite read, app repository list() (12 columns + zod per row)',
        await measure(() => storage.sessions.list()),
      );
      report(
        'SQLite read + the three functions, app repository list()',
        await measure(async () => computeProgress(await storage.sessions.list(), ratings, today)),
      );
      report(
        'SQLite read, progressHistory() (lean query: 8 columns as positional rows, no zod)',
        await measure(() => storage.sessions.progressHistory()),
      );
      report(
        'SQLite read + progressSnapshot, progressHistory()',
        await measure(async () => {
          const history = await storage.sessions.progressHistory();
          return snapshot(history.sessions, history.ratings, today);
        }),
      );
      // What the progress screen runs on every visit: lean history, stored badges and the
      // streak setting read from SQLite, then progressSnapshot (badges already stored by
      // the first call, as on a device that has been opened before).
      const timeZone = 'Europe/London';
      const now = Date.parse(`${today}T20:00:00Z`);
      await loadProgress(storage, { now, timeZone });
      const appOk = report(
        "the app's loadProgress() from SQLite (history + badges + settings + snapshot)",
        await measure(() => loadProgress(storage, { now, timeZone })),
      );
      console.log(
        `  bench/progress: ${computeOk && appOk ? 'within target' : 'OVER TARGET'} ` +
          "(the three functions in memory, and the app's read-and-compute from SQLite)",
      );
      return computeOk && appOk;
    } finally {
      await storage.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The computation in Node (the target), then the screen's first paint in Chromium. */
export async function runProgressBench(): Promise<boolean> {
  const ok = await runProgressComputeBench();
  await runProgressPaintBench();
  return ok;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = (await runProgressBench()) ? 0 : 1;
}
